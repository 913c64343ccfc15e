package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"zukunftswerk/server/testutil"
)

// TestSchemasMatch applies both engines' migrations and compares their
// tables and columns, so the numbered steps in migrations/sqlite and
// migrations/postgres cannot drift apart. The one deliberate difference is
// the search table: SQLite's FTS4 table has docid implicitly and keeps
// shadow tables of its own.
func TestSchemasMatch(t *testing.T) {
	ctx := context.Background()
	sqlitePath := filepath.Join(t.TempDir(), "schema.db")
	testutil.StoreAt(t, sqlitePath)
	pgURL := testutil.PostgresURL(t)
	testutil.StoreAt(t, pgURL)

	lite, err := sql.Open("sqlite3", sqlitePath)
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	liteSchema := map[string][]string{}
	rows, err := lite.QueryContext(ctx, `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'goose_db_version'
		  AND m.name NOT LIKE 'contribution_fts_%'`)
	if err != nil {
		t.Fatal(err)
	}
	collect(t, rows, liteSchema)
	liteSchema["contribution_fts"] = append(liteSchema["contribution_fts"], "docid")

	pg, err := sql.Open("pgx", pgURL)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	pgSchema := map[string][]string{}
	rows, err = pg.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name <> 'goose_db_version'`)
	if err != nil {
		t.Fatal(err)
	}
	collect(t, rows, pgSchema)

	for _, s := range []map[string][]string{liteSchema, pgSchema} {
		for table := range s {
			sort.Strings(s[table])
		}
	}
	if len(liteSchema) < 8 {
		t.Fatalf("only %d SQLite tables found: %v", len(liteSchema), liteSchema)
	}
	if !reflect.DeepEqual(liteSchema, pgSchema) {
		for table := range merged(liteSchema, pgSchema) {
			if l, p := strings.Join(liteSchema[table], ","), strings.Join(pgSchema[table], ","); l != p {
				t.Errorf("table %s:\n  sqlite:   %s\n  postgres: %s", table, l, p)
			}
		}
	}
}

func collect(t *testing.T, rows *sql.Rows, into map[string][]string) {
	t.Helper()
	defer rows.Close()
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			t.Fatal(err)
		}
		into[table] = append(into[table], column)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

func merged(a, b map[string][]string) map[string]bool {
	all := map[string]bool{}
	for k := range a {
		all[k] = true
	}
	for k := range b {
		all[k] = true
	}
	return all
}
