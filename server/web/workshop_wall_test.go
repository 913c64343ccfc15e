package web

import (
	"testing"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// TestRankingSharesPlacesOnTies: equal dots, equal place; cards without
// dots are not ranked; each card names its group for the overview.
func TestRankingSharesPlacesOnTies(t *testing.T) {
	wc := app.LiveWorkshop{Groups: []domain.Group{{ID: 1, Title: "Jung & Alt"}, {ID: 2, Title: "Wohnen"}}}
	cards := []domain.Card{{ID: 1, GroupID: 1, DotTotal: 3}, {ID: 2, GroupID: 2, DotTotal: 5}, {ID: 3, GroupID: 2, DotTotal: 3},
		{ID: 4, GroupID: 1, DotTotal: 0}, {ID: 5, GroupID: 1, DotTotal: 1}}
	got := ranking(cards, wc)
	want := []struct {
		id    int64
		rank  int
		group string
	}{{2, 1, "Wohnen"}, {1, 2, "Jung & Alt"}, {3, 2, "Wohnen"}, {5, 4, "Jung & Alt"}}
	if len(got) != len(want) {
		t.Fatalf("ranking of %d cards, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].ID != w.id || got[i].Rank != w.rank || got[i].Group != w.group {
			t.Errorf("place %d: card %d rank %d group %q; want card %d rank %d group %q", i, got[i].ID, got[i].Rank, got[i].Group, w.id, w.rank, w.group)
		}
	}
}
