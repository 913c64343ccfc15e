package live

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrNoSession means the session does not exist (any more).
var ErrNoSession = errors.New("live: no such session")

// Session is a logged-in staff member's server-side session.
type Session struct {
	ID        string // SHA-256 of the cookie token; the token itself is never stored
	UserID    int64
	CreatedAt time.Time
}

// SessionPolicy bounds a session's life: it ends after Idle without use and
// after Absolute in any case.
type SessionPolicy struct {
	Idle     time.Duration
	Absolute time.Duration
}

// CreateSession starts a session for userID and returns the cookie token
// (256 random bits).
func (l *Live) CreateSession(ctx context.Context, userID int64, p SessionPolicy) (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("live: unable to create session token: %w", err)
	}
	token := hex.EncodeToString(raw)
	id := sessionID(token)
	now := time.Now()
	key := l.Key("session:" + id)
	if err := l.Client.HSet(ctx, key, "user", userID, "created", now.Unix()).Err(); err != nil {
		return "", fmt.Errorf("live: unable to store session: %w", err)
	}
	if err := l.Client.Expire(ctx, key, min(p.Idle, p.Absolute)).Err(); err != nil {
		return "", fmt.Errorf("live: unable to expire session: %w", err)
	}
	userKey := l.Key("user-sessions:" + strconv.FormatInt(userID, 10))
	if err := l.Client.SAdd(ctx, userKey, id).Err(); err != nil {
		return "", fmt.Errorf("live: unable to index session: %w", err)
	}
	l.Client.Expire(ctx, userKey, p.Absolute)
	return token, nil
}

// Session looks up the session of a cookie token and extends its idle
// timeout, never beyond its absolute lifetime.
func (l *Live) Session(ctx context.Context, token string, p SessionPolicy) (Session, error) {
	if len(token) != 64 {
		return Session{}, ErrNoSession
	}
	id := sessionID(token)
	key := l.Key("session:" + id)
	values, err := l.Client.HGetAll(ctx, key).Result()
	if err != nil {
		return Session{}, fmt.Errorf("live: unable to load session: %w", err)
	}
	userID, err1 := strconv.ParseInt(values["user"], 10, 64)
	created, err2 := strconv.ParseInt(values["created"], 10, 64)
	if len(values) == 0 || err1 != nil || err2 != nil {
		return Session{}, ErrNoSession
	}
	s := Session{ID: id, UserID: userID, CreatedAt: time.Unix(created, 0)}
	left := p.Absolute - time.Since(s.CreatedAt)
	if left <= 0 {
		l.Client.Del(ctx, key)
		return Session{}, ErrNoSession
	}
	l.Client.Expire(ctx, key, min(p.Idle, left))
	return s, nil
}

// DeleteSession ends one session (logout).
func (l *Live) DeleteSession(ctx context.Context, token string) error {
	if err := l.Client.Del(ctx, l.Key("session:"+sessionID(token))).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("live: unable to delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of a user (disabled account,
// password changed or reset).
func (l *Live) DeleteUserSessions(ctx context.Context, userID int64) error {
	userKey := l.Key("user-sessions:" + strconv.FormatInt(userID, 10))
	ids, err := l.Client.SMembers(ctx, userKey).Result()
	if err != nil {
		return fmt.Errorf("live: unable to list sessions: %w", err)
	}
	for _, id := range ids {
		if err := l.Client.Del(ctx, l.Key("session:"+id)).Err(); err != nil {
			return fmt.Errorf("live: unable to delete session: %w", err)
		}
	}
	return l.Client.Del(ctx, userKey).Err()
}

func sessionID(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
