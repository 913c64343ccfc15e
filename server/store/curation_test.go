package store_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

var curator = store.Actor{Name: "Projektgruppe"}

func newIdea(t *testing.T, s *store.Store, p domain.Process, field domain.ActionField, title, email string) domain.Contribution {
	t.Helper()
	d := domain.IdeaDraft{ActionFieldID: field.ID, Title: title, PrivacyAccepted: true, NotifyEmail: email}.Normalize()
	idea, _, err := s.CreateIdea(context.Background(), p.ID, d, "author-"+title, "key-"+title)
	if err != nil {
		t.Fatal(err)
	}
	return idea
}

func support(t *testing.T, s *store.Store, p domain.Process, idea domain.Contribution, devices ...string) {
	t.Helper()
	for _, d := range devices {
		if _, err := s.SetSupport(context.Background(), p.ID, idea.ID, d, true); err != nil {
			t.Fatal(err)
		}
	}
}

func contribution(t *testing.T, s *store.Store, p domain.Process, id int64) domain.Contribution {
	t.Helper()
	c, err := s.Contribution(context.Background(), p.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Merging counts each device once, hides the duplicates from every list,
// redirects their supports, and can be undone exactly.
func TestMergeCountsEachDeviceOnceAndUndoes(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	main := newIdea(t, s, p, fields[2], "Backtag im Backhaus", "")
	dup1 := newIdea(t, s, p, fields[2], "Backhaus nutzen", "ada@example.org")
	dup2 := newIdea(t, s, p, fields[2], "Brot backen im Ort", "")
	support(t, s, p, main, "A")
	support(t, s, p, dup1, "A", "B")
	support(t, s, p, dup2, "C")

	if err := s.Merge(ctx, curator, p.MunicipalityID, p.ID, main.ID, []int64{dup1.ID, dup2.ID}); err != nil {
		t.Fatal(err)
	}
	if got := contribution(t, s, p, main.ID); got.SupportCount != 3 {
		t.Errorf("survivor counts %d supports, want 3 (devices A, B, C once each)", got.SupportCount)
	}
	merged := contribution(t, s, p, dup1.ID)
	if merged.Status != domain.StatusMerged || merged.MergedIntoID == nil || *merged.MergedIntoID != main.ID {
		t.Errorf("duplicate after merge: status %q, merged into %v", merged.Status, merged.MergedIntoID)
	}
	list, _ := s.Ideas(ctx, domain.IdeaQuery{ProcessID: p.ID, Search: "backhaus", Page: 1, PerPage: 50})
	for _, idea := range list.Ideas {
		if idea.ID == dup1.ID || idea.ID == dup2.ID {
			t.Errorf("merged idea %d still listed", idea.ID)
		}
	}
	if _, err := s.SetSupport(ctx, p.ID, dup1.ID, "D", true); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("support of a merged idea: %v, want not found", err)
	}
	// A device that supported a duplicate supports the survivor: no double count.
	if n, err := s.SetSupport(ctx, p.ID, main.ID, "B", true); err != nil || n != 3 {
		t.Errorf("support by B on the survivor: %d %v, want still 3", n, err)
	}
	absorbed, _ := s.MergedInto(ctx, main.ID)
	if len(absorbed) != 2 {
		t.Errorf("survivor lists %d merged contributions, want 2", len(absorbed))
	}
	// Merging again or merging into a merged one is refused.
	if err := s.Merge(ctx, curator, p.MunicipalityID, p.ID, main.ID, []int64{dup1.ID}); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("second merge: %v, want conflict", err)
	}
	if err := s.Merge(ctx, curator, p.MunicipalityID, p.ID, dup1.ID, []int64{dup2.ID}); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("merge into a merged one: %v, want conflict", err)
	}

	if err := s.Unmerge(ctx, curator, p.MunicipalityID, p.ID, dup2.ID); err != nil {
		t.Fatal(err)
	}
	if got := contribution(t, s, p, main.ID); got.SupportCount != 2 {
		t.Errorf("survivor after undo counts %d, want 2 (A, B)", got.SupportCount)
	}
	back := contribution(t, s, p, dup2.ID)
	if back.Status != domain.StatusSubmitted || back.MergedIntoID != nil || back.SupportCount != 1 {
		t.Errorf("after undo: status %q, merged into %v, supports %d", back.Status, back.MergedIntoID, back.SupportCount)
	}
	// Every status change is recorded; only the one with an address is to be sent.
	notes, _ := s.Notifications(ctx, dup1.ID)
	if len(notes) != 1 || notes[0].Delivery != store.DeliveryPending || notes[0].Status != domain.StatusMerged {
		t.Errorf("notifications of the idea with an address: %+v", notes)
	}
	notes, _ = s.Notifications(ctx, dup2.ID)
	if len(notes) != 2 || notes[0].Delivery != store.DeliveryNoAddress {
		t.Errorf("notifications of the idea without an address: %+v", notes)
	}
}

