package live_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/testutil"
)

func TestReserveDotHoldsTheBudgetUnderConcurrency(t *testing.T) {
	testutil.ForEachRedis(t, func(t *testing.T, conn *redisconn.Conn) {
		ctx := context.Background()
		var accepted atomic.Int32
		var loads atomic.Int32
		// The database: participant 7 has no committed dots, participant 8
		// has two on card 1 and two on card 2.
		l := newLive(t, conn, func(_ context.Context, participant int64, _ int) (map[int64]int, error) {
			if participant == 8 {
				return map[int64]int{1: 2, 2: 2}, nil
			}
			loads.Add(1)
			return map[int64]int{}, nil
		})
		var wg sync.WaitGroup
		for i := 0; i < 200; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := l.ReserveDot(ctx, 42, 7, 1, int64(i%3+1), 1, 5, 2)
				if err != nil {
					t.Error(err)
				}
				if ok {
					accepted.Add(1)
				}
			}()
		}
		wg.Wait()
		if accepted.Load() != 5 {
			t.Fatalf("200 concurrent reservations with a budget of 5 accepted %d", accepted.Load())
		}
		// Taking back frees exactly one dot.
		if ok, _ := l.ReserveDot(ctx, 42, 7, 1, 1, -1, 5, 2); !ok {
			t.Error("taking back a placed dot was refused")
		}
		if ok, _ := l.ReserveDot(ctx, 42, 7, 1, 1, 1, 5, 2); !ok {
			t.Error("the freed dot could not be placed again")
		}
		if ok, _ := l.ReserveDot(ctx, 42, 7, 1, 1, 1, 5, 2); ok {
			t.Error("a sixth dot was accepted")
		}
		// A released reservation (failed database write) gives the dot back.
		l.ReleaseDot(ctx, 42, 7, 1, 1, 1)
		if ok, _ := l.ReserveDot(ctx, 42, 7, 1, 1, 1, 5, 2); !ok {
			t.Error("a released reservation did not give the dot back")
		}
		if loads.Load() < 1 {
			t.Error("the budget was never loaded from the database")
		}
		// Lost state is rebuilt from what load returns (the database).
		conn.Client.Del(ctx, conn.Key("{workshop:42}:dots:8:1"))
		if ok, _ := l.ReserveDot(ctx, 42, 8, 1, 3, 1, 5, 2); !ok {
			t.Error("the fifth dot after a rebuild was refused")
		}
		if ok, _ := l.ReserveDot(ctx, 42, 8, 1, 3, 1, 5, 2); ok {
			t.Error("a sixth dot was accepted after a rebuild")
		}
	})
}

// TestLuaDotRuleIsTheDomainRule runs the Redis script (through ReserveDot)
// against domain.DotAllowed for every small state: budget, maximum per
// card, dots spent, dots on the card, place or take back. The two must
// never disagree, or Redis would refuse what the database allows (or the
// other way round).
func TestLuaDotRuleIsTheDomainRule(t *testing.T) {
	const card, other = 7, 8
	// The database of each case: participant → committed dots per card.
	committed := map[int64]map[int64]int{}
	l := newLive(t, testutil.Redis(t), func(_ context.Context, participant int64, _ int) (map[int64]int, error) {
		return committed[participant], nil
	})
	ctx := context.Background()
	participant, cases := int64(0), 0
	for budget := 1; budget <= 4; budget++ {
		for maxPerCard := 1; maxPerCard <= budget; maxPerCard++ {
			for spent := 0; spent <= budget; spent++ {
				for onCard := 0; onCard <= min(spent, maxPerCard); onCard++ {
					for _, delta := range []int{1, -1} {
						participant++
						cases++
						committed[participant] = map[int64]int{card: onCard, other: spent - onCard}
						got, err := l.ReserveDot(ctx, 1, participant, 1, card, delta, budget, maxPerCard)
						if err != nil {
							t.Fatal(err)
						}
						if want := domain.DotAllowed(delta, spent, onCard, budget, maxPerCard); got != want {
							t.Errorf("budget %d, max %d, spent %d, on card %d, delta %+d: Lua %v, Go %v",
								budget, maxPerCard, spent, onCard, delta, got, want)
						}
					}
				}
			}
		}
	}
	t.Logf("%d states compared", cases)
}

// A reservation given back after Redis lost the budget creates no budget
// of its own: the next dot rebuilds it from the database.
func TestReleaseDotOnALostBudgetLeavesNothing(t *testing.T) {
	conn := testutil.Redis(t)
	l := newLive(t, conn, func(context.Context, int64, int) (map[int64]int, error) { return map[int64]int{1: 1}, nil })
	ctx := context.Background()
	key := conn.Key("{workshop:3}:dots:4:1")
	if ok, err := l.ReserveDot(ctx, 3, 4, 1, 2, 1, 2, 2); err != nil || !ok {
		t.Fatalf("reserve: %v %v", ok, err)
	}
	conn.Client.Del(ctx, key) // Redis restarted
	l.ReleaseDot(ctx, 3, 4, 1, 2, 1)
	if n, _ := conn.Client.Exists(ctx, key).Result(); n != 0 {
		fields, _ := conn.Client.HGetAll(ctx, key).Result()
		t.Fatalf("the release created a budget: %v", fields)
	}
	// Rebuilt from the database (one dot on card 1): one more fits, then none.
	if ok, _ := l.ReserveDot(ctx, 3, 4, 1, 2, 1, 2, 2); !ok {
		t.Error("the second dot after the rebuild was refused")
	}
	if ok, _ := l.ReserveDot(ctx, 3, 4, 1, 2, 1, 2, 2); ok {
		t.Error("a third dot was accepted with a budget of two")
	}
}
