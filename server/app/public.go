package app

import (
	"context"

	"zukunftswerk/server/domain"
)

// Municipalities lists every municipality of the installation (its start
// page).
func (a *App) Municipalities(ctx context.Context) ([]domain.Municipality, error) {
	return a.store.Municipalities(ctx)
}

// MunicipalityView is a municipality with its processes.
type MunicipalityView struct {
	Municipality domain.Municipality
	Processes    []domain.Process
}

// Municipality finds a municipality by its slug, with its processes.
func (a *App) Municipality(ctx context.Context, slug string) (MunicipalityView, error) {
	m, err := a.store.MunicipalityBySlug(ctx, slug)
	if err != nil {
		return MunicipalityView{}, err
	}
	processes, err := a.store.Processes(ctx, m.ID)
	if err != nil {
		return MunicipalityView{}, err
	}
	return MunicipalityView{Municipality: m, Processes: processes}, nil
}

// LatestIdeas is the first page of a process's newest published ideas,
// with their total count.
func (a *App) LatestIdeas(ctx context.Context, processID int64, n int) (domain.IdeaPage, error) {
	return a.store.Ideas(ctx, domain.IdeaQuery{ProcessID: processID, Sort: domain.SortNewest, Page: 1, PerPage: n})
}

// OpenContributions are a process's published contributions as open data
// (no pseudonym, device or address).
func (a *App) OpenContributions(ctx context.Context, processID int64) ([]domain.Contribution, error) {
	return a.store.OpenContributions(ctx, processID)
}

// PageText is the installation's text of a legal page (privacy,
// accessibility) in a language; empty when the default applies.
func (a *App) PageText(ctx context.Context, page, lang string) (string, error) {
	return a.store.PageText(ctx, page, lang)
}

// Ready checks that the database and Redis answer; the error names the
// part that does not ("database" or "redis").
func (a *App) Ready(ctx context.Context) (part string, err error) {
	if err := a.store.Ping(ctx); err != nil {
		return "database", err
	}
	if err := a.redis.Ping(ctx); err != nil {
		return "redis", err
	}
	return "", nil
}
