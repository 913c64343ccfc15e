package app

import (
	"context"
	"strings"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// MilestoneDraft is a Fahrplan entry as a staff member typed it; Date
// ("2006-01-02") may be empty, for an entry without a date yet.
type MilestoneDraft struct {
	Title       string
	Description string
	Date        string
	Done        bool
}

// milestone fills m with the draft, normalised, or refuses it with the
// catalog key of its first problem.
func (d MilestoneDraft) milestone(m domain.Milestone) (domain.Milestone, error) {
	m.Title, m.Description = strings.TrimSpace(d.Title), strings.TrimSpace(d.Description)
	m.Done, m.OccursOn, m.DatePrecision = d.Done, nil, domain.PrecisionNone
	key := domain.ValidateText(m.Title, 160)
	if key == "" {
		key = domain.ValidateLongText(m.Description, 1000)
	}
	if d.Date != "" && key == "" {
		day, ok := domain.ParseDay(d.Date)
		if !ok {
			key = "admin.error.date"
		} else {
			m.OccursOn, m.DatePrecision = &day, domain.PrecisionDay
		}
	}
	if key != "" {
		return m, domain.Errorf(domain.CodeInvalid, key)
	}
	return m, nil
}

// SaveMilestone changes an entry of a process's Fahrplan for the admins
// and the project group (audited); an entry of another process is not
// found.
func (a *App) SaveMilestone(ctx context.Context, actor store.Actor, p ProcessScope, id int64, d MilestoneDraft) error {
	m, err := d.milestone(domain.Milestone{ID: id, ProcessID: p.Process.ID})
	if err != nil {
		return err
	}
	return a.store.UpdateMilestone(ctx, actor, p.Municipality.ID, m)
}

// DeleteMilestone removes an entry of a process's Fahrplan for the admins
// and the project group (audited); an entry of another process is not
// found.
func (a *App) DeleteMilestone(ctx context.Context, actor store.Actor, p ProcessScope, id int64) error {
	return a.store.DeleteMilestone(ctx, actor, p.Municipality.ID, p.Process.ID, id)
}

// Fahrplan is a process's timeline on the day now, as its staff page (and
// the public ones) show it: the entries the staff keep, with the process's
// dated workshops and the council's decisions on its concept placed in by
// their dates. A decision's title is in the reader's language, which the
// caller knows: decisionTitle words it.
func (a *App) Fahrplan(ctx context.Context, p ProcessScope, now time.Time, decisionTitle func(store.ProcessDecision) string) ([]domain.Milestone, error) {
	milestones, err := a.store.Milestones(ctx, p.Process.ID)
	if err != nil {
		return nil, err
	}
	var automatic []domain.Milestone
	workshops, err := a.store.Workshops(ctx, p.Municipality.ID)
	if err != nil {
		return nil, err
	}
	days, err := a.store.WorkshopDays(ctx, p.Process.ID)
	if err != nil {
		return nil, err
	}
	for _, w := range workshops {
		if w.ProcessID != p.Process.ID {
			continue
		}
		// One entry per day, with its hours and place. A closed workshop is
		// done even on a day still ahead (it was closed early): it will not
		// take place any more.
		closed := w.State == domain.WorkshopClosed
		for _, d := range days[w.ID] {
			day := d.Day
			m := domain.Milestone{OccursOn: &day, DatePrecision: domain.PrecisionDay, Kind: "workshop",
				Title: w.Title, Description: w.Place, Location: w.Place, Done: closed || day.Before(now)}
			if start, end, timed := d.Span(a.Config.Location); timed {
				m.Starts, m.Ends = &start, &end
				m.Done = closed || end.Before(now)
			}
			automatic = append(automatic, m)
		}
	}
	decisions, err := a.store.CouncilDecisions(ctx, p.Process.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range decisions {
		day := d.DecidedOn
		automatic = append(automatic, domain.Milestone{OccursOn: &day, DatePrecision: domain.PrecisionDay, Kind: "decision",
			Title: decisionTitle(d), Description: d.AgendaItem, Done: !day.After(now)})
	}
	return domain.Timeline(milestones, automatic), nil
}
