package live

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// subscriberBuffer bounds how many reads of the stream a phone may fall
// behind; a stalled client is dropped and reconnects with Last-Event-ID
// instead of slowing everyone else down. Each slot is one batch of up to
// readBatch events, shared by every subscriber (a slice header, 24 bytes
// per slot of an idle connection). fanOutTick is the shortest time between
// two batches of one workshop: events arriving faster are handed out
// together, so that each phone gets one write and one flush per tick
// however fast the cards come.
const (
	subscriberBuffer = 32
	readBatch        = 200
	fanOutTick       = 30 * time.Millisecond
)

// Hub fans workshop events out to this instance's SSE clients. It reads
// each live workshop's stream once (one blocking XREAD per workshop),
// however many phones are connected here.
type Hub struct {
	live  *Live
	mu    sync.Mutex
	feeds map[int64]*feed
}

type feed struct {
	subscribers map[*Subscriber]struct{}
	stop        context.CancelFunc
}

// Subscriber receives a workshop's events, in batches read together from
// the stream, until Closed is closed. A batch is shared with every other
// subscriber: read it, never change it.
type Subscriber struct {
	Events chan []Event
	Closed chan struct{}
	once   sync.Once
}

func (s *Subscriber) close() { s.once.Do(func() { close(s.Closed) }) }

// NewHub returns a hub reading from l.
func NewHub(l *Live) *Hub {
	return &Hub{live: l, feeds: map[int64]*feed{}}
}

// Subscribe registers a client for events published after fromID ("$" for
// only new ones).
func (h *Hub) Subscribe(workshopID int64, fromID string) *Subscriber {
	s := &Subscriber{Events: make(chan []Event, subscriberBuffer), Closed: make(chan struct{})}
	h.mu.Lock()
	defer h.mu.Unlock()
	f, ok := h.feeds[workshopID]
	if !ok {
		ctx, cancel := context.WithCancel(context.Background())
		f = &feed{subscribers: map[*Subscriber]struct{}{}, stop: cancel}
		h.feeds[workshopID] = f
		go h.read(ctx, workshopID, fromID)
	}
	f.subscribers[s] = struct{}{}
	return s
}

// Unsubscribe removes a client; the last one stops the workshop's reader.
func (h *Hub) Unsubscribe(workshopID int64, s *Subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s.close()
	f, ok := h.feeds[workshopID]
	if !ok {
		return
	}
	delete(f.subscribers, s)
	if len(f.subscribers) == 0 {
		f.stop()
		delete(h.feeds, workshopID)
	}
}

// Connections returns how many SSE clients this instance serves.
func (h *Hub) Connections() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, f := range h.feeds {
		n += len(f.subscribers)
	}
	return n
}

func (h *Hub) read(ctx context.Context, workshopID int64, lastID string) {
	if lastID == "" {
		lastID = "$"
	}
	key := h.live.eventsKey(workshopID)
	var lastDispatch time.Time
	for ctx.Err() == nil {
		// Events that arrive within a tick wait for each other in the
		// stream and leave as one batch.
		if wait := fanOutTick - time.Since(lastDispatch); wait > 0 {
			time.Sleep(wait)
		}
		streams, err := h.live.conn.Client.XRead(ctx, &redis.XReadArgs{Streams: []string{key, lastID}, Block: 2 * time.Second, Count: readBatch}).Result()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			if ctx.Err() == nil {
				h.live.log.Warn("workshop stream read failed; retrying", "error", err)
				time.Sleep(500 * time.Millisecond)
			}
			continue
		}
		for _, s := range streams {
			events := toEvents(s.Messages)
			if len(events) == 0 {
				continue
			}
			lastID = events[len(events)-1].ID
			for i := range events {
				events[i].encode()
			}
			h.dispatch(workshopID, events)
			lastDispatch = time.Now()
		}
	}
}

func (h *Hub) dispatch(workshopID int64, events []Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	f, ok := h.feeds[workshopID]
	if !ok {
		return
	}
	for s := range f.subscribers {
		select {
		case s.Events <- events:
		default:
			// Too slow: drop it; it reconnects and replays.
			s.close()
			delete(f.subscribers, s)
		}
	}
}

// CloseAll drops every subscriber (server shutdown).
func (h *Hub) CloseAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for id, f := range h.feeds {
		for s := range f.subscribers {
			s.close()
		}
		f.stop()
		delete(h.feeds, id)
	}
}
