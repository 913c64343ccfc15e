package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// ideaReport takes a citizen's report of an idea (reason from a fixed list,
// optional note). A device counts once per idea; at the configured number
// of reports the idea is hidden everywhere until a moderator decides.
func (h *Handler) ideaReport(c *gin.Context) {
	pc, id, ok := h.loadIdeaRoute(c)
	if !ok {
		return
	}
	if !h.parseForm(c) {
		return
	}
	report := domain.Report{Reason: c.Request.PostForm.Get("reason"), Note: c.Request.PostForm.Get("note")}
	if err := h.App.ReportIdea(c.Request.Context(), pc.ProcessScope, id, report, h.citizen(c, true)); err != nil {
		var de *domain.Error
		if errors.As(err, &de) && de.Code == domain.CodeInvalid {
			report = report.Normalize()
			h.renderIdea(c, http.StatusUnprocessableEntity, reportForm{Reason: report.Reason, Note: report.Note, Errors: de.Fields})
			return
		}
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("ideaList", pc)+"?gemeldet=1")
}