// Many duplicates merged into one survivor at once: every merge lands, the
// count is exact; the same duplicate merged twice at once lands once.
func TestConcurrentMerges(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	main := newIdea(t, s, p, fields[0], "Haupt", "")
	support(t, s, p, main, "shared")
	var dups []domain.Contribution
	for i := 0; i < 20; i++ {
		d := newIdea(t, s, p, fields[0], fmt.Sprintf("Dublette %d", i), "")
		support(t, s, p, d, "shared", fmt.Sprintf("own-%d", i))
		dups = append(dups, d)
	}
	var wg sync.WaitGroup
	for _, d := range dups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Merge(ctx, curator, p.MunicipalityID, p.ID, main.ID, []int64{d.ID}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := contribution(t, s, p, main.ID); got.SupportCount != 21 {
		t.Errorf("survivor counts %d, want 21 (shared once, 20 own)", got.SupportCount)
	}

	other := newIdea(t, s, p, fields[0], "Noch eine", "")
	target := newIdea(t, s, p, fields[0], "Ziel", "")
	var ok atomic.Int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.Merge(ctx, curator, p.MunicipalityID, p.ID, target.ID, []int64{other.ID})
			switch {
			case err == nil:
				ok.Add(1)
			case domain.ErrorCode(err) != domain.CodeConflict:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 1 {
		t.Errorf("%d of 10 identical merges succeeded, want 1", ok.Load())
	}
}

// A contribution of another process cannot be curated through this one.
func TestCurationStaysInItsProcess(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	mine := newIdea(t, s, p, fields[0], "Meine", "")
	foreign, err := s.EnsureProcess(ctx, domain.Process{MunicipalityID: p.MunicipalityID, Slug: "anderes", Title: "Anderes", Status: "active"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureActionField(ctx, domain.ActionField{ProcessID: foreign.ID, Position: 1, Title: "Feld"}); err != nil {
		t.Fatal(err)
	}
	foreignFields, _ := s.ActionFields(ctx, foreign.ID)
	theirs := newIdea(t, s, foreign, foreignFields[0], "Fremde", "")
	if err := s.Merge(ctx, curator, p.MunicipalityID, p.ID, mine.ID, []int64{theirs.ID}); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("merging a foreign idea: %v, want not found", err)
	}
	if err := s.Decide(ctx, curator, p.MunicipalityID, p.ID, []int64{theirs.ID}, domain.Decision{Status: domain.StatusDeclined, Answer: "x"}); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("deciding a foreign idea: %v, want not found", err)
	}
	if got := contribution(t, s, foreign, theirs.ID); got.Status != domain.StatusSubmitted {
		t.Errorf("foreign idea changed to %q", got.Status)
	}
}

// "Taken into the concept" needs a measure; a decline carries its answer.
func TestDecisions(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	idea := newIdea(t, s, p, fields[1], "Spielplatz", "")
	err := s.Decide(ctx, curator, p.MunicipalityID, p.ID, []int64{idea.ID}, domain.Decision{Status: domain.StatusTaken})
	if domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("taken without a measure: %v, want conflict", err)
	}
	d := domain.Decision{Status: domain.StatusDeclined, Answer: "Dafür ist der Landkreis zuständig."}
	if err := s.Decide(ctx, curator, p.MunicipalityID, p.ID, []int64{idea.ID}, d); err != nil {
		t.Fatal(err)
	}
	got := contribution(t, s, p, idea.ID)
	if got.Status != domain.StatusDeclined || got.Answer != d.Answer || got.DecidedAt == nil {
		t.Errorf("after decline: %q %q %v", got.Status, got.Answer, got.DecidedAt)
	}
	if key := (domain.Decision{Status: domain.StatusDeclined}).Validate(); key != "curation.error.answer_missing" {
		t.Errorf("decline without a reason validates as %q", key)
	}
	if key := (domain.Decision{Status: "gelöscht", Answer: "x"}).Validate(); key == "" {
		t.Error("an unknown decision validates")
	}
}
