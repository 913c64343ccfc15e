package testutil

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver for schema setup
)

// TestEngine is the database the suite runs on: "sqlite" (default) or
// "postgres" (TEST_DATABASE=postgres with TEST_POSTGRES_URL). The test
// command runs the whole suite once per engine.
func TestEngine() string {
	if os.Getenv("TEST_DATABASE") == "postgres" {
		return "postgres"
	}
	return "sqlite"
}

// DatabaseURL returns a fresh, empty database for the test on the suite's
// engine: a SQLite file in the test's temp folder, or a PostgreSQL schema
// of its own (dropped afterwards).
func DatabaseURL(t testing.TB) string {
	t.Helper()
	if TestEngine() == "postgres" {
		return PostgresURL(t)
	}
	return filepath.Join(t.TempDir(), "test.db")
}

// PostgresURL creates a schema of the test's own on TEST_POSTGRES_URL and
// returns a URL whose search_path points at it.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TEST_POSTGRES_URL")
	if base == "" {
		Unavailable(t, "PostgreSQL (TEST_POSTGRES_URL)", os.ErrNotExist)
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		err = admin.PingContext(context.Background())
	}
	if err != nil {
		Unavailable(t, "PostgreSQL at TEST_POSTGRES_URL", err)
	}
	schema := strings.NewReplacer("zwtest:", "zwtest_", ":", "").Replace(Prefix(t))
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("TEST_POSTGRES_URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
