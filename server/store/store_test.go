package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"zukunftswerk"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// seeded returns a store with the demo data and its process.
func seeded(t *testing.T) (*store.Store, domain.Process, []domain.ActionField) {
	t.Helper()
	s := testutil.Store(t)
	ctx := context.Background()
	if err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	m, err := s.MunicipalityBySlug(ctx, "ingersheim")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.ProcessBySlug(ctx, m.ID, demo.ProcessSlug)
	if err != nil {
		t.Fatal(err)
	}
	fields, err := s.ActionFields(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s, p, fields
}

func TestOpenTwiceAppliesMigrationsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "z.db")
	reopen := "file:" + path + "?_busy_timeout=1000"
	if testutil.TestEngine() == "postgres" {
		path = testutil.DatabaseURL(t)
		reopen = path
	}
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		s, err := store.Open(ctx, path, zukunftswerk.Migrations())
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		if err := demo.Load(ctx, s); err != nil {
			t.Fatalf("demo #%d: %v", i+1, err)
		}
		s.Close()
	}
	s, err := store.Open(ctx, reopen, zukunftswerk.Migrations())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _ := s.MunicipalityBySlug(ctx, "ingersheim")
	p, _ := s.ProcessBySlug(ctx, m.ID, demo.ProcessSlug)
	page, err := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Page: 1, PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 14 {
		t.Errorf("after loading the demo twice there are %d ideas, want 14", page.Total)
	}
	ms, _ := s.Milestones(ctx, p.ID)
	if len(ms) != 17 {
		t.Fatalf("milestones = %d, want 17", len(ms))
	}
	if ms[2].OccursOn == nil || ms[2].OccursOn.Format("2006-01-02") != "2013-06-25" || ms[2].DatePrecision != domain.PrecisionDay {
		t.Errorf("third milestone date = %v %s, want 2013-06-25 day", ms[2].OccursOn, ms[2].DatePrecision)
	}
	if ms[16].OccursOn == nil || ms[16].OccursOn.Year() != 2015 {
		t.Errorf("last milestone (the award of 2015) dated %v", ms[16].OccursOn)
	}
}

func TestCreateIdeaIsIdempotentUnderRace(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	draft := domain.IdeaDraft{ActionFieldID: fields[0].ID, Title: "Doppelt getippt", PrivacyAccepted: true}
	var wg sync.WaitGroup
	ids := make([]int64, 30)
	created := make([]bool, 30)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			idea, c, err := s.CreateIdea(ctx, p.ID, draft, "device-a", "key-1")
			if err != nil {
				t.Error(err)
				return
			}
			ids[i], created[i] = idea.ID, c
		}()
	}
	wg.Wait()
	createdCount := 0
	for i := range ids {
		if ids[i] != ids[0] {
			t.Fatalf("request %d got idea %d, request 0 got %d", i, ids[i], ids[0])
		}
		if created[i] {
			createdCount++
		}
	}
	if createdCount != 1 {
		t.Errorf("%d requests report a new idea, want exactly 1", createdCount)
	}
	// Another key is another idea.
	other, c, err := s.CreateIdea(ctx, p.ID, draft, "device-a", "key-2")
	if err != nil || !c || other.ID == ids[0] {
		t.Errorf("other key: id %d created %v err %v; want a new idea", other.ID, c, err)
	}
}

func TestSupportCountsEachDeviceOnce(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	idea, _, err := s.CreateIdea(ctx, p.ID, domain.IdeaDraft{ActionFieldID: fields[1].ID, Title: "Unterstützt", PrivacyAccepted: true}, "author", "k")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.SetSupport(ctx, p.ID, idea.ID, "device-x", true); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	count, err := s.SetSupport(ctx, p.ID, idea.ID, "device-y", true)
	if err != nil {
		t.Fatal(err)
	}
	if count != 2 {
		t.Fatalf("support count = %d after 50 supports from one device and 1 from another, want 2", count)
	}
	for i := 0; i < 3; i++ {
		if count, err = s.SetSupport(ctx, p.ID, idea.ID, "device-x", false); err != nil {
			t.Fatal(err)
		}
	}
	if count != 1 {
		t.Fatalf("support count after withdrawing three times = %d, want 1", count)
	}
	got, _ := s.SupportedBy(ctx, "device-y", []int64{idea.ID, 999})
	if !got[idea.ID] || got[999] {
		t.Errorf("SupportedBy = %v", got)
	}
	if ids, err := s.SupportedInProcess(ctx, "ingersheim", p.Slug, "device-y"); err != nil || len(ids) != 1 || ids[0] != idea.ID {
		t.Errorf("SupportedInProcess = %v, %v; want [%d]", ids, err, idea.ID)
	}
	if ids, _ := s.SupportedInProcess(ctx, "anderswo", p.Slug, "device-y"); len(ids) != 0 {
		t.Errorf("the device supports %v in a municipality it never visited", ids)
	}
	if ids, _ := s.SupportedInProcess(ctx, "ingersheim", p.Slug, ""); len(ids) != 0 {
		t.Errorf("a device without a cookie supports %v", ids)
	}
	if _, err := s.SetSupport(ctx, p.ID, 999999, "device-x", true); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("support of a missing idea: %v, want not found", err)
	}
}

