package live

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// Dot tallies are coalesced: instead of one event per dot, the cards whose
// totals changed wait in a set (marked after each commit) for at most one
// window, and a single "tally"
// event carries their totals, read from the database when the window
// closes — so the latest committed total always wins, however the requests
// raced. 200 phones then get ten tally events a second instead of one per
// dot. Cards are never coalesced.

// queueTallyScript adds a changed card and says whether the caller must
// schedule the flush (nobody has yet). KEYS: card set, flush token.
var queueTallyScript = redis.NewScript(`
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], 3600)
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', 5000) then return 1 end
return 0
`)

// flushTallyScript takes the changed cards and releases the token in one
// step, so a card changed a moment later schedules the next flush.
var flushTallyScript = redis.NewScript(`
local all = redis.call('SMEMBERS', KEYS[1])
redis.call('DEL', KEYS[1], KEYS[2])
return all
`)

func (l *Live) tallyKeys(workshopID int64) []string {
	tag := "{workshop:" + strconv.FormatInt(workshopID, 10) + "}"
	return []string{l.Key(tag + ":tally"), l.Key(tag + ":tally-flush")}
}

// QueueTally notes that a committed change altered the card's total; true
// means this caller opened the window and must call FlushTallies when it
// ends. Marking only after the commit guarantees that the flush, which
// reads the totals from the database, sees every change it announces.
func (l *Live) QueueTally(ctx context.Context, workshopID, cardID int64) (bool, error) {
	n, err := queueTallyScript.Run(ctx, l.Client, l.tallyKeys(workshopID), strconv.FormatInt(cardID, 10)).Int()
	if err != nil {
		return false, fmt.Errorf("live: unable to queue tally: %w", err)
	}
	return n == 1, nil
}

// FlushTallies returns the cards changed since the last flush and clears
// them.
func (l *Live) FlushTallies(ctx context.Context, workshopID int64) ([]int64, error) {
	raw, err := flushTallyScript.Run(ctx, l.Client, l.tallyKeys(workshopID)).StringSlice()
	if err != nil {
		return nil, fmt.Errorf("live: unable to flush tallies: %w", err)
	}
	ids := make([]int64, 0, len(raw))
	for _, s := range raw {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids, nil
}
