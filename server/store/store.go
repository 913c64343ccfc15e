// Package store keeps Zukunftswerk's data in its source of truth: SQLite for
// one town, PostgreSQL for a state-wide installation. The store code is the
// same for both; the few places where the engines differ (full-text search,
// connection setup) are marked as the engine seam.
//
// With SQLite, writes go through one connection (SQLite allows one writer at
// a time, and a single connection turns lock contention into an orderly
// queue); reads use a pool of read-only connections that WAL lets run beside
// the writer. With PostgreSQL both are the same pool.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Engine names a database engine.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// EngineOf tells which engine a DATABASE_URL names.
func EngineOf(databaseURL string) Engine {
	if strings.HasPrefix(databaseURL, "postgres://") || strings.HasPrefix(databaseURL, "postgresql://") {
		return Postgres
	}
	return SQLite
}

// Store is the database behind the server.
type Store struct {
	engine     Engine
	sqlitePath string // the database file, for SQLite only
	writer     *sqlx.DB
	reader     *sqlx.DB
	now        func() time.Time
	dots       *dotBatcher // commits dot votes in groups
}

// Open opens the database named by databaseURL — a SQLite file path or
// file: URL (the file and its folder are created), or a postgres:// URL —
// and applies all migrations for that engine.
func Open(ctx context.Context, databaseURL string, migrations fs.FS) (*Store, error) {
	var s *Store
	var err error
	if EngineOf(databaseURL) == Postgres {
		s, err = openPostgres(ctx, databaseURL)
	} else {
		s, err = openSQLite(ctx, databaseURL)
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx, migrations); err != nil {
		s.Close()
		return nil, err
	}
	s.dots = newDotBatcher(s)
	return s, nil
}

func openSQLite(ctx context.Context, databaseURL string) (*Store, error) {
	path, query, err := splitDatabaseURL(databaseURL)
	if err != nil {
		return nil, err
	}
	if dir := filepath.Dir(path); dir != "." && dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: unable to create database folder %s: %w", dir, err)
		}
	}

	// synchronous=FULL: an idea is on disk before the citizen hears "saved".
	writerParams := mergeParams(query, url.Values{
		"_journal_mode": {"WAL"},
		"_foreign_keys": {"on"},
		"_busy_timeout": {"5000"},
		"_txlock":       {"immediate"},
		"_synchronous":  {"FULL"},
		// Prepared statements are kept per connection: the same few
		// queries run thousands of times in a workshop.
		"_stmt_cache_size": {"256"},
	})
	writer, err := sqlx.Open("sqlite3", "file:"+path+"?"+writerParams.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: unable to open database: %w", err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxLifetime(0)
	if err := writer.PingContext(ctx); err != nil {
		writer.Close()
		return nil, fmt.Errorf("store: unable to reach database: %w", err)
	}

	readerParams := mergeParams(query, url.Values{
		"_foreign_keys":    {"on"},
		"_busy_timeout":    {"5000"},
		"_query_only":      {"true"},
		"_stmt_cache_size": {"256"},
	})
	reader, err := sqlx.Open("sqlite3", "file:"+path+"?"+readerParams.Encode())
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("store: unable to open read connections: %w", err)
	}
	reader.SetMaxOpenConns(max(4, runtime.NumCPU()*2))
	return &Store{engine: SQLite, sqlitePath: path, writer: writer, reader: reader, now: now}, nil
}

func openPostgres(ctx context.Context, databaseURL string) (*Store, error) {
	u, err := url.Parse(databaseURL)
	if err != nil {
		return nil, errors.New("store: DATABASE_URL is not a valid postgres URL")
	}
	// Timestamps come back in UTC, as SQLite gives them.
	q := u.Query()
	if q.Get("timezone") == "" {
		q.Set("timezone", "UTC")
	}
	u.RawQuery = q.Encode()
	db, err := sqlx.Open("pgx", u.String())
	if err != nil {
		return nil, fmt.Errorf("store: unable to open database: %w", err)
	}
	db.SetMaxOpenConns(max(8, runtime.NumCPU()*4))
	db.SetMaxIdleConns(max(8, runtime.NumCPU()*4))
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: unable to reach database: %w", err)
	}
	return &Store{engine: Postgres, writer: db, reader: db, now: now}, nil
}

func now() time.Time { return time.Now().UTC() }

// At is the store with its clock stopped at t, for writing history (the
// demo's ideas of 2014): everything it stores is dated t.
func (s *Store) At(t time.Time) *Store {
	stopped := *s
	stopped.now = func() time.Time { return t.UTC() }
	return &stopped
}

func (s *Store) migrate(ctx context.Context, migrations fs.FS) error {
	dialect := goose.DialectSQLite3
	if s.engine == Postgres {
		dialect = goose.DialectPostgres
	}
	dir, err := fs.Sub(migrations, string(s.engine))
	if err != nil {
		return fmt.Errorf("store: unable to find %s migrations: %w", s.engine, err)
	}
	var options []goose.ProviderOption
	if s.engine == Postgres {
		// Several instances may start at once; one migrates, the others wait.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return fmt.Errorf("store: unable to prepare migration lock: %w", err)
		}
		options = append(options, goose.WithSessionLocker(locker))
	}
	provider, err := goose.NewProvider(dialect, s.writer.DB, dir, options...)
	if err != nil {
		return fmt.Errorf("store: unable to prepare migrations: %w", err)
	}
	applied, err := provider.Up(ctx)
	if err != nil {
		return fmt.Errorf("store: unable to apply migrations: %w", err)
	}
	// A migration may change data that other, running instances keep
	// pages of (data_version.go).
	if len(applied) > 0 {
		return raiseDataVersion(ctx, s.writer)
	}
	return nil
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := get(ctx, s.reader, &one, "SELECT 1"); err != nil {
		return fmt.Errorf("store: database does not answer: %w", err)
	}
	return nil
}

// Close closes all connections; with SQLite the WAL is checkpointed by the
// last one.
func (s *Store) Close() error {
	if s.dots != nil {
		s.dots.close()
	}
	if s.reader == s.writer {
		return s.writer.Close()
	}
	return errors.Join(s.reader.Close(), s.writer.Close())
}

// inTx runs fn in an immediate transaction on the writer connection and
// raises the data version with it (data_version.go).
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.writer.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := raiseDataVersion(ctx, tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	return nil
}

func splitDatabaseURL(databaseURL string) (path string, query url.Values, err error) {
	raw := strings.TrimPrefix(databaseURL, "file:")
	path, rawQuery, _ := strings.Cut(raw, "?")
	if path == "" {
		return "", nil, errors.New("store: DATABASE_URL names no file")
	}
	query, err = url.ParseQuery(rawQuery)
	if err != nil {
		return "", nil, fmt.Errorf("store: DATABASE_URL has an invalid query: %w", err)
	}
	return path, query, nil
}

// mergeParams lets parameters given in DATABASE_URL override the defaults.
func mergeParams(given, defaults url.Values) url.Values {
	merged := url.Values{}
	for k, v := range defaults {
		merged[k] = v
	}
	for k, v := range given {
		merged[k] = v
	}
	return merged
}

func notFoundIfNoRows(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: %s: %w", what, errNotFound)
	}
	return fmt.Errorf("store: unable to load %s: %w", what, err)
}
