package app

import (
	"sync"
)

// Dot tallies are coalesced: instead of one event per dot, the cards whose
// totals changed wait in a set (marked after each commit) for at most one
// window, and a single "tally" event carries their totals, read from the
// database when the window closes — so the latest committed total always
// wins, however the requests raced. 200 phones then get ten tally events a
// second instead of one per dot. Cards are never coalesced.
//
// The set lives in the instance that committed the change, not in Redis:
// every instance announces its own changes, and as the totals come from the
// database, two instances announcing the same card in one window send the
// same number. Keeping it in-process saves a Redis round trip per dot.

// tallies is the set of changed cards per workshop of one instance.
type tallies struct {
	mu      sync.Mutex
	changed map[int64]map[int64]struct{}
}

// newTallies returns an empty set.
func newTallies() *tallies {
	return &tallies{changed: map[int64]map[int64]struct{}{}}
}

// Mark notes that a committed change altered the card's total; true means
// this caller opened the window and must call Take when it ends. Marking
// only after the commit guarantees that the flush, which reads the totals
// from the database, sees every change it announces.
func (t *tallies) Mark(workshopID, cardID int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	cards, open := t.changed[workshopID]
	if !open {
		cards = map[int64]struct{}{}
		t.changed[workshopID] = cards
	}
	cards[cardID] = struct{}{}
	return !open
}

// Take returns the cards changed since the window opened and closes it, so
// a card changed a moment later opens the next window.
func (t *tallies) Take(workshopID int64) []int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	cards := t.changed[workshopID]
	delete(t.changed, workshopID)
	ids := make([]int64, 0, len(cards))
	for id := range cards {
		ids = append(ids, id)
	}
	return ids
}
