package ratelimit_test

import (
	"context"
	"testing"
	"time"

	"zukunftswerk/server/ratelimit"
	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/testutil"
)

func TestAllowLimitsAndExpires(t *testing.T) {
	testutil.ForEachRedis(t, func(t *testing.T, conn *redisconn.Conn) {
		l := ratelimit.New(conn, testutil.Logger(t))
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
		// Many devices spread over the cluster's slots, each limited alone.
		for i := 0; i < 50; i++ {
			if d := l.Allow(ctx, "idea:other-"+string(rune('a'+i%26))+string(rune('a'+i/26)), 3); !d.Allowed {
				t.Fatalf("device %d is limited by another device's events", i)
			}
		}
		// The key carries the test's prefix and expires by itself.
		key := "rate:" + conn.Key("rate:idea:device-1")
		ttl, err := conn.Client.TTL(ctx, key).Result()
		if err != nil || ttl <= 0 || ttl > time.Hour {
			t.Errorf("TTL of %s = %v (%v), want a positive expiry of at most an hour", key, ttl, err)
		}
	})
}

func TestAllowWhenRedisIsGone(t *testing.T) {
	proc := testutil.StartRedis(t)
	conn := testutil.RedisAt(t, proc.URL)
	l := ratelimit.New(conn, testutil.Logger(t))
	ctx := context.Background()
	l.Allow(ctx, "x", 1)
	if d := l.Allow(ctx, "x", 1); d.Allowed {
		t.Fatal("limit not enforced while Redis runs")
	}
	proc.Stop()
	if d := l.Allow(ctx, "x", 1); !d.Allowed {
		t.Error("with Redis gone the event should be allowed (and logged), not refused")
	}
	if err := conn.Ping(ctx); err == nil {
		t.Error("Ping succeeds without Redis")
	}
}

func TestNewClientURLs(t *testing.T) {
	for _, ok := range []string{
		"redis://127.0.0.1:6379/0", "rediss://:pw@host:6380/1", "unix:///run/redis.sock",
		"redis-cluster://127.0.0.1:7000?addr=127.0.0.1:7001&addr=127.0.0.1:7002",
		"redis-sentinel://:pw@10.0.0.1:26379?addr=10.0.0.2:26379&master=mymaster&db=2",
	} {
		c, err := redisconn.NewClient(ok)
		if err != nil {
			t.Errorf("NewClient(%q): %v", ok, err)
			continue
		}
		c.Close()
	}
	for _, bad := range []string{"http://host", "redis-sentinel://host:26379", "redis-sentinel://h:1?master=m&db=x", "::"} {
		if c, err := redisconn.NewClient(bad); err == nil {
			c.Close()
			t.Errorf("NewClient(%q) accepted", bad)
		}
	}
}
