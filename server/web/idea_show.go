package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type ideaPage struct {
	processContext
	Idea      domain.Contribution
	Field     domain.ActionField
	Supported bool
	Submitted bool
	Report    reportForm
}

type reportForm struct {
	Reasons []string
	Reason  string
	Note    string
	Errors  []domain.FieldError
}

// ideaShow is the idea's own page.
func (h *Handler) ideaShow(c *gin.Context) {
	h.renderIdea(c, http.StatusOK, reportForm{})
}

func (h *Handler) renderIdea(c *gin.Context, status int, report reportForm) {
	pc, id, ok := h.loadIdeaRoute(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	device := h.deviceHash(c, false)
	idea, err := h.Store.IdeaForViewer(ctx, pc.Process.ID, id, device)
	if err != nil {
		h.fail(c, err)
		return
	}
	supported, err := h.Store.SupportedBy(ctx, device, []int64{idea.ID})
	if err != nil {
		h.fail(c, err)
		return
	}
	field, _ := pc.field(idea.ActionFieldID)
	report.Reasons = domain.ReportReasons
	h.render(c, status, "idea_show", ideaPage{
		processContext: pc, Idea: idea, Field: field, Supported: supported[idea.ID],
		Submitted: c.Query("eingereicht") == "1", Report: report,
	})
}
