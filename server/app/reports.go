package app

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// MeasureState is where the adopted measure with the lineage stands on the
// day now, with its reports and occurrences: the page on which the
// administration reports on it. A measure that is not part of the newest
// adopted version is not found.
func (a *App) MeasureState(ctx context.Context, processID, lineage int64, now time.Time) (domain.MeasureState, error) {
	im, err := a.Implementation(ctx, processID, now)
	if err != nil {
		return domain.MeasureState{}, err
	}
	state, found := im.State(lineage)
	if !found {
		return domain.MeasureState{}, domain.ErrNotFound
	}
	return state, nil
}

// ReportOnMeasure records a staff member's status report on an adopted
// measure of the process (audited, signed with the actor's name). A report
// with problems is refused with them (domain.StatusReport.Validate).
func (a *App) ReportOnMeasure(ctx context.Context, actor store.Actor, p ProcessScope, r domain.StatusReport) (domain.StatusReport, error) {
	r.ProcessID = p.Process.ID
	if problems := r.Validate(); len(problems) > 0 {
		return r, domain.ValidationError(problems)
	}
	return a.store.AddReport(ctx, actor, p.Municipality.ID, r)
}

// LogOccurrence records, for a staff member, that a recurring measure of
// the process took place (audited). An occurrence with problems is refused
// with them; the same day twice is a conflict.
func (a *App) LogOccurrence(ctx context.Context, actor store.Actor, p ProcessScope, o domain.Occurrence) (domain.Occurrence, error) {
	o.ProcessID = p.Process.ID
	if problems := o.Validate(); len(problems) > 0 {
		return o, domain.ValidationError(problems)
	}
	return a.store.AddOccurrence(ctx, actor, p.Municipality.ID, o)
}
