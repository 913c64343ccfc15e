// Package app holds the use cases of Zukunftswerk: what a citizen, a
// participant or a staff member can do, with the rules that hold across the
// database and Redis (rate limits, the dot budget, live events). Every use
// case takes a context.Context and plain values and returns plain values or
// a *domain.Error; none knows HTTP. The web package decodes a request, calls
// one use case and renders its answer, so the HTML pages and the JSON API
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

// App is every use case with the parts they need. Its fields are exported
// for the web package's reads that carry no rule (a page that lists what
// the store returns); every change goes through a method.
type App struct {
	Config   config.Config
	Store    *store.Store
	Redis    *redisconn.Conn
	Live     *live.Live
	Hub      *live.Hub
	Sessions *session.Store
	Limits   *ratelimit.Limiter
	Log      *slog.Logger

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
		Store:    d.Store,
		Redis:    d.Redis,
		Live:     lv,
		Hub:      live.NewHub(lv),
		Sessions: session.New(d.Redis),
		Limits:   ratelimit.New(d.Redis, d.Log),
		Log:      d.Log,
		tallies:  newTallies(),
		cache:    newWorkshopCache(),
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
	a.Hub.CloseAll()
	a.Live.Close()
}

// Secret returns the installation's secret of that name (created once,
// kept in the database), for keys that must survive restarts and be the
// same on every instance: form tokens, client address pseudonyms.
func (a *App) Secret(ctx context.Context, name string) ([]byte, error) {
	return a.Store.Secret(ctx, name)
}
