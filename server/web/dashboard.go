package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/chart"
	"zukunftswerk/server/domain"
)

type dashboardPage struct {
	processContext
	app.Dashboard
	ByStatus chart.Bars
	ByField  chart.Bars // share of completed measures per field
	Statuses []string
	Progress chart.Line
}

// dashboard is the public implementation dashboard of a process: where the
// adopted measures stand, per status and field, over time, what is due and
// what was achieved lately.
func (h *Handler) dashboard(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	d, err := h.App.Dashboard(c.Request.Context(), pc.ProcessScope, time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return
	}
	page := dashboardPage{processContext: pc, Dashboard: d, Statuses: domain.MeasureStatuses}
	if d.Concept == nil {
		h.render(c, http.StatusOK, "dashboard", page)
		return
	}
	lang := langOf(c)
	statusLabels := make([]string, len(domain.MeasureStatuses))
	for i, s := range domain.MeasureStatuses {
		statusLabels[i] = h.Catalog.Message(lang, "measure.status."+s)
	}
	page.ByStatus = chart.NewBars(statusLabels, domain.MeasureStatuses, d.StatusCounts)
	var fieldLabels, fieldKeys []string
	var shares []int
	for _, row := range d.FieldRows {
		fieldLabels = append(fieldLabels, row.Field.Title)
		fieldKeys = append(fieldKeys, "field")
		shares = append(shares, 100*row.Completed/row.Total)
	}
	page.ByField = chart.NewBars(fieldLabels, fieldKeys, shares)
	if len(d.Months) > 0 {
		labels := make([]string, len(d.Months))
		for i, m := range d.Months {
			labels[i] = m.Format("2006-01")
		}
		page.Progress = chart.NewLine(labels, d.CompletedBy)
	}
	h.render(c, http.StatusOK, "dashboard", page)
}
