package live_test

import (
	"context"
	"testing"
	"time"

	"zukunftswerk/server/testutil"
)

func TestAllowLimitsAndExpires(t *testing.T) {
	l := testutil.Live(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if d := l.Allow(ctx, "idea:device-1", 3); !d.Allowed {
			t.Fatalf("event %d refused", i+1)
		}
	}
	d := l.Allow(ctx, "idea:device-1", 3)
	if d.Allowed || d.RetryAfter < time.Second || d.RetryAfter > 20*time.Minute {
		t.Fatalf("fourth event: %+v, want refused with Retry-After about 20 minutes", d)
	}
	if d := l.Allow(ctx, "idea:device-2", 3); !d.Allowed {
		t.Error("another device is limited too")
	}
	// The key carries the test's prefix and expires by itself.
	keys, err := l.Client.Keys(ctx, "*"+l.Prefix+"rate:idea:device-1").Result()
	if err != nil || len(keys) != 1 {
		t.Fatalf("rate keys = %v, %v", keys, err)
	}
	ttl, err := l.Client.TTL(ctx, keys[0]).Result()
	if err != nil || ttl <= 0 || ttl > time.Hour {
		t.Errorf("rate key TTL = %v, want a positive expiry of at most an hour", ttl)
	}
}

func TestAllowWhenRedisIsGone(t *testing.T) {
	proc := testutil.StartRedis(t)
	l := testutil.LiveAt(t, proc.URL)
	ctx := context.Background()
	l.Allow(ctx, "x", 1)
	if d := l.Allow(ctx, "x", 1); d.Allowed {
		t.Fatal("limit not enforced while Redis runs")
	}
	proc.Stop()
	if d := l.Allow(ctx, "x", 1); !d.Allowed {
		t.Error("with Redis gone the event should be allowed (and logged), not refused")
	}
	if err := l.Ping(ctx); err == nil {
		t.Error("Ping succeeds without Redis")
	}
}
