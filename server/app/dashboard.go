package app

import (
	"context"
	"slices"
	"time"

	"zukunftswerk/server/chart"
	"zukunftswerk/server/domain"
)

// Dashboard is where the adopted measures of a process stand: per status
// and action field, over the months since the first report, what is due
// and what was achieved lately.
type Dashboard struct {
	Implementation
	Total        int
	Completed    int
	StatusCounts []int // by domain.MeasureStatuses
	FieldRows    []FieldRow
	Months       []time.Time // first day of each month since the first report
	CompletedBy  []int       // measures completed by the end of each of Months
	Upcoming     []domain.MeasureState
	Recent       []RecentReport
}

// FieldRow counts one action field's measures.
type FieldRow struct {
	Field     domain.ActionField
	Counts    []int // by domain.MeasureStatuses
	Total     int
	Completed int
}

// RecentReport is a report that completed a measure.
type RecentReport struct {
	Report domain.StatusReport
	State  domain.MeasureState
}

// recentReports is how many achievements the dashboard lists.
const recentReports = 5

// Dashboard computes a process's dashboard on the day now; a process with
// no adopted concept has an empty one (Concept nil).
func (a *App) Dashboard(ctx context.Context, p ProcessScope, now time.Time) (Dashboard, error) {
	im, err := a.Implementation(ctx, p.Process.ID, now)
	if err != nil || im.Concept == nil {
		return Dashboard{Implementation: im}, err
	}
	d := Dashboard{Implementation: im, StatusCounts: make([]int, len(domain.MeasureStatuses))}
	d.countByField(p.Fields)
	if len(im.Reports) > 0 {
		first := im.Reports[len(im.Reports)-1].ReportedOn
		d.Months = chart.Months(first, now)
		for _, m := range d.Months {
			d.CompletedBy = append(d.CompletedBy, domain.CompletedBy(im.States, m.AddDate(0, 1, -1)))
		}
	}
	for _, s := range im.States {
		if s.Next != nil {
			d.Upcoming = append(d.Upcoming, s)
		}
	}
	slices.SortFunc(d.Upcoming, func(a, b domain.MeasureState) int { return a.Next.Compare(*b.Next) })
	for _, r := range im.Reports {
		if !domain.Completed(r.Status) || len(d.Recent) == recentReports {
			continue
		}
		if s, ok := im.State(r.LineageID); ok {
			d.Recent = append(d.Recent, RecentReport{Report: r, State: s})
		}
	}
	return d, nil
}

// countByField counts the measures by status, in total and per field (in
// the fields' order, only fields that have measures).
func (d *Dashboard) countByField(fields []domain.ActionField) {
	rows := map[int64]*FieldRow{}
	for _, f := range fields {
		rows[f.ID] = &FieldRow{Field: f, Counts: make([]int, len(domain.MeasureStatuses))}
	}
	for _, s := range d.States {
		i := slices.Index(domain.MeasureStatuses, s.Status)
		if i < 0 {
			continue
		}
		d.StatusCounts[i]++
		d.Total++
		if domain.Completed(s.Status) {
			d.Completed++
		}
		row := rows[s.Field.ID]
		if row == nil {
			continue
		}
		row.Counts[i]++
		row.Total++
		if domain.Completed(s.Status) {
			row.Completed++
		}
	}
	for _, f := range fields {
		if row := rows[f.ID]; row.Total > 0 {
			d.FieldRows = append(d.FieldRows, *row)
		}
	}
}
