// Package ratelimit counts events per key against a limit in Redis (GCRA,
// shared by every instance), with an in-process fallback for the limits
// that must hold even when Redis is gone (login attempts).
package ratelimit

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"golang.org/x/time/rate"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/redisconn"
)

// Limiter checks rate limits; its keys are "rate:<key>" under the
// connection's prefix.
type Limiter struct {
	conn    *redisconn.Conn
	limiter *redis_rate.Limiter
	local   localLimiter
	log     *slog.Logger
}

// New returns a limiter on conn; failures of Redis are logged to log.
func New(conn *redisconn.Conn, log *slog.Logger) *Limiter {
	return &Limiter{conn: conn, limiter: redis_rate.NewLimiter(conn.Client), log: log}
}

// Decision is the outcome of a rate-limit check.
type Decision struct {
	Allowed    bool
	RetryAfter time.Duration
}

// Err is nil when the event is allowed, and the error to show otherwise.
func (d Decision) Err() error {
	if d.Allowed {
		return nil
	}
	return domain.RateLimited(d.RetryAfter)
}

// Limit is a number of events per period.
type Limit struct {
	Events int
	Per    time.Duration
}

// Allow counts one event for key against perHour events per hour (GCRA, so
// bursts up to the limit are fine and the allowance refills steadily). The
// key expires by itself once its allowance has refilled: nothing about a
// device outlives its need.
//
// When Redis fails the event is allowed and logged: a citizen's idea matters
// more than a missed limit, and the database still refuses duplicates.
func (l *Limiter) Allow(ctx context.Context, key string, perHour int) Decision {
	return l.AllowPer(ctx, key, Limit{Events: perHour, Per: time.Hour})
}

// AllowPer is Allow for a period other than an hour.
func (l *Limiter) AllowPer(ctx context.Context, key string, limit Limit) Decision {
	d, err := l.allow(ctx, key, limit)
	if err != nil {
		l.log.Warn("rate limit check failed; allowing", "error", err)
		return Decision{Allowed: true}
	}
	return d
}

// AllowStrict is Allow for limits that must hold even without Redis (login
// attempts): when Redis fails, an in-process limiter of this instance
// decides instead.
func (l *Limiter) AllowStrict(ctx context.Context, key string, limit Limit) Decision {
	d, err := l.allow(ctx, key, limit)
	if err != nil {
		l.log.Warn("rate limit check failed; using the in-process limiter", "error", err)
		return l.local.allow(key, limit)
	}
	return d
}

func (l *Limiter) allow(ctx context.Context, key string, limit Limit) (Decision, error) {
	res, err := l.limiter.Allow(ctx, l.conn.Key("rate:"+key), redis_rate.Limit{Rate: limit.Events, Burst: limit.Events, Period: limit.Per})
	if err != nil {
		return Decision{}, err
	}
	if res.Allowed > 0 {
		return Decision{Allowed: true}, nil
	}
	return Decision{Allowed: false, RetryAfter: max(res.RetryAfter, time.Second)}, nil
}

// localLimiter is the fallback of AllowStrict. It forgets everything when
// it grows large, which only ever makes it more lenient, never lets a
// client through that Redis would have stopped for long.
type localLimiter struct {
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

func (ll *localLimiter) allow(key string, limit Limit) Decision {
	ll.mu.Lock()
	defer ll.mu.Unlock()
	if ll.limiters == nil || len(ll.limiters) > 100_000 {
		ll.limiters = map[string]*rate.Limiter{}
	}
	lim, ok := ll.limiters[key]
	if !ok {
		lim = rate.NewLimiter(rate.Every(limit.Per/time.Duration(limit.Events)), limit.Events)
		ll.limiters[key] = lim
	}
	r := lim.Reserve()
	if delay := r.Delay(); delay > 0 {
		r.Cancel()
		return Decision{Allowed: false, RetryAfter: max(delay, time.Second)}
	}
	return Decision{Allowed: true}
}
