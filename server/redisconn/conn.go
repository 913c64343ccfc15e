// Package redisconn is the server's connection to Redis: one server, a
// Sentinel setup, a Cluster, or an in-process Redis when none is
// configured. It knows nothing of what is stored; ratelimit, session and
// live each keep their own keys under the connection's prefix. Nothing in
// Redis is the only copy of a citizen's or a town's data: losing it logs
// staff out, resets rate counters, and makes live screens reload; dot
// budgets are rebuilt from the database.
package redisconn

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// Conn is a Redis connection with the installation's key prefix. Every key
// written through it starts with Prefix, so several installations or test
// runs can share one Redis. Keys that one Lua script touches together must
// share a hash tag ("{workshop:12}:…") so that they live on the same
// cluster node.
type Conn struct {
	Client   redis.UniversalClient
	Prefix   string
	embedded *miniredis.Miniredis
}

// Connect connects to the Redis at redisURL, or starts an in-process Redis
// when redisURL is empty, so the server runs on a bare machine.
func Connect(ctx context.Context, redisURL, prefix string, log *slog.Logger) (*Conn, error) {
	c := &Conn{Prefix: prefix}
	if redisURL == "" {
		mr := miniredis.NewMiniRedis()
		if err := mr.StartAddr("127.0.0.1:0"); err != nil {
			return nil, fmt.Errorf("redisconn: unable to start in-process redis: %w", err)
		}
		c.embedded = mr
		redisURL = "redis://" + mr.Addr()
		log.Info("REDIS_URL is not set: using an in-process Redis; state is lost on restart and not shared between instances")
	}
	client, err := NewClient(redisURL)
	if err != nil {
		c.Close()
		return nil, err
	}
	c.Client = client
	if err := c.Client.Ping(ctx).Err(); err != nil {
		c.Close()
		return nil, fmt.Errorf("redisconn: unable to reach redis: %w", err)
	}
	return c, nil
}

// Ping checks that Redis answers.
func (c *Conn) Ping(ctx context.Context) error {
	if err := c.Client.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redisconn: redis does not answer: %w", err)
	}
	return nil
}

// Close closes the connection and stops the in-process Redis if any.
func (c *Conn) Close() error {
	var err error
	if c.Client != nil {
		err = c.Client.Close()
	}
	if c.embedded != nil {
		c.embedded.Close()
	}
	return err
}

// Key returns name with the installation's prefix.
func (c *Conn) Key(name string) string { return c.Prefix + name }
