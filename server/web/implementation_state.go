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

// loadImplementation reads what the dashboard, the measure pages, the
// reporting pages and the feeds show.
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
	if im.Reports, err = h.Store.Reports(ctx, processID); err != nil {
		return im, err
	}
	occurrences, err := h.Store.Occurrences(ctx, processID)
	if err != nil {
		return im, err
	}
	reportsOf := map[int64][]domain.StatusReport{}
	for _, r := range im.Reports {
		reportsOf[r.LineageID] = append(reportsOf[r.LineageID], r)
	}
	occurrencesOf := map[int64][]domain.Occurrence{}
	for _, o := range occurrences {
		occurrencesOf[o.LineageID] = append(occurrencesOf[o.LineageID], o)
	}
	for _, f := range concept.Tree() {
		for _, o := range f.Objectives {
			for _, e := range o.Measures {
				lineage := e.Measure.LineageID
				im.States = append(im.States, domain.NewMeasureState(e, f.Field, reportsOf[lineage], occurrencesOf[lineage], now))
			}
		}
	}
	return im, nil
}
