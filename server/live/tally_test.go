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
		none := func() (map[int64]int, error) { return map[int64]int{}, nil }
		first, err := l.ReserveDot(ctx, 5, 1, 1, 1, 1, 10, 10, none)
		if err != nil || !first.Reserved || !first.Flush {
			t.Fatalf("first dot: %+v %v, want it reserved and the tally window opened", first, err)
		}
		for i := 0; i < 3; i++ {
			if r, _ := l.ReserveDot(ctx, 5, 2, 1, 1, 1, 10, 10, none); r.Flush {
				t.Fatal("a second tally window was opened inside one window")
			}
		}
		l.ReserveDot(ctx, 5, 1, 1, 2, 1, 10, 10, none)
		cards, err := l.FlushTallies(ctx, 5)
		slices.Sort(cards)
		if err != nil || !slices.Equal(cards, []int64{1, 2}) {
			t.Fatalf("flushed %v %v, want each changed card once", cards, err)
		}
		// After a flush the next dot opens a new window; a refused one does not.
		if next, _ := l.ReserveDot(ctx, 5, 1, 1, 1, 1, 10, 10, none); !next.Flush {
			t.Error("no new window after the flush")
		}
		l.FlushTallies(ctx, 5)
		if refused, _ := l.ReserveDot(ctx, 5, 3, 1, 1, -1, 10, 10, none); refused.Reserved || refused.Flush {
			t.Errorf("taking back a dot that was never given: %+v", refused)
		}
		if empty, _ := l.FlushTallies(ctx, 5); len(empty) != 0 {
			t.Errorf("a refused dot marked a tally: %v", empty)
		}
	})
}
