// Package store keeps Zukunftswerk's data in SQLite, the source of truth.
// Writes go through one connection (SQLite allows one writer at a time, and
// a single connection turns lock contention into an orderly queue); reads use
// a pool of read-only connections that WAL lets run beside the writer.
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

	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
	"github.com/pressly/goose/v3"
)

// Store is the database behind the server.
type Store struct {
	writer *sqlx.DB
	reader *sqlx.DB
	now    func() time.Time
}

// Open opens (and creates) the SQLite database named by databaseURL — a file
// path or a file: URL — and applies all migrations in migrations/sqlite.
func Open(ctx context.Context, databaseURL string, migrations fs.FS) (*Store, error) {
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
		"_foreign_keys": {"on"},
		"_busy_timeout": {"5000"},
		"_query_only":   {"true"},
	})
	reader, err := sqlx.Open("sqlite3", "file:"+path+"?"+readerParams.Encode())
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("store: unable to open read connections: %w", err)
	}
	reader.SetMaxOpenConns(max(4, runtime.NumCPU()*2))

	s := &Store{writer: writer, reader: reader, now: func() time.Time { return time.Now().UTC() }}
	if err := s.migrate(ctx, migrations); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context, migrations fs.FS) error {
	dir, err := fs.Sub(migrations, "sqlite")
	if err != nil {
		return fmt.Errorf("store: unable to find sqlite migrations: %w", err)
	}
	provider, err := goose.NewProvider(goose.DialectSQLite3, s.writer.DB, dir)
	if err != nil {
		return fmt.Errorf("store: unable to prepare migrations: %w", err)
	}
	if _, err := provider.Up(ctx); err != nil {
		return fmt.Errorf("store: unable to apply migrations: %w", err)
	}
	return nil
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.reader.GetContext(ctx, &one, "SELECT 1"); err != nil {
		return fmt.Errorf("store: database does not answer: %w", err)
	}
	return nil
}

// Close closes all connections; the WAL is checkpointed by the last one.
func (s *Store) Close() error {
	return errors.Join(s.reader.Close(), s.writer.Close())
}

// inTx runs fn in an immediate transaction on the writer connection.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.writer.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
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
