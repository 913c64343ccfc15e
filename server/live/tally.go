package live

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// Dot tallies are coalesced: instead of one event per dot, the latest total
// of each changed card waits in a hash for at most one window, and a single
// "tally" event carries all of them. 200 phones then get ten tally events a
// second instead of one per dot. Cards are never coalesced.

// queueTallyScript records a card's total and says whether the caller must
// schedule the flush (nobody has yet). KEYS: tally hash, flush token.
var queueTallyScript = redis.NewScript(`
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], 3600)
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', 5000) then return 1 end
return 0
`)

// flushTallyScript takes all waiting totals and releases the token in one
// step, so a total recorded a moment later schedules the next flush.
var flushTallyScript = redis.NewScript(`
local all = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1], KEYS[2])
return all
`)

func (l *Live) tallyKeys(workshopID int64) []string {
	tag := "{workshop:" + strconv.FormatInt(workshopID, 10) + "}"
	return []string{l.Key(tag + ":tally"), l.Key(tag + ":tally-flush")}
}

// QueueTally records the card's new total; true means this caller must
// call FlushTallies after the coalescing window.
func (l *Live) QueueTally(ctx context.Context, workshopID, cardID int64, total int) (bool, error) {
	n, err := queueTallyScript.Run(ctx, l.Client, l.tallyKeys(workshopID), strconv.FormatInt(cardID, 10), total).Int()
	if err != nil {
		return false, fmt.Errorf("live: unable to queue tally: %w", err)
	}
	return n == 1, nil
}

// FlushTallies returns the waiting totals (card id → total) and clears them.
func (l *Live) FlushTallies(ctx context.Context, workshopID int64) (map[string]int, error) {
	raw, err := flushTallyScript.Run(ctx, l.Client, l.tallyKeys(workshopID)).StringSlice()
	if err != nil {
		return nil, fmt.Errorf("live: unable to flush tallies: %w", err)
	}
	out := make(map[string]int, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		n, _ := strconv.Atoi(raw[i+1])
		out[raw[i]] = n
	}
	return out, nil
}
