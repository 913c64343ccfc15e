package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffStatusReportCreate adds a status report on a measure (action
// "report").
func (h *Handler) staffStatusReportCreate(c *gin.Context) {
	cc, state, ok := h.loadMeasureState(c)
	if !ok {
		return
	}
	page := newMeasureReportPage(cc, state)
	page.Report, page.ProgressRaw = statusReportOf(c, state.Entry.Measure.LineageID)
	_, err := h.App.ReportOnMeasure(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, page.Report)
	h.measureReportDone(c, page, err)
}

// statusReportOf decodes the report form, with the progress as typed for
// the form to show again. A date that is not one stays zero and progress
// that is no number is -1: both are refused as out of range.
func statusReportOf(c *gin.Context, lineage int64) (domain.StatusReport, string) {
	form := c.Request.PostForm
	r := domain.StatusReport{LineageID: lineage, Status: form.Get("status"),
		Text: strings.TrimSpace(form.Get("text")), IndicatorValue: strings.TrimSpace(form.Get("indicator_value"))}
	r.ReportedOn, _ = time.Parse(time.DateOnly, form.Get("reported_on"))
	if day, err := time.Parse(time.DateOnly, form.Get("new_date")); err == nil {
		r.NewDate = &day
	}
	progress := strings.TrimSpace(form.Get("progress"))
	if progress != "" {
		n, err := strconv.Atoi(progress)
		if err != nil {
			n = -1
		}
		r.Progress = &n
	}
	return r, progress
}
