package live

import (
	"context"
	"time"

	"github.com/go-redis/redis_rate/v10"
)

// Decision is the outcome of a rate-limit check.
type Decision struct {
	Allowed    bool
	RetryAfter time.Duration
}

// Allow counts one event for key against perHour events per hour (GCRA, so
// bursts up to the limit are fine and the allowance refills steadily). The
// key expires by itself once its allowance has refilled: nothing about a
// device outlives its need.
//
// When Redis fails the event is allowed and logged: a citizen's idea matters
// more than a missed limit, and the database still refuses duplicates.
func (l *Live) Allow(ctx context.Context, key string, perHour int) Decision {
	res, err := l.limiter.Allow(ctx, l.Key("rate:"+key), redis_rate.PerHour(perHour))
	if err != nil {
		l.log.Warn("rate limit check failed; allowing", "error", err)
		return Decision{Allowed: true}
	}
	if res.Allowed > 0 {
		return Decision{Allowed: true}
	}
	retry := res.RetryAfter
	if retry < time.Second {
		retry = time.Second
	}
	return Decision{Allowed: false, RetryAfter: retry}
}
