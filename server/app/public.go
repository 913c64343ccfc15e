package app

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// Municipalities lists every municipality of the installation (its start
// page).
func (a *App) Municipalities(ctx context.Context) ([]domain.Municipality, error) {
	return a.Store.Municipalities(ctx)
}

// MunicipalityView is a municipality with its processes.
type MunicipalityView struct {
	Municipality domain.Municipality
	Processes    []domain.Process
}

// Municipality finds a municipality by its slug, with its processes.
func (a *App) Municipality(ctx context.Context, slug string) (MunicipalityView, error) {
	m, err := a.Store.MunicipalityBySlug(ctx, slug)
	if err != nil {
		return MunicipalityView{}, err
	}
	processes, err := a.Store.Processes(ctx, m.ID)
	if err != nil {
		return MunicipalityView{}, err
	}
	return MunicipalityView{Municipality: m, Processes: processes}, nil
}

// LatestIdeas is the first page of a process's newest published ideas,
// with their total count.
func (a *App) LatestIdeas(ctx context.Context, processID int64, n int) (domain.IdeaPage, error) {
	return a.Store.Ideas(ctx, domain.IdeaQuery{ProcessID: processID, Sort: domain.SortNewest, Page: 1, PerPage: n})
}

// Fahrplan is a process's Fahrplan: the milestones the admins and the
// project group keep, with the process's dated workshops and the council's
// decisions on the concept placed in by themselves. decisionTitle words a
// decision's entry in the reader's language.
func (a *App) Fahrplan(ctx context.Context, p ProcessScope, now time.Time, decisionTitle func(store.ProcessDecision) string) ([]domain.Milestone, error) {
	milestones, err := a.Store.Milestones(ctx, p.Process.ID)
	if err != nil {
		return nil, err
	}
	var automatic []domain.Milestone
	workshops, err := a.Store.Workshops(ctx, p.Municipality.ID)
	if err != nil {
		return nil, err
	}
	for _, w := range workshops {
		if w.ProcessID != p.Process.ID || w.HeldOn == nil {
			continue
		}
		automatic = append(automatic, domain.Milestone{OccursOn: w.HeldOn, DatePrecision: domain.PrecisionDay, Kind: "workshop",
			Title: w.Title, Description: w.Place, Done: w.HeldOn.Before(now)})
	}
	decisions, err := a.Store.CouncilDecisions(ctx, p.Process.ID)
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

// OpenContributions are a process's published contributions as open data
// (no pseudonym, device or address).
func (a *App) OpenContributions(ctx context.Context, processID int64) ([]domain.Contribution, error) {
	return a.Store.OpenContributions(ctx, processID)
}

// PageText is the installation's text of a legal page (privacy,
// accessibility) in a language; empty when the default applies.
func (a *App) PageText(ctx context.Context, page, lang string) (string, error) {
	return a.Store.PageText(ctx, page, lang)
}

// Ready checks that the database and Redis answer; the error names the
// part that does not ("database" or "redis").
func (a *App) Ready(ctx context.Context) (part string, err error) {
	if err := a.Store.Ping(ctx); err != nil {
		return "database", err
	}
	if err := a.Redis.Ping(ctx); err != nil {
		return "redis", err
	}
	return "", nil
}
