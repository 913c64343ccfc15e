package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffOccurrenceCreate logs that a recurring measure took place (action
// "occurrence").
func (h *Handler) staffOccurrenceCreate(c *gin.Context) {
	cc, state, ok := h.loadMeasureState(c)
	if !ok {
		return
	}
	page := newMeasureReportPage(cc, state)
	page.Occurrence = occurrenceOf(c, state.Entry.Measure.LineageID)
	_, err := h.App.LogOccurrence(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, page.Occurrence)
	h.measureReportDone(c, page, err)
}

// occurrenceOf decodes the occurrence form. A date that is not one stays
// zero and an attendance that is no number is -1: both are refused as out
// of range.
func occurrenceOf(c *gin.Context, lineage int64) domain.Occurrence {
	form := c.Request.PostForm
	o := domain.Occurrence{LineageID: lineage, Note: strings.TrimSpace(form.Get("note"))}
	o.OccurredOn, _ = time.Parse(time.DateOnly, form.Get("occurred_on"))
	if raw := strings.TrimSpace(form.Get("attendance")); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil {
			n = -1
		}
		o.Attendance = &n
	}
	return o
}
