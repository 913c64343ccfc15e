package live_test

import (
	"context"
	"slices"
	"testing"

	"zukunftswerk/server/live"
)

func TestTalliesCoalesce(t *testing.T) {
	forEachRedis(t, func(t *testing.T, l *live.Live) {
		ctx := context.Background()
		first, err := l.QueueTally(ctx, 5, 1)
		if err != nil || !first {
			t.Fatalf("first tally: %v %v, want to open the window", first, err)
		}
		for i := 0; i < 3; i++ {
			if again, _ := l.QueueTally(ctx, 5, 1); again {
				t.Fatal("a second window was opened inside one window")
			}
		}
		l.QueueTally(ctx, 5, 2)
		cards, err := l.FlushTallies(ctx, 5)
		slices.Sort(cards)
		if err != nil || !slices.Equal(cards, []int64{1, 2}) {
			t.Fatalf("flushed %v %v, want each changed card once", cards, err)
		}
		// After a flush the next change opens a new window.
		if next, _ := l.QueueTally(ctx, 5, 1); !next {
			t.Error("no new window after the flush")
		}
		if empty, _ := l.FlushTallies(ctx, 6); len(empty) != 0 {
			t.Errorf("flush of an idle workshop: %v", empty)
		}
	})
}
