package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type ideaPage struct {
	processContext
	Idea      domain.Contribution
	Merged    []domain.Contribution
	Trail     []store.TrailMeasure
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
	if idea.MergedIntoID != nil {
		// A merged idea lives on in the one that absorbed it, which shows
		// its text and origin.
		c.Redirect(http.StatusSeeOther, pc.BaseURL+"/ideen/"+strconv.FormatInt(*idea.MergedIntoID, 10)+"#beitrag-"+strconv.FormatInt(idea.ID, 10))
		return
	}
	merged, err := h.Store.MergedInto(ctx, idea.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	trail, err := h.Store.IdeaTrail(ctx, idea.ID)
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
		processContext: pc, Idea: idea, Merged: merged, Trail: trail, Field: field, Supported: supported[idea.ID],
		Submitted: c.Query("eingereicht") == "1", Report: report,
	})
}
