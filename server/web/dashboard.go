package web

import (
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/chart"
	"zukunftswerk/server/domain"
)

type dashboardPage struct {
	processContext
	Concept   *domain.Concept
	Total     int
	Completed int
	ByStatus  chart.Bars
	ByField   chart.Bars // share of completed measures per field
	FieldRows []fieldRow
	Statuses  []string
	Progress  chart.Line
	Upcoming  []domain.MeasureState
	Recent    []recentReport
}

type fieldRow struct {
	Field     domain.ActionField
	Counts    []int // by Statuses
	Total     int
	Completed int
}

type recentReport struct {
	Report domain.StatusReport
	State  domain.MeasureState
}

// dashboard is the public implementation dashboard of a process: where the
// adopted measures stand, per status and field, over time, what is due and
// what was achieved lately.
func (h *Handler) dashboard(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	now := time.Now().UTC()
	im, err := h.App.Implementation(c.Request.Context(), pc.Process.ID, now)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := dashboardPage{processContext: pc, Concept: im.Concept, Statuses: domain.MeasureStatuses}
	if im.Concept == nil {
		h.render(c, http.StatusOK, "dashboard", page)
		return
	}
	lang := langOf(c)
	label := func(key string) string { return h.Catalog.Message(lang, key) }

	counts := make([]int, len(domain.MeasureStatuses))
	rows := map[int64]*fieldRow{}
	for _, f := range pc.Fields {
		rows[f.ID] = &fieldRow{Field: f, Counts: make([]int, len(domain.MeasureStatuses))}
	}
	for _, s := range im.States {
		i := slices.Index(domain.MeasureStatuses, s.Status)
		if i < 0 {
			continue
		}
		counts[i]++
		page.Total++
		row := rows[s.Field.ID]
		if row == nil {
			continue
		}
		row.Counts[i]++
		row.Total++
		if domain.Completed(s.Status) {
			row.Completed++
			page.Completed++
		}
	}
	statusLabels := make([]string, len(domain.MeasureStatuses))
	for i, s := range domain.MeasureStatuses {
		statusLabels[i] = label("measure.status." + s)
	}
	page.ByStatus = chart.NewBars(statusLabels, domain.MeasureStatuses, counts)

	var fieldLabels, fieldKeys []string
	var shares []int
	for _, f := range pc.Fields {
		row := rows[f.ID]
		if row.Total == 0 {
			continue
		}
		page.FieldRows = append(page.FieldRows, *row)
		fieldLabels = append(fieldLabels, f.Title)
		fieldKeys = append(fieldKeys, "field")
		shares = append(shares, 100*row.Completed/row.Total)
	}
	page.ByField = chart.NewBars(fieldLabels, fieldKeys, shares)

	if len(im.Reports) > 0 {
		first := im.Reports[len(im.Reports)-1].ReportedOn
		months := chart.Months(first, now)
		labels := make([]string, len(months))
		values := make([]int, len(months))
		for i, m := range months {
			labels[i] = m.Format("2006-01")
			values[i] = domain.CompletedBy(im.States, m.AddDate(0, 1, -1))
		}
		page.Progress = chart.NewLine(labels, values)
	}
	for _, s := range im.States {
		if s.Next != nil {
			page.Upcoming = append(page.Upcoming, s)
		}
	}
	slices.SortFunc(page.Upcoming, func(a, b domain.MeasureState) int { return a.Next.Compare(*b.Next) })
	for _, r := range im.Reports {
		if !domain.Completed(r.Status) || len(page.Recent) == 5 {
			continue
		}
		if s, ok := im.State(r.LineageID); ok {
			page.Recent = append(page.Recent, recentReport{Report: r, State: s})
		}
	}
	h.render(c, http.StatusOK, "dashboard", page)
}
