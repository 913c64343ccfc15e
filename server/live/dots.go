package live

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// dotScript checks and changes a participant's dots in one phase atomically:
// the budget and the per-card maximum hold however many requests arrive at
// once. KEYS[1] is a hash with the field "total" and one field per card.
// It answers -1 when the hash is not loaded (Redis restarted), 0 when the
// change is refused and 1 when it was applied.
var dotScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local card = ARGV[1]
local delta = tonumber(ARGV[2])
local budget = tonumber(ARGV[3])
local maxPerCard = tonumber(ARGV[4])
local total = tonumber(redis.call('HGET', KEYS[1], 'total') or '0')
local onCard = tonumber(redis.call('HGET', KEYS[1], card) or '0')
if delta > 0 and (total >= budget or onCard >= maxPerCard) then return 0 end
if delta < 0 and onCard <= 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'total', delta)
redis.call('HINCRBY', KEYS[1], card, delta)
redis.call('EXPIRE', KEYS[1], 172800)
return 1
`)

// loadScript fills the hash from the database unless another request did
// so first (the database holds every committed dot).
var loadScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'total', ARGV[1])
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i+1]) end
redis.call('EXPIRE', KEYS[1], 172800)
return 1
`)

func (l *Live) dotsKey(workshopID, participantID int64, phase int) string {
	return l.conn.Key(fmt.Sprintf("{workshop:%d}:dots:%d:%d", workshopID, participantID, phase))
}

// ReserveDot applies delta (+1/-1) to the participant's dots on a card if
// budget and maximum allow. When Redis lost the participant's budget, it is
// rebuilt with the loader given to New (the committed dots in the database).
func (l *Live) ReserveDot(ctx context.Context, workshopID, participantID int64, phase int, cardID int64, delta, budget, maxPerCard int) (bool, error) {
	key := l.dotsKey(workshopID, participantID, phase)
	args := []any{strconv.FormatInt(cardID, 10), delta, budget, maxPerCard}
	for attempt := 0; attempt < 2; attempt++ {
		res, err := l.dots.check(ctx, key, args)
		if err != nil {
			return false, fmt.Errorf("live: dot budget check failed: %w", err)
		}
		if res >= 0 {
			return res == 1, nil
		}
		dots, err := l.loadBudget(ctx, participantID, phase)
		if err != nil {
			return false, err
		}
		total := 0
		loadArgs := []any{0}
		for card, n := range dots {
			total += n
			loadArgs = append(loadArgs, strconv.FormatInt(card, 10), n)
		}
		loadArgs[0] = total
		if err := loadScript.Run(ctx, l.conn.Client, []string{key}, loadArgs...).Err(); err != nil {
			return false, fmt.Errorf("live: unable to rebuild dot budget: %w", err)
		}
	}
	return false, fmt.Errorf("live: dot budget could not be loaded")
}

// releaseScript gives a reservation back, if the budget is still there:
// on a budget Redis lost meanwhile it would create one with a negative
// total (and no expiry), an extra dot for the participant. A missing
// budget is rebuilt from the database on the next dot.
var releaseScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'total', ARGV[2])
redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
return 1
`)

// ReleaseDot undoes a reservation whose database write failed.
func (l *Live) ReleaseDot(ctx context.Context, workshopID, participantID int64, phase int, cardID int64, delta int) {
	key := l.dotsKey(workshopID, participantID, phase)
	if err := releaseScript.Run(ctx, l.conn.Client, []string{key}, strconv.FormatInt(cardID, 10), -delta).Err(); err != nil {
		l.log.Warn("unable to release dot reservation; deleting the budget cache", "error", err)
		l.conn.Client.Del(ctx, key)
	}
}

// ResetDotBudgets forgets the cached budgets of a workshop; they are rebuilt
// from the database on the next dot. A server calls it when it starts: a
// reservation of a killed server that never reached the database must not
// keep a participant's dot locked. The database check makes this safe even
// while other instances are placing dots.
func (l *Live) ResetDotBudgets(ctx context.Context, workshopID int64) error {
	pattern := l.conn.Key(fmt.Sprintf("{workshop:%d}:dots:*", workshopID))
	del := func(ctx context.Context, c *redis.Client) error {
		iter := c.Scan(ctx, 0, pattern, 1000).Iterator()
		for iter.Next(ctx) {
			if err := c.Del(ctx, iter.Val()).Err(); err != nil {
				return err
			}
		}
		return iter.Err()
	}
	switch c := l.conn.Client.(type) {
	case *redis.ClusterClient:
		return c.ForEachMaster(ctx, del)
	case *redis.Client:
		return del(ctx, c)
	}
	return fmt.Errorf("live: no way to reset the dot budgets of a %T", l.conn.Client)
}
