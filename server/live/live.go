// Package live is the realtime side of the workshops, shared by every
// instance through Redis: the dot budgets (one atomic Lua check per tap),
// each workshop's event stream and its typed events, the hub that fans the
// stream out to this instance's SSE clients, and presence per group. It
// holds no truth: budgets are rebuilt from the database when missing, and a
// phone that missed events reloads its state.
package live

import (
	"context"
	"log/slog"

	"zukunftswerk/server/redisconn"
)

// BudgetLoader returns a participant's committed dots per card in a phase,
// from the database; Live calls it when Redis lost (or never had) the
// budget of that participant.
type BudgetLoader func(ctx context.Context, participantID int64, phase int) (map[int64]int, error)

// Live is the workshops' realtime state in Redis.
type Live struct {
	conn       *redisconn.Conn
	log        *slog.Logger
	loadBudget BudgetLoader
	dots       *dotPipeline
}

// New returns the workshops' realtime state on conn. loadBudget is how
// budgets are rebuilt (store.ParticipantDots in the server).
func New(conn *redisconn.Conn, log *slog.Logger, loadBudget BudgetLoader) *Live {
	return &Live{conn: conn, log: log, loadBudget: loadBudget, dots: startDotPipeline(conn.Client)}
}

// Close stops the dot pipeline; the connection belongs to the caller.
func (l *Live) Close() { l.dots.close() }
