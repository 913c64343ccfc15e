package session_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/session"
	"zukunftswerk/server/testutil"
)

func TestSessions(t *testing.T) {
	testutil.ForEachRedis(t, func(t *testing.T, conn *redisconn.Conn) {
		l := session.New(conn)
		ctx := context.Background()
		policy := session.Policy{Idle: time.Hour, Absolute: 12 * time.Hour}
		a, err := l.Create(ctx, 7, policy)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := l.Create(ctx, 7, policy)
		other, _ := l.Create(ctx, 8, policy)
		if len(a) != 64 || a == b {
			t.Fatalf("tokens %q %q", a, b)
		}
		s, err := l.Lookup(ctx, a, policy)
		if err != nil || s.UserID != 7 {
			t.Fatalf("session: %+v %v", s, err)
		}
		// Neither the token nor anything derived from it but its hash is stored.
		if n, _ := conn.Client.Exists(ctx, conn.Key("session:"+a)).Result(); n != 0 {
			t.Error("the raw token is a Redis key")
		}
		for _, bad := range []string{"", "x", a[:63], a + "0"} {
			if _, err := l.Lookup(ctx, bad, policy); !errors.Is(err, session.ErrNoSession) {
				t.Errorf("token %q: %v", bad, err)
			}
		}
		if err := l.Delete(ctx, a); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Lookup(ctx, a, policy); !errors.Is(err, session.ErrNoSession) {
			t.Errorf("after logout: %v", err)
		}
		if err := l.DeleteUser(ctx, 7); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Lookup(ctx, b, policy); !errors.Is(err, session.ErrNoSession) {
			t.Errorf("after ending the user's sessions: %v", err)
		}
		if _, err := l.Lookup(ctx, other, policy); err != nil {
			t.Errorf("another user's session ended too: %v", err)
		}
	})
}

func TestSessionTimeouts(t *testing.T) {
	testutil.ForEachRedis(t, func(t *testing.T, conn *redisconn.Conn) {
		l := session.New(conn)
		ctx := context.Background()
		idle := session.Policy{Idle: time.Second, Absolute: time.Hour}
		token, err := l.Create(ctx, 1, idle)
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(1500 * time.Millisecond)
		if _, err := l.Lookup(ctx, token, idle); !errors.Is(err, session.ErrNoSession) {
			t.Errorf("idle session after its timeout: %v", err)
		}
		absolute := session.Policy{Idle: time.Hour, Absolute: 2 * time.Second}
		token, _ = l.Create(ctx, 1, absolute)
		for i := 0; i < 3; i++ { // being used does not extend it past its lifetime
			time.Sleep(time.Second)
			_, err = l.Lookup(ctx, token, absolute)
		}
		if !errors.Is(err, session.ErrNoSession) {
			t.Errorf("session used past its absolute lifetime: %v", err)
		}
	})
}
