// Package live holds what is live and shared between server instances in
// Redis: the connection (single, Sentinel, Cluster or in-process), rate
// limits, staff sessions, the workshops' dot budgets, event streams with
// their fan-out (hub) and typed events, presence, and the in-process tally
// windows. Everything here can be rebuilt from the database; losing Redis
// loses no data. (Issue 17 will split it by job.)
package live

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/alicebob/miniredis/v2"
	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// Live is the server's connection to Redis: a single server, a Sentinel
// setup or a Cluster (see NewClient). Every key it writes starts with Prefix,
// so several installations or test runs can share one Redis. Keys that one
// Lua script touches together must share a hash tag ("{workshop:12}:…") so
// that they live on the same cluster node.
type Live struct {
	Client   redis.UniversalClient
	Prefix   string
	limiter  *redis_rate.Limiter
	local    localLimiter
	embedded *miniredis.Miniredis
	log      *slog.Logger
	dots     *dotPipeline
}

// Connect connects to the Redis at redisURL, or starts an in-process Redis
// when redisURL is empty, so the server runs on a bare machine.
func Connect(ctx context.Context, redisURL, prefix string, log *slog.Logger) (*Live, error) {
	l := &Live{Prefix: prefix, log: log}
	if redisURL == "" {
		mr := miniredis.NewMiniRedis()
		if err := mr.StartAddr("127.0.0.1:0"); err != nil {
			return nil, fmt.Errorf("live: unable to start in-process redis: %w", err)
		}
		l.embedded = mr
		redisURL = "redis://" + mr.Addr()
		log.Info("REDIS_URL is not set: using an in-process Redis; state is lost on restart and not shared between instances")
	}
	client, err := NewClient(redisURL)
	if err != nil {
		return nil, err
	}
	l.Client = client
	if err := l.Client.Ping(ctx).Err(); err != nil {
		l.Close()
		return nil, fmt.Errorf("live: unable to reach redis: %w", err)
	}
	l.limiter = redis_rate.NewLimiter(l.Client)
	l.dots = startDotPipeline(l.Client)
	return l, nil
}

// Ping checks that Redis answers.
func (l *Live) Ping(ctx context.Context) error {
	if err := l.Client.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("live: redis does not answer: %w", err)
	}
	return nil
}

// Close closes the connection and stops the in-process Redis if any.
func (l *Live) Close() error {
	if l.dots != nil {
		l.dots.close()
	}
	err := l.Client.Close()
	if l.embedded != nil {
		l.embedded.Close()
	}
	return err
}

// Key returns name with the installation's prefix.
func (l *Live) Key(name string) string { return l.Prefix + name }
