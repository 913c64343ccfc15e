package app

import (
	"context"
	"time"

	"zukunftswerk/server/live"
)

// Subscribe registers a screen for a workshop's new events; it must be
// given back with Unsubscribe when the screen goes.
func (a *App) Subscribe(workshopID int64) *live.Subscriber {
	return a.hub.Subscribe(workshopID, "$")
}

// Unsubscribe ends a screen's subscription.
func (a *App) Unsubscribe(workshopID int64, s *live.Subscriber) {
	a.hub.Unsubscribe(workshopID, s)
}

// Present marks a phone's connection to its group as alive (the console's
// "connected" count); it is refreshed with every heartbeat.
func (a *App) Present(ctx context.Context, workshopID, groupID int64, connection string) {
	a.live.Present(ctx, workshopID, groupID, connection)
}

// Gone removes a phone's connection at once. It runs when the phone has
// hung up, so it gets a context of its own: the request's is done.
func (a *App) Gone(workshopID, groupID int64, connection string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	a.live.Gone(ctx, workshopID, groupID, connection)
}

// Connections counts this instance's live screens.
func (a *App) Connections() int { return a.hub.Connections() }

// CloseStreams ends every live stream of this instance (shutdown); the
// screens reconnect elsewhere and resume.
func (a *App) CloseStreams() { a.hub.CloseAll() }
