package app

import (
	"slices"
	"sync"
	"testing"
)

func TestTalliesCoalesce(t *testing.T) {
	tallies := newTallies()
	if !tallies.Mark(5, 1) {
		t.Fatal("the first change did not open a window")
	}
	for i := 0; i < 3; i++ {
		if tallies.Mark(5, 1) {
			t.Fatal("a second window was opened inside one window")
		}
	}
	tallies.Mark(5, 2)
	if !tallies.Mark(7, 1) {
		t.Error("another workshop shares the window")
	}
	cards := tallies.Take(5)
	slices.Sort(cards)
	if !slices.Equal(cards, []int64{1, 2}) {
		t.Fatalf("took %v, want each changed card once", cards)
	}
	if !tallies.Mark(5, 1) {
		t.Error("no new window after the flush")
	}
	if empty := tallies.Take(6); len(empty) != 0 {
		t.Errorf("flush of an idle workshop: %v", empty)
	}
}

// TestTalliesLoseNoCardUnderRace marks from many goroutines while others
// take: every marked card is taken exactly by some window, and exactly one
// marker opens each window.
func TestTalliesLoseNoCardUnderRace(t *testing.T) {
	tallies := newTallies()
	var mu sync.Mutex
	seen := map[int64]bool{}
	var wg sync.WaitGroup
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				card := int64(g*100 + i)
				if tallies.Mark(1, card) {
					taken := tallies.Take(1)
					mu.Lock()
					for _, id := range taken {
						seen[id] = true
					}
					mu.Unlock()
				}
			}
		}(g)
	}
	wg.Wait()
	for _, id := range tallies.Take(1) {
		seen[id] = true
	}
	if len(seen) != 50*20 {
		t.Errorf("%d of %d cards reached a window", len(seen), 50*20)
	}
}
