package live

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// Dot tallies are coalesced: instead of one event per dot, the cards whose
// totals changed wait in a set (marked by dotScript in the same round trip
// that reserves the dot) for at most one window, and a single "tally"
// event carries their totals, read from the database when the window
// closes — so the latest committed total always wins, however the requests
// raced. 200 phones then get ten tally events a second instead of one per
// dot. Cards are never coalesced.

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
