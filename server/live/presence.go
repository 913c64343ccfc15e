package live

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Presence: each SSE connection refreshes its entry every heartbeat; the
// count per group is how many refreshed within the last 45 seconds.
const presenceWindow = 45 * time.Second

func (l *Live) presenceKey(workshopID, groupID int64) string {
	return l.conn.Key(fmt.Sprintf("{workshop:%d}:online:%d", workshopID, groupID))
}

// Present marks a connection as alive.
func (l *Live) Present(ctx context.Context, workshopID, groupID int64, connection string) {
	key := l.presenceKey(workshopID, groupID)
	now := time.Now()
	l.conn.Client.ZAdd(ctx, key, redis.Z{Score: float64(now.Unix()), Member: connection})
	l.conn.Client.ZRemRangeByScore(ctx, key, "-inf", strconv.FormatInt(now.Add(-presenceWindow).Unix(), 10))
	l.conn.Client.Expire(ctx, key, time.Hour)
}

// Gone removes a connection at once.
func (l *Live) Gone(ctx context.Context, workshopID, groupID int64, connection string) {
	l.conn.Client.ZRem(ctx, l.presenceKey(workshopID, groupID), connection)
}

// Online counts the live connections of a group.
func (l *Live) Online(ctx context.Context, workshopID, groupID int64) int {
	n, err := l.conn.Client.ZCount(ctx, l.presenceKey(workshopID, groupID),
		strconv.FormatInt(time.Now().Add(-presenceWindow).Unix(), 10), "+inf").Result()
	if err != nil {
		return 0
	}
	return int(n)
}
