// Package app holds the use cases of Zukunftswerk: what a citizen, a
// participant or a staff member can do, with the rules that hold across the
// database and Redis (rate limits, the dot budget, live events). Every use
// case takes a context.Context and domain or store values and returns such
// values and an error — a *domain.Error for anything a person is told —;
// none knows HTTP. The web package decodes a request, calls the use cases
// of one operation (often a lookup of what the URL names, then the
// operation) and renders the answer, so the HTML pages and the JSON API
// share one path.
//
// One file per capability: ideas.go (submit, list, show, support, report),
// dots.go (place and take back a dot, tally windows), and so on.
package app

import (
	"context"
	"log/slog"

	"zukunftswerk/server/config"
	"zukunftswerk/server/live"
	"zukunftswerk/server/ratelimit"
	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/session"
	"zukunftswerk/server/store"
)

// App is every use case with the parts they need; callers reach the parts
// only through its methods.
type App struct {
	Config   config.Config
	store    *store.Store
	redis    *redisconn.Conn
	live     *live.Live
	hub      *live.Hub
	sessions *session.Store
	limits   *ratelimit.Limiter
	log      *slog.Logger

	tallies *tallies
	cache   *workshopCache
}

// Deps are the parts New wires together.
type Deps struct {
	Config config.Config
	Store  *store.Store
	Redis  *redisconn.Conn
	Log    *slog.Logger
}

// New wires the use cases. Dot budgets cached in Redis by a server that
// died mid-request are forgotten here and rebuilt from the database, which
// holds every acknowledged dot.
func New(ctx context.Context, d Deps) (*App, error) {
	lv := live.New(d.Redis, d.Log, d.Store.ParticipantDots)
	a := &App{
		Config:   d.Config,
		store:    d.Store,
		redis:    d.Redis,
		live:     lv,
		hub:      live.NewHub(lv),
		sessions: session.New(d.Redis),
		limits:   ratelimit.New(d.Redis, d.Log),
		log:      d.Log,
		tallies:  newTallies(),
		cache:    newWorkshopCache(),
	}
	if err := a.ensureStandardCheck(ctx); err != nil {
		lv.Close()
		return nil, err
	}
	liveIDs, err := d.Store.LiveWorkshopIDs(ctx)
	if err != nil {
		lv.Close()
		return nil, err
	}
	for _, id := range liveIDs {
		if err := lv.ResetDotBudgets(ctx, id); err != nil {
			d.Log.Warn("unable to reset cached dot budgets", "workshop", id, "error", err)
		}
	}
	return a, nil
}

// Close ends every live stream of this instance and stops the dot
// pipeline; the database and Redis connections belong to the caller.
func (a *App) Close() {
	a.hub.CloseAll()
	a.live.Close()
}

// Secret returns the installation's secret of that name (created once,
// kept in the database), for keys that must survive restarts and be the
// same on every instance: form tokens, client address pseudonyms.
func (a *App) Secret(ctx context.Context, name string) ([]byte, error) {
	return a.store.Secret(ctx, name)
}
