package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"zukunftswerk"
	"zukunftswerk/server/config"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestGracefulShutdown cancels the server's context while a citizen's idea
// is still being uploaded; the request must finish, the idea be stored and
// the database closed cleanly.
func TestGracefulShutdown(t *testing.T) {
	lv := testutil.Redis(t) // skips or fails like every Redis test
	dbPath := testutil.DatabaseURL(t)
	port := testutil.FreePort(t)
	env := map[string]string{
		"LISTEN_ADDR": fmt.Sprintf("127.0.0.1:%d", port), "DATABASE_URL": dbPath,
		"REDIS_URL": testutil.RedisURL(), "REDIS_PREFIX": lv.Prefix, "MIN_FILL_SECONDS": "0",
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, testutil.Logger(t), []string{"-demo"}, func(k string) string { return env[k] })
	}()

	base := "http://" + env["LISTEN_ADDR"]
	waitFor(t, base+"/healthz")
	if err := run(context.Background(), testutil.Logger(t), []string{"healthcheck"}, func(k string) string { return env[k] }); err != nil {
		t.Errorf("healthcheck subcommand: %v", err)
	}

	// Fetch a form token, then send the form slowly.
	res, err := http.Get(base + "/ingersheim/heute-leben-morgen-gestalten/ideen/neu")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	_, rest, _ := strings.Cut(string(page), `name="form_token" value="`)
	token, _, _ := strings.Cut(rest, `"`)
	form := url.Values{"form_token": {token}, "action_field": {"2"}, "title": {"Während des Herunterfahrens"}, "privacy": {"yes"}}.Encode()

	// A phone's live stream is open too: shutdown must end it, not wait
	// for it.
	streamDone := openWorkshopStream(t, dbPath, base)

	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, base+"/ingersheim/heute-leben-morgen-gestalten/ideen", pr)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.ContentLength = int64(len(form))
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	status := make(chan int, 1)
	go func() {
		res, err := client.Do(req)
		if err != nil {
			t.Errorf("request in flight failed: %v", err)
			status <- 0
			return
		}
		res.Body.Close()
		status <- res.StatusCode
	}()
	pw.Write([]byte(form[:10]))
	time.Sleep(200 * time.Millisecond)
	cancel() // SIGTERM
	time.Sleep(200 * time.Millisecond)
	pw.Write([]byte(form[10:]))
	pw.Close()

	if got := <-status; got != http.StatusSeeOther {
		t.Errorf("request in flight during shutdown: %d, want 303", got)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run returned %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not stop")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
	select {
	case <-streamDone:
	case <-time.After(5 * time.Second):
		t.Error("the live stream was not closed by the shutdown")
	}

	s, err := store.Open(context.Background(), dbPath, zukunftswerk.Migrations())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	page2, err := s.Ideas(context.Background(), domain.IdeaQuery{ProcessID: 1, Search: "Herunterfahrens", Page: 1, PerPage: 5})
	if err != nil || page2.Total != 1 {
		t.Errorf("idea sent during shutdown: %d stored, err %v", page2.Total, err)
	}
}

func TestInvalidConfigurationStopsTheStart(t *testing.T) {
	err := run(context.Background(), testutil.Logger(t), nil, func(k string) string {
		return map[string]string{"BASE_URL": "not a url"}[k]
	})
	if err == nil || !strings.Contains(err.Error(), "BASE_URL") {
		t.Errorf("run with a bad BASE_URL = %v", err)
	}
}

