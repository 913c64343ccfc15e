package redisconn

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// NewClient connects to the Redis that redisURL names:
//
//	redis://[:password@]host:6379/0             one server (rediss:// with TLS)
//	redis-sentinel://[:password@]host:26379?addr=host2:26379&master=mymaster&db=0
//	redis-cluster://[:password@]host:7000?addr=host2:7001&addr=host3:7002
//
// Timeouts are short: a citizen's request must not hang on a missing Redis.
func NewClient(redisURL string) (redis.UniversalClient, error) {
	const (
		dial  = 2 * time.Second
		read  = time.Second
		write = time.Second
	)
	invalid := errors.New("redisconn: REDIS_URL is not a valid redis URL") // never echo it: it may carry a password
	u, err := url.Parse(redisURL)
	if err != nil {
		return nil, invalid
	}
	switch u.Scheme {
	case "redis", "rediss", "unix":
		opts, err := redis.ParseURL(redisURL)
		if err != nil {
			return nil, invalid
		}
		opts.DialTimeout, opts.ReadTimeout, opts.WriteTimeout, opts.MaxRetries = dial, read, write, 1
		return redis.NewClient(opts), nil
	case "redis-cluster", "rediss-cluster":
		opts, err := redis.ParseClusterURL(strings.Replace(redisURL, "-cluster://", "://", 1))
		if err != nil {
			return nil, invalid
		}
		opts.DialTimeout, opts.ReadTimeout, opts.WriteTimeout, opts.MaxRetries = dial, read, write, 1
		return redis.NewClusterClient(opts), nil
	case "redis-sentinel":
		q := u.Query()
		master := q.Get("master")
		if master == "" || u.Host == "" {
			return nil, errors.New("redisconn: a redis-sentinel:// URL needs a host and ?master=name")
		}
		db := 0
		if v := q.Get("db"); v != "" {
			if db, err = strconv.Atoi(v); err != nil {
				return nil, invalid
			}
		}
		password, _ := u.User.Password()
		return redis.NewFailoverClient(&redis.FailoverOptions{
			MasterName:    master,
			SentinelAddrs: append([]string{u.Host}, q["addr"]...),
			Password:      password,
			DB:            db,
			DialTimeout:   dial, ReadTimeout: read, WriteTimeout: write, MaxRetries: 1,
		}), nil
	}
	return nil, invalid
}
