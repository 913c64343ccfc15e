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
	Workshop  string // where it was written, if in a workshop
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
	view, err := h.App.Idea(c.Request.Context(), pc.ProcessScope, id, h.deviceHash(c, false))
	if err != nil {
		h.fail(c, err)
		return
	}
	idea := view.Idea
	if idea.MergedIntoID != nil {
		// A merged idea lives on in the one that absorbed it, which shows
		// its text and origin.
		c.Redirect(http.StatusSeeOther, h.path("ideaShow", pc, *idea.MergedIntoID)+"#beitrag-"+strconv.FormatInt(idea.ID, 10))
		return
	}
	field, _ := pc.Field(idea.ActionFieldID)
	report.Reasons = domain.ReportReasons
	h.render(c, status, "idea_show", ideaPage{
		processContext: pc, Idea: idea, Workshop: view.Workshop, Merged: view.Merged, Trail: view.Trail, Field: field, Supported: view.Supported,
		Submitted: c.Query("eingereicht") == "1", Report: report,
	})
}
