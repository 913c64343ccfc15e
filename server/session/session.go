// Package session keeps staff sessions in Redis: 256-bit cookie tokens,
// stored only as their SHA-256, with an idle timeout and an absolute
// lifetime, and an index per user so that disabling an account or changing
// its password ends every session at once.
package session

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

	"zukunftswerk/server/redisconn"
)

// Store holds the sessions; its keys are "session:<id>" and
// "user-sessions:<user>" under the connection's prefix.
type Store struct {
	conn *redisconn.Conn
}

// New returns the session store on conn.
func New(conn *redisconn.Conn) *Store { return &Store{conn: conn} }

// ErrNoSession means the session does not exist (any more).
var ErrNoSession = errors.New("session: no such session")

// Session is a logged-in staff member's server-side session.
type Session struct {
	ID        string // SHA-256 of the cookie token; the token itself is never stored
	UserID    int64
	CreatedAt time.Time
}

// Policy bounds a session's life: it ends after Idle without use and
// after Absolute in any case.
type Policy struct {
	Idle     time.Duration
	Absolute time.Duration
}

// Create starts a session for userID and returns the cookie token
// (256 random bits).
func (s *Store) Create(ctx context.Context, userID int64, p Policy) (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("session: unable to create session token: %w", err)
	}
	token := hex.EncodeToString(raw)
	id := sessionID(token)
	now := time.Now()
	key := s.conn.Key("session:" + id)
	if err := s.conn.Client.HSet(ctx, key, "user", userID, "created", now.Unix()).Err(); err != nil {
		return "", fmt.Errorf("session: unable to store session: %w", err)
	}
	if err := s.conn.Client.Expire(ctx, key, min(p.Idle, p.Absolute)).Err(); err != nil {
		return "", fmt.Errorf("session: unable to expire session: %w", err)
	}
	userKey := s.conn.Key("user-sessions:" + strconv.FormatInt(userID, 10))
	if err := s.conn.Client.SAdd(ctx, userKey, id).Err(); err != nil {
		return "", fmt.Errorf("session: unable to index session: %w", err)
	}
	s.conn.Client.Expire(ctx, userKey, p.Absolute)
	return token, nil
}

// Lookup looks up the session of a cookie token and extends its idle
// timeout, never beyond its absolute lifetime.
func (s *Store) Lookup(ctx context.Context, token string, p Policy) (Session, error) {
	if len(token) != 64 {
		return Session{}, ErrNoSession
	}
	id := sessionID(token)
	key := s.conn.Key("session:" + id)
	values, err := s.conn.Client.HGetAll(ctx, key).Result()
	if err != nil {
		return Session{}, fmt.Errorf("session: unable to load session: %w", err)
	}
	userID, err1 := strconv.ParseInt(values["user"], 10, 64)
	created, err2 := strconv.ParseInt(values["created"], 10, 64)
	if len(values) == 0 || err1 != nil || err2 != nil {
		return Session{}, ErrNoSession
	}
	found := Session{ID: id, UserID: userID, CreatedAt: time.Unix(created, 0)}
	left := p.Absolute - time.Since(found.CreatedAt)
	if left <= 0 {
		s.conn.Client.Del(ctx, key)
		return Session{}, ErrNoSession
	}
	s.conn.Client.Expire(ctx, key, min(p.Idle, left))
	return found, nil
}

// Delete ends one session (logout).
func (s *Store) Delete(ctx context.Context, token string) error {
	if err := s.conn.Client.Del(ctx, s.conn.Key("session:"+sessionID(token))).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("session: unable to delete session: %w", err)
	}
	return nil
}

// DeleteUser ends every session of a user (disabled account,
// password changed or reset).
func (s *Store) DeleteUser(ctx context.Context, userID int64) error {
	userKey := s.conn.Key("user-sessions:" + strconv.FormatInt(userID, 10))
	ids, err := s.conn.Client.SMembers(ctx, userKey).Result()
	if err != nil {
		return fmt.Errorf("session: unable to list sessions: %w", err)
	}
	for _, id := range ids {
		if err := s.conn.Client.Del(ctx, s.conn.Key("session:"+id)).Err(); err != nil {
			return fmt.Errorf("session: unable to delete session: %w", err)
		}
	}
	return s.conn.Client.Del(ctx, userKey).Err()
}

func sessionID(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
