package web

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// Reports per hour: per device, and per client address, because a script
// that drops its cookie is a new device with every request.
const (
	reportRatePerHour       = 30
	reportRatePerClientHour = 10
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
	report := domain.Report{Reason: c.Request.PostForm.Get("reason"), Note: c.Request.PostForm.Get("note")}.Normalize()
	if problems := report.Validate(); len(problems) > 0 {
		h.renderIdea(c, http.StatusUnprocessableEntity, reportForm{Reason: report.Reason, Note: report.Note, Errors: problems})
		return
	}
	if d := h.Live.Allow(c.Request.Context(), "report-client:"+h.clientKey(c), reportRatePerClientHour); !d.Allowed {
		h.rateLimited(c, d.RetryAfter)
		return
	}
	device := h.deviceHash(c, true)
	if d := h.Live.Allow(c.Request.Context(), "report:"+device, reportRatePerHour); !d.Allowed {
		h.rateLimited(c, d.RetryAfter)
		return
	}
	if _, err := h.Store.ReportIdea(c.Request.Context(), pc.Process.ID, id, device, report, h.Config.ReportThreshold); err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("%s/ideen?gemeldet=1", pc.BaseURL))
}