// waitFor polls url until it answers 200; a loaded CI machine running the
// race-enabled suite may need many seconds to start a server.
func waitFor(t *testing.T, url string) {
	t.Helper()
	for i := 0; i < 1200; i++ {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("%s did not come up", url)
}

func TestBackupCommand(t *testing.T) {
	if testutil.TestEngine() != "sqlite" {
		t.Skip("the backup command is for SQLite")
	}
	dir := t.TempDir()
	env := map[string]string{"DATABASE_URL": dir + "/z.db"}
	getenv := func(k string) string { return env[k] }
	s := testutil.StoreAt(t, env["DATABASE_URL"])
	if _, err := s.EnsureMunicipality(context.Background(), "testhausen", "Testhausen"); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), testutil.Logger(t), []string{"backup", dir + "/copy.db"}, getenv); err != nil {
		t.Fatal(err)
	}
	copied := testutil.StoreAt(t, dir+"/copy.db")
	if m, err := copied.MunicipalityBySlug(context.Background(), "testhausen"); err != nil || m.Name != "Testhausen" {
		t.Errorf("backup lacks the municipality: %v %v", m, err)
	}
	if err := run(context.Background(), testutil.Logger(t), []string{"backup"}, getenv); err == nil {
		t.Error("backup without a file name succeeded")
	}
}

func TestAdminCreateCommandAndBootstrap(t *testing.T) {
	dbURL := testutil.DatabaseURL(t)
	env := map[string]string{"DATABASE_URL": dbURL}
	getenv := func(k string) string { return env[k] }
	log := testutil.Logger(t)
	ctx := context.Background()

	err := adminCommand(ctx, log, []string{"create", "-email", "Root@Land.de", "-name", "Landesadmin"}, getenv,
		strings.NewReader("ein langes Passwort für das Land\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		args  []string
		input string
	}{
		{[]string{"create", "-email", "root@land.de", "-name", "Doppelt"}, "ein langes Passwort für das Land\n"},
		{[]string{"create", "-email", "kurz@land.de", "-name", "Kurz"}, "kurz\n"},
		{[]string{"create", "-email", "keine-adresse", "-name", "X"}, "ein langes Passwort für das Land\n"},
		{[]string{"create", "-email", "leer@land.de", "-name", "Leer"}, ""},
		{[]string{"delete"}, ""},
	} {
		if err := adminCommand(ctx, log, bad.args, getenv, strings.NewReader(bad.input)); err == nil {
			t.Errorf("admin %v accepted", bad.args)
		}
	}
	s := testutil.StoreAt(t, dbURL)
	u, err := s.StaffUserByEmail(ctx, "root@land.de")
	if err != nil || !u.InstallationAdmin || u.Name != "Landesadmin" || strings.Contains(u.PasswordHash, "Passwort") {
		t.Fatalf("created admin: %+v %v", u, err)
	}

	// ADMIN_EMAIL only acts on an installation without accounts.
	fresh := testutil.DatabaseURL(t)
	freshStore := testutil.StoreAt(t, fresh)
	cfg := config.Config{AdminEmail: "erst@land.de", AdminPassword: "das erste Passwort hier"}
	if err := bootstrapAdmin(ctx, log, freshStore, cfg); err != nil {
		t.Fatal(err)
	}
	if err := bootstrapAdmin(ctx, log, freshStore, config.Config{AdminEmail: "zweit@land.de", AdminPassword: "das zweite Passwort hier"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := freshStore.CountStaffUsers(ctx); n != 1 {
		t.Errorf("bootstrap created %d accounts, want 1", n)
	}
}

// openWorkshopStream opens a live workshop in the database and connects to
// its event stream; the channel closes when the stream ends.
func openWorkshopStream(t *testing.T, dbURL, base string) <-chan struct{} {
	t.Helper()
	ctx := context.Background()
	s := testutil.StoreAt(t, dbURL)
	id, err := s.CreateWorkshop(ctx, store.Actor{Name: "test"}, 1,
		domain.Workshop{ProcessID: 1, Kind: "zukunft", Title: "Abschalttest", DotBudget: 3, MaxDotsPerCard: 3},
		[]domain.Phase{{Title: "Kritikphase", CardKind: "kritik"}}, []domain.Group{{Title: "Alle"}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.UpdateWorkshop(ctx, store.Actor{Name: "test"}, 1, id, "open", func(w *domain.Workshop) error {
		code := domain.NewJoinCode()
		w.JoinCode, w.State = &code, domain.WorkshopLive
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(base + "/w/" + w.Code() + "/ereignisse")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("stream: %v %v", res, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer res.Body.Close()
		_, _ = io.Copy(io.Discard, res.Body)
	}()
	return done
}
