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
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"zukunftswerk"
	"zukunftswerk/server/config"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/i18n"
	"zukunftswerk/server/live"
	"zukunftswerk/server/store"
	"zukunftswerk/server/web"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	if err := run(log, os.Args[1:]); err != nil {
		log.Error("server stopped", "error", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger, args []string) error {
	flags := flag.NewFlagSet("server", flag.ContinueOnError)
	withDemo := flags.Bool("demo", false, "load the Ingersheim example data (safe to repeat)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	st, err := store.Open(ctx, cfg.DatabaseURL, zukunftswerk.Migrations())
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("database close failed", "error", err)
		}
	}()
	if *withDemo {
		if err := demo.Load(ctx, st); err != nil {
			return err
		}
		log.Info("demo data loaded", "url", cfg.BaseURL+"/ingersheim/"+demo.ProcessSlug+"/")
	}

	lv, err := live.Connect(ctx, cfg.RedisURL, cfg.RedisPrefix, log)
	if err != nil {
		return err
	}
	defer lv.Close()

	catalog, err := i18n.Load()
	if err != nil {
		return err
	}
	registry := prometheus.NewRegistry()
	registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	handler, err := web.New(ctx, web.Deps{
		Config: cfg, Store: st, Live: lv, Catalog: catalog, Log: log,
		Templates: zukunftswerk.Templates(), Static: zukunftswerk.Static(), Registry: registry,
	})
	if err != nil {
		return err
	}

	srv := &http.Server{
		Addr:              cfg.ListenAddr,
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	serveErr := make(chan error, 1)
	go func() {
		log.Info("listening", "addr", cfg.ListenAddr, "base_url", cfg.BaseURL)
		serveErr <- srv.ListenAndServe()
	}()

	select {
	case err := <-serveErr:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}
