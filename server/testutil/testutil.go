// Package testutil gives tests the real parts: a SQLite file of their own,
// the real Redis with a key prefix of their own, and a complete server.
// Under CI=true a missing Redis fails the test instead of skipping it.
package testutil

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"zukunftswerk"
	"zukunftswerk/server/app"
	"zukunftswerk/server/config"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/i18n"
	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/store"
	"zukunftswerk/server/web"
)

// InCI reports whether missing services must fail rather than skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// Unavailable skips the test, or fails it under CI=true.
func Unavailable(t testing.TB, what string, err error) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s is required under CI=true: %v", what, err)
	}
	t.Skipf("%s not available: %v", what, err)
}

// Store opens a fresh database on the suite's engine (see DatabaseURL).
func Store(t testing.TB) *store.Store {
	t.Helper()
	return StoreAt(t, DatabaseURL(t))
}

// StoreAt opens the database at url and closes it after the test.
func StoreAt(t testing.TB, url string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), url, zukunftswerk.Migrations())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// RedisURL is the real Redis the tests use: TEST_REDIS_URL, REDIS_URL or
// the local default.
func RedisURL() string {
	for _, k := range []string{"TEST_REDIS_URL", "REDIS_URL"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "redis://127.0.0.1:6379/0"
}

// Prefix returns a key prefix no other test uses.
func Prefix(t testing.TB) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "zwtest:" + hex.EncodeToString(b) + ":"
}

// Redis connects to the real Redis with a fresh prefix and deletes the
// test's keys afterwards.
func Redis(t testing.TB) *redisconn.Conn {
	t.Helper()
	return RedisAt(t, RedisURL())
}

// RedisAt connects to the Redis at url with a fresh prefix.
func RedisAt(t testing.TB, url string) *redisconn.Conn {
	t.Helper()
	prefix := Prefix(t)
	conn, err := redisconn.Connect(context.Background(), url, prefix, Logger(t))
	if err != nil {
		Unavailable(t, "Redis at "+url, err)
	}
	t.Cleanup(func() {
		deleteKeys(conn.Client, "*"+prefix+"*")
		conn.Close()
	})
	return conn
}

// ForEachRedis runs a test against one Redis server, a Sentinel setup and a
// three-master cluster: every Redis feature must work on all three.
func ForEachRedis(t *testing.T, test func(t *testing.T, conn *redisconn.Conn)) {
	t.Run("single", func(t *testing.T) { test(t, Redis(t)) })
	t.Run("sentinel", func(t *testing.T) { test(t, RedisAt(t, StartRedisSentinel(t))) })
	t.Run("cluster", func(t *testing.T) { test(t, RedisAt(t, StartRedisCluster(t))) })
}

// deleteKeys removes the keys matching pattern, on every master of a
// cluster.
func deleteKeys(client redis.UniversalClient, pattern string) {
	ctx := context.Background()
	scan := func(ctx context.Context, c *redis.Client) error {
		iter := c.Scan(ctx, 0, pattern, 1000).Iterator()
		for iter.Next(ctx) {
			c.Del(ctx, iter.Val())
		}
		return iter.Err()
	}
	switch c := client.(type) {
	case *redis.ClusterClient:
		_ = c.ForEachMaster(ctx, scan)
	case *redis.Client:
		_ = scan(ctx, c)
	}
}

// Logger returns a logger that writes into the test log.
func Logger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(bytes.TrimRight(p, "\n")))
	return len(p), nil
}

// LogBuffer collects log output for assertions; safe for concurrent use.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *LogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Server is a complete Zukunftswerk server for tests.
type Server struct {
	*httptest.Server
	Store   *store.Store
	Redis   *redisconn.Conn
	App     *app.App
	Catalog *i18n.Catalog
	Config  config.Config
	Handler http.Handler
	Logs    *LogBuffer
	// MetricsURL is /metrics on a listener of its own, as METRICS_ADDR
	// serves it in production.
	MetricsURL string
}

// Options change the server a test gets.
type Options struct {
	Env   map[string]string // extra configuration variables
	Demo  bool              // load the Ingersheim demo
	Redis *redisconn.Conn   // a Redis connection other than the default
	Store *store.Store      // a database other than a fresh one
}

// NewServer starts a server on a real listener with a fresh database and
// the real Redis. The minimum fill time is 0 unless Env sets it.
func NewServer(t testing.TB, o Options) *Server {
	t.Helper()
	env := map[string]string{"MIN_FILL_SECONDS": "0"}
	for k, v := range o.Env {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	st := o.Store
	if st == nil {
		st = Store(t)
	}
	conn := o.Redis
	if conn == nil {
		conn = Redis(t)
	}
	if o.Demo {
		if err := demo.Load(context.Background(), st); err != nil {
			t.Fatalf("demo: %v", err)
		}
	}
	catalog, err := i18n.Load()
	if err != nil {
		t.Fatalf("catalog: %v", err)
	}
	logs := &LogBuffer{}
	// Request logs go to a buffer tests can inspect, not to the test output.
	log := slog.New(slog.NewJSONHandler(logs, nil))
	a, err := app.New(context.Background(), app.Deps{Config: cfg, Store: st, Redis: conn, Log: log})
	if err != nil {
		t.Fatalf("app: %v", err)
	}
	t.Cleanup(a.Close)
	h, err := web.New(context.Background(), web.Deps{
		App: a, Catalog: catalog, Log: log,
		Templates: zukunftswerk.Templates(), Static: zukunftswerk.Static(), Registry: prometheus.NewRegistry(),
	})
	if err != nil {
		t.Fatalf("web: %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	metrics := httptest.NewServer(h.Metrics)
	t.Cleanup(metrics.Close)
	return &Server{Server: srv, Store: st, Redis: conn, App: a, Catalog: catalog, Config: cfg, Handler: h, Logs: logs,
		MetricsURL: metrics.URL + "/metrics"}
}

// RedisProcess is a redis-server of the test's own, for tests that stop
// Redis in the middle of something.
type RedisProcess struct {
	URL string
	cmd *exec.Cmd
}

// StartRedis starts a private redis-server on a free local port.
func StartRedis(t testing.TB) *RedisProcess {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		Unavailable(t, "redis-server binary", err)
	}
	// The free port may be taken by another test's server before this one
	// binds it; a server that does not come up is retried on another port.
	for attempt := 0; attempt < 5; attempt++ {
		port := FreePort(t)
		cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
		if err := cmd.Start(); err != nil {
			t.Fatalf("start redis-server: %v", err)
		}
		rp := &RedisProcess{URL: "redis://127.0.0.1:" + strconv.Itoa(port) + "/0", cmd: cmd}
		if redisAnswers("127.0.0.1:"+strconv.Itoa(port), 5*time.Second) {
			t.Cleanup(rp.Stop)
			return rp
		}
		rp.Stop()
	}
	t.Fatalf("no redis-server came up in five attempts")
	return nil
}

// Stop kills the redis-server (idempotent).
func (rp *RedisProcess) Stop() {
	if rp.cmd.Process != nil && rp.cmd.ProcessState == nil {
		_ = rp.cmd.Process.Kill()
		_ = rp.cmd.Wait()
	}
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
