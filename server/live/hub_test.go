package live_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"zukunftswerk/server/live"
	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/testutil"
)

// A phone that stops reading is dropped; the others keep getting events.
func TestHubDropsStalledSubscribers(t *testing.T) {
	l := newLive(t, testutil.Redis(t), nil)
	hub := live.NewHub(l)
	ctx := context.Background()
	stalled := hub.Subscribe(7, "$")
	reader := hub.Subscribe(7, "$")
	defer hub.Unsubscribe(7, stalled)
	defer hub.Unsubscribe(7, reader)
	time.Sleep(200 * time.Millisecond) // the feed starts reading

	// The reader keeps up the way a phone does: it may lag by a burst but
	// not by the whole buffer. The publisher waits for it after every burst
	// (a loaded CI machine may starve the reading goroutine for a moment;
	// what matters is that the stalled subscriber never slows it down).
	var got atomic.Int32
	received := make(chan int)
	go func() {
		timeout := time.After(20 * time.Second)
		for got.Load() < 1200 {
			select {
			case batch := <-reader.Events:
				got.Add(int32(len(batch)))
			case <-timeout:
				received <- int(got.Load())
				return
			}
		}
		received <- int(got.Load())
	}()
	for i := 0; i < 1200; i++ {
		if _, err := l.Publish(ctx, 7, "card", 0, map[string]int{"n": i}); err != nil {
			t.Fatal(err)
		}
		if (i+1)%25 == 0 {
			// A pause longer than the fan-out tick: the next events leave
			// as a batch of their own, and the stalled subscriber's
			// buffer of batches fills.
			time.Sleep(30 * time.Millisecond)
		}
		if (i+1)%100 == 0 {
			deadline := time.Now().Add(5 * time.Second)
			for int(got.Load()) < i+1-100 && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
		}
	}
	if n := <-received; n != 1200 {
		t.Errorf("the reading subscriber got %d of 1200 events", n)
	}
	select {
	case <-stalled.Closed:
	case <-time.After(5 * time.Second):
		t.Error("the stalled subscriber was not dropped")
	}
	if hub.Connections() != 1 {
		t.Errorf("connections = %d, want 1 after dropping the stalled one", hub.Connections())
	}
}

func TestReplayAndGap(t *testing.T) {
	testutil.ForEachRedis(t, func(t *testing.T, conn *redisconn.Conn) {
		l := newLive(t, conn, nil)
		ctx := context.Background()
		first, _ := l.Publish(ctx, 9, "a", 0, 1)
		second, _ := l.Publish(ctx, 9, "b", 0, 2)
		third, _ := l.Publish(ctx, 9, "c", 0, 3)
		events, err := l.Replay(ctx, 9, first)
		if err != nil || len(events) != 2 || events[0].ID != second || events[1].ID != third {
			t.Fatalf("replay after the first: %+v %v", events, err)
		}
		if _, err := l.Replay(ctx, 10, first); err != live.ErrReplayGap {
			t.Errorf("replay of a missing stream: %v, want a gap", err)
		}
		if _, err := l.Replay(ctx, 9, "1-0"); err != live.ErrReplayGap {
			t.Errorf("replay from before the stream: %v, want a gap", err)
		}
		// More than 500 events missed: the screen reloads instead of one
		// small request costing the whole stream.
		start, _ := l.Publish(ctx, 11, "a", 0, 0)
		for i := 0; i < 500; i++ {
			if _, err := l.Publish(ctx, 11, "a", 0, i); err != nil {
				t.Fatal(err)
			}
		}
		if events, err := l.Replay(ctx, 11, start); err != nil || len(events) != 500 {
			t.Errorf("replay of 500 events: %d %v", len(events), err)
		}
		l.Publish(ctx, 11, "a", 0, 501)
		if _, err := l.Replay(ctx, 11, start); err != live.ErrReplayGap {
			t.Errorf("replay of 501 events: %v, want a reload", err)
		}
	})
}

// newLive is the workshops' live state on conn; load stands in for the
// database (nil: no committed dots).
func newLive(t *testing.T, conn *redisconn.Conn, load live.BudgetLoader) *live.Live {
	if load == nil {
		load = func(context.Context, int64, int) (map[int64]int, error) { return map[int64]int{}, nil }
	}
	l := live.New(conn, testutil.Logger(t), load)
	t.Cleanup(l.Close)
	return l
}
