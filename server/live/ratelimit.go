package live

import (
	"context"
	"sync"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"golang.org/x/time/rate"
)

// Decision is the outcome of a rate-limit check.
type Decision struct {
	Allowed    bool
	RetryAfter time.Duration
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
func (l *Live) Allow(ctx context.Context, key string, perHour int) Decision {
	return l.AllowPer(ctx, key, Limit{Events: perHour, Per: time.Hour})
}

// AllowPer is Allow for a period other than an hour.
func (l *Live) AllowPer(ctx context.Context, key string, limit Limit) Decision {
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
func (l *Live) AllowStrict(ctx context.Context, key string, limit Limit) Decision {
	d, err := l.allow(ctx, key, limit)
	if err != nil {
		l.log.Warn("rate limit check failed; using the in-process limiter", "error", err)
		return l.local.allow(key, limit)
	}
	return d
}

func (l *Live) allow(ctx context.Context, key string, limit Limit) (Decision, error) {
	res, err := l.limiter.Allow(ctx, l.Key("rate:"+key), redis_rate.Limit{Rate: limit.Events, Burst: limit.Events, Period: limit.Per})
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
