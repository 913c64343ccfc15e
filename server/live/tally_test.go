package live_test

import (
	"context"
	"testing"

	"zukunftswerk/server/live"
)

func TestTalliesCoalesce(t *testing.T) {
	forEachRedis(t, func(t *testing.T, l *live.Live) {
		ctx := context.Background()
		first, err := l.QueueTally(ctx, 5, 1, 1)
		if err != nil || !first {
			t.Fatalf("first tally: %v %v, want to schedule the flush", first, err)
		}
		for total := 2; total <= 4; total++ {
			if again, _ := l.QueueTally(ctx, 5, 1, total); again {
				t.Fatal("a second flush was scheduled inside one window")
			}
		}
		l.QueueTally(ctx, 5, 2, 7)
		cards, err := l.FlushTallies(ctx, 5)
		if err != nil || len(cards) != 2 || cards["1"] != 4 || cards["2"] != 7 {
			t.Fatalf("flushed %v %v, want the latest total of each card", cards, err)
		}
		// After a flush the next total opens a new window.
		if next, _ := l.QueueTally(ctx, 5, 1, 5); !next {
			t.Error("no new window after the flush")
		}
		if empty, _ := l.FlushTallies(ctx, 6); len(empty) != 0 {
			t.Errorf("flush of an idle workshop: %v", empty)
		}
	})
}
