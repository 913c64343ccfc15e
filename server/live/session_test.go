package live_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"zukunftswerk/server/live"
)

func TestSessions(t *testing.T) {
	forEachRedis(t, func(t *testing.T, l *live.Live) {
		ctx := context.Background()
		policy := live.SessionPolicy{Idle: time.Hour, Absolute: 12 * time.Hour}
		a, err := l.CreateSession(ctx, 7, policy)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := l.CreateSession(ctx, 7, policy)
		other, _ := l.CreateSession(ctx, 8, policy)
		if len(a) != 64 || a == b {
			t.Fatalf("tokens %q %q", a, b)
		}
		s, err := l.Session(ctx, a, policy)
		if err != nil || s.UserID != 7 {
			t.Fatalf("session: %+v %v", s, err)
		}
		// Neither the token nor anything derived from it but its hash is stored.
		if n, _ := l.Client.Exists(ctx, l.Key("session:"+a)).Result(); n != 0 {
			t.Error("the raw token is a Redis key")
		}
		for _, bad := range []string{"", "x", a[:63], a + "0"} {
			if _, err := l.Session(ctx, bad, policy); !errors.Is(err, live.ErrNoSession) {
				t.Errorf("token %q: %v", bad, err)
			}
		}
		if err := l.DeleteSession(ctx, a); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Session(ctx, a, policy); !errors.Is(err, live.ErrNoSession) {
			t.Errorf("after logout: %v", err)
		}
		if err := l.DeleteUserSessions(ctx, 7); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Session(ctx, b, policy); !errors.Is(err, live.ErrNoSession) {
			t.Errorf("after ending the user's sessions: %v", err)
		}
		if _, err := l.Session(ctx, other, policy); err != nil {
			t.Errorf("another user's session ended too: %v", err)
		}
	})
}

func TestSessionTimeouts(t *testing.T) {
	forEachRedis(t, func(t *testing.T, l *live.Live) {
		ctx := context.Background()
		idle := live.SessionPolicy{Idle: time.Second, Absolute: time.Hour}
		token, err := l.CreateSession(ctx, 1, idle)
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(1500 * time.Millisecond)
		if _, err := l.Session(ctx, token, idle); !errors.Is(err, live.ErrNoSession) {
			t.Errorf("idle session after its timeout: %v", err)
		}
		absolute := live.SessionPolicy{Idle: time.Hour, Absolute: 2 * time.Second}
		token, _ = l.CreateSession(ctx, 1, absolute)
		for i := 0; i < 3; i++ { // being used does not extend it past its lifetime
			time.Sleep(time.Second)
			_, err = l.Session(ctx, token, absolute)
		}
		if !errors.Is(err, live.ErrNoSession) {
			t.Errorf("session used past its absolute lifetime: %v", err)
		}
	})
}
