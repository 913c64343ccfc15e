package web

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
)

// implementation is the newest adopted concept of a process with the
// state of each of its measures.
type implementation struct {
	Concept *domain.Concept // nil when nothing is adopted yet
	States  []domain.MeasureState
	Reports []domain.StatusReport // all, newest first
}

// State returns the state of the measure with the lineage.
func (im implementation) State(lineage int64) (domain.MeasureState, bool) {
	for _, s := range im.States {
		if s.Entry.Measure.LineageID == lineage {
			return s, true
		}
	}
	return domain.MeasureState{}, false
}

// loadImplementation reads what the dashboard, the reporting and review
// pages and the feeds show.
func (h *Handler) loadImplementation(ctx context.Context, processID int64, now time.Time) (implementation, error) {
	var im implementation
	v, found, err := h.Store.AdoptedVersion(ctx, processID)
	if err != nil || !found {
		return im, err
	}
	concept, err := h.Store.Concept(ctx, v)
	if err != nil {
		return im, err
	}
	im.Concept = &concept
	hist, err := h.lineageHistory(ctx, processID)
	if err != nil {
		return im, err
	}
	im.Reports = hist.reports
	for _, f := range concept.Tree() {
		for _, o := range f.Objectives {
			for _, e := range o.Measures {
				im.States = append(im.States, hist.state(e, f.Field, now))
			}
		}
	}
	return im, nil
}

// history is a process's reports (newest first) and occurrences by lineage.
type history struct {
	reports       []domain.StatusReport
	reportsOf     map[int64][]domain.StatusReport
	occurrencesOf map[int64][]domain.Occurrence
}

func (h *Handler) lineageHistory(ctx context.Context, processID int64) (history, error) {
	hist := history{reportsOf: map[int64][]domain.StatusReport{}, occurrencesOf: map[int64][]domain.Occurrence{}}
	var err error
	if hist.reports, err = h.Store.Reports(ctx, processID); err != nil {
		return hist, err
	}
	occurrences, err := h.Store.Occurrences(ctx, processID)
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

// state is where the measure stands on the day now.
func (hist history) state(e domain.MeasureEntry, field domain.ActionField, now time.Time) domain.MeasureState {
	lineage := e.Measure.LineageID
	return domain.NewMeasureState(e, field, hist.reportsOf[lineage], hist.occurrencesOf[lineage], now)
}
