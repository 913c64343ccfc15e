package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"zukunftswerk/server/checktemplate"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// TestConcurrentCheckSavesNeverLoseAWrite: 20 people save the same item of
// a round at once from the same form: exactly one save wins, the other 19
// are told of the conflict (none overwrites silently). Then four people
// change four different fields from the same version at once: all four
// are kept, merged. On both engines (TEST_DATABASE=postgres).
func TestConcurrentCheckSavesNeverLoseAWrite(t *testing.T) {
	s, p, _ := seeded(t)
	ctx := context.Background()
	in, err := checktemplate.Standard()
	if err != nil {
		t.Fatal(err)
	}
	templateID, err := s.EnsureCheckTemplate(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	round, err := s.CreateCheckRound(ctx, store.Actor{Name: "Test"}, p.MunicipalityID,
		domain.CheckRound{ProcessID: p.ID, TemplateID: templateID, Title: "Gleichzeitig", HeldOn: time.Date(2014, 3, 17, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	items, err := s.CheckItems(ctx, templateID, p.MunicipalityID)
	if err != nil || len(items) < 2 {
		t.Fatalf("items: %v %v", items, err)
	}
	item := items[len(items)-1].ID // not one the demo answered

	var mu sync.Mutex
	saves, conflicts := 0, 0
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := s.SaveCheckAnswer(ctx, store.CheckSave{RoundID: round.ID, ItemID: item,
				Mine: domain.CheckValues{Note: fmt.Sprintf("Person %d", i)}, By: fmt.Sprintf("Person %d", i)})
			var conflict *domain.CheckConflict
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				saves++
			case errors.As(err, &conflict):
				conflicts++
				if conflict.Current.Version == 0 || len(conflict.Fields) != 1 || conflict.Fields[0] != "note" {
					t.Errorf("a conflict shows %+v", conflict)
				}
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	answers, err := s.CheckAnswers(ctx, round.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored := answers[item]
	if saves != 1 || conflicts != 19 || stored.Version != 1 || stored.Note != stored.UpdatedBy {
		t.Fatalf("20 saves of one field from one version: %d saved, %d conflicts, stored %+v; want 1, 19, version 1 by its writer",
			saves, conflicts, stored)
	}

	// Four fields, four people, one version: merged, nothing lost.
	changes := []domain.CheckValues{{Status: domain.CheckMissing}, {Need: domain.NeedUrgent}, {Owner: "Bauamt"}, {Note: "Neu"}}
	base := stored.CheckValues
	merged := 0
	for i, change := range changes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := base
			switch i {
			case 0:
				mine.Status = change.Status
			case 1:
				mine.Need = change.Need
			case 2:
				mine.Owner = change.Owner
			case 3:
				mine.Note = change.Note
			}
			_, wasMerged, err := s.SaveCheckAnswer(ctx, store.CheckSave{RoundID: round.ID, ItemID: item, Base: base, BaseVersion: stored.Version, Mine: mine, By: "Vier"})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Errorf("change %d: %v", i, err)
			}
			if wasMerged {
				merged++
			}
		}()
	}
	wg.Wait()
	answers, _ = s.CheckAnswers(ctx, round.ID)
	got := answers[item]
	want := domain.CheckValues{Status: domain.CheckMissing, Need: domain.NeedUrgent, Owner: "Bauamt", Note: "Neu"}
	if got.CheckValues != want || got.Version != stored.Version+4 || merged != 3 {
		t.Errorf("four changes of four fields: stored %+v (version %d, %d merged), want %+v, version %d, 3 merged",
			got.CheckValues, got.Version, merged, want, stored.Version+4)
	}

	// An item of another municipality's own is not in the round.
	if _, _, err := s.SaveCheckAnswer(ctx, store.CheckSave{RoundID: round.ID, ItemID: 999999}); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("an item the round does not ask: %v, want not found", err)
	}
}
