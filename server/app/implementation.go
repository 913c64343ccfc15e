package app

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
)

// Implementation is the newest adopted concept of a process with the
// state of each of its measures.
type Implementation struct {
	Concept *domain.Concept // nil when nothing is adopted yet
	States  []domain.MeasureState
	Reports []domain.StatusReport // all, newest first
}

// State returns the state of the measure with the lineage.
func (im Implementation) State(lineage int64) (domain.MeasureState, bool) {
	for _, s := range im.States {
		if s.Entry.Measure.LineageID == lineage {
			return s, true
		}
	}
	return domain.MeasureState{}, false
}

// Implementation reads where the measures of a process stand on the day
// now: what the dashboard, the reporting and review pages and the feeds
// show.
func (a *App) Implementation(ctx context.Context, processID int64, now time.Time) (Implementation, error) {
	var im Implementation
	v, found, err := a.store.AdoptedVersion(ctx, processID)
	if err != nil || !found {
		return im, err
	}
	concept, err := a.store.Concept(ctx, v)
	if err != nil {
		return im, err
	}
	im.Concept = &concept
	hist, err := a.LineageHistory(ctx, processID)
	if err != nil {
		return im, err
	}
	im.Reports = hist.reports
	for _, f := range concept.Tree() {
		for _, o := range f.Objectives {
			for _, e := range o.Measures {
				im.States = append(im.States, hist.State(e, f.Field, now))
			}
		}
	}
	return im, nil
}

// History is a process's reports (newest first) and occurrences by
// lineage: a measure's history follows it through every version.
type History struct {
	reports       []domain.StatusReport
	reportsOf     map[int64][]domain.StatusReport
	occurrencesOf map[int64][]domain.Occurrence
}

// LineageHistory reads the reports and occurrences of a process.
func (a *App) LineageHistory(ctx context.Context, processID int64) (History, error) {
	hist := History{reportsOf: map[int64][]domain.StatusReport{}, occurrencesOf: map[int64][]domain.Occurrence{}}
	var err error
	if hist.reports, err = a.store.Reports(ctx, processID); err != nil {
		return hist, err
	}
	occurrences, err := a.store.Occurrences(ctx, processID)
	if err != nil {
		return hist, err
	}
	for _, r := range hist.reports {
		hist.reportsOf[r.LineageID] = append(hist.reportsOf[r.LineageID], r)
	}
	for _, o := range occurrences {
		hist.occurrencesOf[o.LineageID] = append(hist.occurrencesOf[o.LineageID], o)
	}
	return hist, nil
}

// State is where the measure stands on the day now.
func (hist History) State(e domain.MeasureEntry, field domain.ActionField, now time.Time) domain.MeasureState {
	lineage := e.Measure.LineageID
	return domain.NewMeasureState(e, field, hist.reportsOf[lineage], hist.occurrencesOf[lineage], now)
}
