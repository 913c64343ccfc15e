package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// snapshot is everything a citizen can see of the demo process.
type snapshot struct {
	Fields     []domain.ActionField
	Milestones []domain.Milestone
	Ideas      []domain.Contribution
	Found      int // ideas found by a full-text search
}

func take(t *testing.T, s *store.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	m, err := s.MunicipalityBySlug(ctx, "ingersheim")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.ProcessBySlug(ctx, m.ID, demo.ProcessSlug)
	if err != nil {
		t.Fatal(err)
	}
	var snap snapshot
	if snap.Fields, err = s.ActionFields(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if snap.Milestones, err = s.Milestones(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	page, err := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Page: 1, PerPage: 10000})
	if err != nil {
		t.Fatal(err)
	}
	snap.Ideas = page.Ideas
	for i := range snap.Ideas {
		snap.Ideas[i].CreatedAt = snap.Ideas[i].CreatedAt.UTC()
	}
	found, err := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Search: "Bürgerbus", Page: 1, PerPage: 10})
	if err != nil {
		t.Fatal(err)
	}
	snap.Found = found.Total
	return snap
}

func addSupports(t *testing.T, s *store.Store, n int) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		// The demo's online ideas are 1 to 8.
		if _, err := s.SetSupport(ctx, 1, int64(i%8+1), fmt.Sprintf("backup-device-%d", i), true); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSQLiteOnlineBackupAndRestore(t *testing.T) {
	if testutil.TestEngine() != "sqlite" {
		t.Skip("SQLite backup; the PostgreSQL run covers pg_dump")
	}
	dir := t.TempDir()
	live := testutil.StoreAt(t, filepath.Join(dir, "live.db"))
	if err := demo.Load(context.Background(), live); err != nil {
		t.Fatal(err)
	}
	addSupports(t, live, 40)

	// Back up while citizens keep supporting ideas.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			if _, err := live.SetSupport(context.Background(), 1, int64(i%8+1), fmt.Sprintf("during-%d", i), true); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	backupPath := filepath.Join(dir, "backup.db")
	if err := live.Backup(context.Background(), backupPath); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if err := live.Backup(context.Background(), backupPath); err == nil {
		t.Error("backup overwrote an existing file")
	}

	// Restore: the copy is a database of its own; its counts agree with
	// its support rows (a consistent snapshot), and it is searchable.
	restored := testutil.StoreAt(t, backupPath)
	snap := take(t, restored)
	if len(snap.Ideas) != 14 || len(snap.Milestones) != 17 || len(snap.Fields) != 5 || snap.Found != 1 {
		t.Fatalf("restored: %d ideas, %d milestones, %d fields, search found %d", len(snap.Ideas), len(snap.Milestones), len(snap.Fields), snap.Found)
	}
	raw, err := sql.Open("sqlite3", backupPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var mismatched int
	if err := raw.QueryRow(`SELECT COUNT(*) FROM contribution c
		WHERE c.support_count <> (SELECT COUNT(*) FROM support s WHERE s.contribution_id = c.id)`).Scan(&mismatched); err != nil {
		t.Fatal(err)
	}
	if mismatched != 0 {
		t.Errorf("%d ideas in the backup have a count that disagrees with their supports", mismatched)
	}

	// Without concurrent writes, backup and original are identical.
	second := filepath.Join(dir, "second.db")
	if err := live.Backup(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	if want, got := take(t, live), take(t, testutil.StoreAt(t, second)); !reflect.DeepEqual(want, got) {
		t.Errorf("restored backup differs from the original")
	}
}

func TestPostgresDumpAndRestore(t *testing.T) {
	if testutil.TestEngine() != "postgres" {
		t.Skip("pg_dump backup; runs in the PostgreSQL pass of the suite")
	}
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			testutil.Unavailable(t, tool, err)
		}
	}
	srcURL := testutil.PostgresURL(t)
	src := testutil.StoreAt(t, srcURL)
	if err := demo.Load(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	addSupports(t, src, 40)
	want := take(t, src)

	u, _ := url.Parse(srcURL)
	schema := u.Query().Get("search_path")
	plain := *u
	plain.RawQuery = "sslmode=disable"
	dump := filepath.Join(t.TempDir(), "zukunftswerk.dump")
	if out, err := exec.Command("pg_dump", "--format=custom", "--no-owner", "--schema="+schema, "--file="+dump, plain.String()).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}

	// Restore into a database of its own.
	admin, err := sql.Open("pgx", plain.String())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	target := "zwrestore_" + strings.TrimPrefix(schema, "zwtest_")
	if _, err := admin.Exec(`CREATE DATABASE ` + target); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec(`DROP DATABASE IF EXISTS ` + target + ` WITH (FORCE)`) })
	restoredURL := *u
	restoredURL.Path = "/" + target
	restoredPlain := restoredURL
	restoredPlain.RawQuery = "sslmode=disable"
	if out, err := exec.Command("pg_restore", "--no-owner", "--exit-on-error", "--dbname="+restoredPlain.String(), dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	got := take(t, testutil.StoreAt(t, restoredURL.String()))
	if !reflect.DeepEqual(want, got) {
		t.Errorf("restored database differs:\nwant %d ideas, search %d\ngot  %d ideas, search %d", len(want.Ideas), want.Found, len(got.Ideas), got.Found)
	}
}