func TestSearchFindsGermanWords(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	for i, title := range []string{"Straßenfest im Sommer", "Bäckerei am Marktplatz", "Öffnungszeiten der Bücherei", "Übergang für Fußgänger"} {
		d := domain.IdeaDraft{ActionFieldID: fields[4].ID, Title: title, PrivacyAccepted: true}.Normalize()
		if _, _, err := s.CreateIdea(ctx, p.ID, d, "searcher", fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		query string
		want  int
	}{
		{"Straßenfest", 1},
		{"strassenfest", 1},
		{"STRASSE", 1},      // prefix of Straßenfest
		{"bäcker", 1},       // prefix of Bäckerei
		{"baeckerei", 1},    // spelled without umlaut
		{"öffnungszeit", 3}, // prefix; two demo ideas mention Öffnungszeiten too
		{"fußgänger", 1},
		{"backhaus", 2}, // demo ideas "Backhaus wieder beleben" and "Gemeinsam Brot backen" (im Backhaus)
		{"Bürgerbus Kleiningersheim", 1},
		{"nichtvorhanden", 0},
		{`"unbalanced ( * OR`, 0},
	}
	for _, tt := range tests {
		page, err := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Search: tt.query, Page: 1, PerPage: 20})
		if err != nil {
			t.Errorf("search %q: %v", tt.query, err)
			continue
		}
		if page.Total != tt.want || len(page.Ideas) != tt.want {
			t.Errorf("search %q found %d (%d listed), want %d", tt.query, page.Total, len(page.Ideas), tt.want)
		}
	}
}

func TestIdeasFilterSortAndPage(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	byField, err := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, ActionFieldID: fields[4].ID, Page: 1, PerPage: 20})
	if err != nil {
		t.Fatal(err)
	}
	if byField.Total != 3 {
		t.Errorf("ideas in field 5 = %d, want 3", byField.Total)
	}
	for _, idea := range byField.Ideas {
		if idea.ActionFieldID != fields[4].ID {
			t.Errorf("idea %d of field %d in list of field %d", idea.ID, idea.ActionFieldID, fields[4].ID)
		}
	}
	top, err := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Sort: domain.SortSupport, Page: 1, PerPage: 5})
	if err != nil {
		t.Fatal(err)
	}
	if top.Ideas[0].Title != "Backhaus wieder beleben: ein Backtag für Jung und Alt" || top.Ideas[0].SupportCount != 12 {
		t.Errorf("most supported = %q (%d)", top.Ideas[0].Title, top.Ideas[0].SupportCount)
	}
	for i := 1; i < len(top.Ideas); i++ {
		if top.Ideas[i].SupportCount > top.Ideas[i-1].SupportCount {
			t.Errorf("not sorted by support at %d", i)
		}
	}
	page3, err := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Page: 3, PerPage: 5})
	if err != nil {
		t.Fatal(err)
	}
	if page3.TotalPages != 3 || len(page3.Ideas) != 4 {
		t.Errorf("page 3 of 14 ideas by 5: %d pages, %d ideas", page3.TotalPages, len(page3.Ideas))
	}
	empty, _ := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Page: 99, PerPage: 5})
	if len(empty.Ideas) != 0 {
		t.Errorf("page 99 lists %d ideas", len(empty.Ideas))
	}
}

func TestSecretIsStable(t *testing.T) {
	s := testutil.Store(t)
	ctx := context.Background()
	a, err := s.Secret(ctx, "x")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Secret(ctx, "x")
	c, _ := s.Secret(ctx, "y")
	if string(a) != string(b) || len(a) != 32 || string(a) == string(c) {
		t.Errorf("secrets: a=%x b=%x c=%x", a, b, c)
	}
}

// TestEveryWriteRaisesTheDataVersion: kept pages trust the data version
// (web/kept.go), so every write must replace it, concurrent ones included
// (on PostgreSQL each waits for the row), and a refused one need not.
func TestEveryWriteRaisesTheDataVersion(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	version := func() int64 {
		t.Helper()
		n, err := s.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := version()
	idea, _, err := s.CreateIdea(ctx, p.ID, domain.IdeaDraft{ActionFieldID: fields[0].ID, Title: "Versioniert", PrivacyAccepted: true}, "author", "v")
	if err != nil {
		t.Fatal(err)
	}
	afterIdea := version()
	if afterIdea == before {
		t.Fatalf("an idea left the data version at %d", afterIdea)
	}
	// EnsureActionField is one of the single statements that used to
	// bypass the transaction helper.
	if err := s.EnsureActionField(ctx, domain.ActionField{ProcessID: p.ID, Position: 99, Title: "Neu", Colour: "#123456"}); err != nil {
		t.Fatal(err)
	}
	afterField := version()
	if afterField == afterIdea {
		t.Fatal("a new action field left the data version alone")
	}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.SetSupport(ctx, p.ID, idea.ID, fmt.Sprintf("device-%d", i), true); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	afterSupports := version()
	if afterSupports == afterField {
		t.Error("20 concurrent supports left the data version alone")
	}
	if _, err := s.SetSupport(ctx, p.ID, 999999, "device-x", true); err == nil {
		t.Fatal("support of a missing idea was accepted")
	}
	if got := version(); got != afterSupports {
		t.Errorf("a refused write changed the data version to %d", got)
	}
}
