package live

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// subscriberBuffer bounds how far a phone may fall behind; a stalled
// client is dropped and reconnects with Last-Event-ID instead of slowing
// everyone else down. It holds pointers (8 bytes each, 2 KB per idle
// connection) and is larger than two reads of the stream (readBatch), so a
// client that keeps up is never dropped by a burst.
const (
	subscriberBuffer = 256
	readBatch        = 100
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

// Subscriber receives a workshop's events until Closed is closed.
type Subscriber struct {
	Events chan *Event
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
	s := &Subscriber{Events: make(chan *Event, subscriberBuffer), Closed: make(chan struct{})}
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
	for ctx.Err() == nil {
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
			if len(events) > 0 {
				lastID = events[len(events)-1].ID
			}
			h.dispatch(workshopID, events)
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
	send:
		for i := range events {
			select {
			case s.Events <- &events[i]:
			default:
				// Too slow: drop it; it reconnects and replays.
				s.close()
				delete(f.subscribers, s)
				break send
			}
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
