// Command server runs Zukunftswerk: `go run ./server` with embedded
// defaults, `go run ./server -demo` with the Ingersheim example.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"zukunftswerk"
	"zukunftswerk/server/app"
	"zukunftswerk/server/config"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/i18n"
	"zukunftswerk/server/notify"
	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/store"
	"zukunftswerk/server/web"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	err := run(ctx, log, os.Args[1:], os.Getenv)
	stop()
	if err != nil {
		log.Error("server stopped", "error", err)
		os.Exit(1)
	}
}

// run serves until ctx ends (SIGINT or SIGTERM), then lets requests in
// flight finish and closes the database cleanly.
func run(ctx context.Context, log *slog.Logger, args []string, getenv func(string) string) error {
	if len(args) > 0 && args[0] == "healthcheck" {
		return healthcheck(getenv)
	}
	if len(args) > 0 && args[0] == "backup" {
		return backup(ctx, log, args[1:], getenv)
	}
	if len(args) > 0 && args[0] == "admin" {
		return adminCommand(ctx, log, args[1:], getenv, os.Stdin)
	}
	flags := flag.NewFlagSet("server", flag.ContinueOnError)
	withDemo := flags.Bool("demo", false, "load the Ingersheim example data (safe to repeat)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}

	st, err := store.Open(ctx, cfg.DatabaseURL, zukunftswerk.Migrations())
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("database close failed", "error", err)
		}
	}()
	if err := bootstrapAdmin(ctx, log, st, cfg); err != nil {
		return err
	}
	if *withDemo {
		if err := demo.Load(ctx, st); err != nil {
			return err
		}
		log.Info("demo data loaded", "url", cfg.BaseURL+"/ingersheim/"+demo.ProcessSlug+"/")
	}

	redis, err := redisconn.Connect(ctx, cfg.RedisURL, cfg.RedisPrefix, log)
	if err != nil {
		return err
	}
	defer redis.Close()
	uses, err := app.New(ctx, app.Deps{Config: cfg, Store: st, Redis: redis, Log: log})
	if err != nil {
		return err
	}
	defer uses.Close()

	catalog, err := i18n.Load()
	if err != nil {
		return err
	}
	registry := prometheus.NewRegistry()
	registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	handler, err := web.New(ctx, web.Deps{
		App: uses, Catalog: catalog, Log: log,
		Templates: zukunftswerk.Templates(), Static: zukunftswerk.Static(), Registry: registry,
	})
	if err != nil {
		return err
	}

	sender := &notify.Sender{Store: st, Log: log, BaseURL: cfg.BaseURL,
		Text: func(key string, args ...any) string { return catalog.Message("de", key, args...) }}
	if cfg.SMTPURL != "" {
		mailer, err := notify.NewSMTP(cfg.SMTPURL, cfg.MailFrom)
		if err != nil {
			return err
		}
		sender.Mailer = mailer
	}
	go sender.Run(ctx, 30*time.Second)

	srv := newHTTPServer(cfg.ListenAddr, handler, log)
	srv.RegisterOnShutdown(handler.CloseStreams)
	serveErr := make(chan error, 2)
	go func() {
		log.Info("listening", "addr", cfg.ListenAddr, "base_url", cfg.BaseURL)
		serveErr <- srv.ListenAndServe()
	}()
	if cfg.MetricsAddr != "" {
		metricsSrv := newHTTPServer(cfg.MetricsAddr, onlyMetrics(handler.Metrics), log)
		defer metricsSrv.Close()
		go func() {
			log.Info("metrics listening", "addr", cfg.MetricsAddr)
			serveErr <- metricsSrv.ListenAndServe()
		}()
	}

	select {
	case err := <-serveErr:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	// The context of run is done; shutdown gets a fresh deadline of its own.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}

// Limits of every listener: a request's headers may take at most 16 KB
// (net/http answers 431 beyond that; it adds 4 KB of slack to
// MaxHeaderBytes, taken off here) and must arrive within
// readHeaderTimeout, so that slow or huge headers from many connections
// cannot hold the process's memory.
const (
	maxHeaderBytes    = 16<<10 - 4096
	readHeaderTimeout = 10 * time.Second
)

// newHTTPServer is a listener with the limits above; streams of live
// workshops lift the write deadline for themselves.
func newHTTPServer(addr string, handler http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           handler,
		MaxHeaderBytes:    maxHeaderBytes,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// onlyMetrics serves /metrics and nothing else on the metrics listener.
func onlyMetrics(metrics http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics)
	return mux
}

// healthcheck asks the local server's /healthz; the Docker HEALTHCHECK uses
// it because the runtime image has no curl.
func healthcheck(getenv func(string) string) error {
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	addr := cfg.ListenAddr
	if strings.HasPrefix(addr, ":") {
		addr = "127.0.0.1" + addr
	}
	client := &http.Client{Timeout: 3 * time.Second}
	res, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: status %d", res.StatusCode)
	}
	return nil
}

// backup writes an online copy of the SQLite database: `server backup FILE`.
func backup(ctx context.Context, log *slog.Logger, args []string, getenv func(string) string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: server backup FILE")
	}
	st, err := openConfiguredStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, args[0]); err != nil {
		return err
	}
	log.Info("backup written", "file", args[0])
	return nil
}

// openConfiguredStore opens the database that the environment names, for
// the command-line tools (backup, admin).
func openConfiguredStore(ctx context.Context, getenv func(string) string) (*store.Store, error) {
	cfg, err := config.Load(getenv)
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, cfg.DatabaseURL, zukunftswerk.Migrations())
}
