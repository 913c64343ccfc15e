package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
)

// heartbeat keeps proxies from closing idle streams and refreshes presence.
const heartbeat = 15 * time.Second

// workshopStream is the Server-Sent-Events stream of a workshop for phones
// and walls (?gruppe= limits it to one group; 0 or none: all). A phone that
// reconnects sends Last-Event-ID and gets what it missed, or "reload" when
// the gap cannot be filled.
func (h *Handler) workshopStream(c *gin.Context) {
	// A hall full of phones reconnecting at once needs the workshop only to
	// learn its id: the cache spares the database the stampede.
	wc, ok := h.loadLiveWorkshopFrom(c, true)
	if !ok {
		return
	}
	group, _ := strconv.ParseInt(c.Query("gruppe"), 10, 64)
	if _, found := wc.Group(group); group != 0 && !found {
		h.fail(c, domain.ErrNotFound)
		return
	}
	// Only a phone joined to the group counts as present in it (the
	// console's "verbunden"); a wall or a stranger only listens.
	present := int64(0)
	if p, joined := h.participantOf(c, wc); joined && p.GroupID == group {
		present = group
	}
	h.serveEvents(c, wc.Workshop.ID, group, present, false)
}

// serveEvents streams a workshop's events (of one group, 0: all) to a
// screen; present is the group the screen counts as present in (0: none);
// full sends hidden tallies too (the console).
func (h *Handler) serveEvents(c *gin.Context, workshopID, group, present int64, full bool) {
	if isHead(c.Request) {
		// The headers of what a GET would stream, without joining it.
		c.Header("Content-Type", "text/event-stream")
		c.Header("Cache-Control", "no-store")
		c.Status(http.StatusOK)
		return
	}
	client := h.clientKey(c)
	if !h.streams.acquire(client) {
		h.fail(c, domain.RateLimited(30*time.Second))
		return
	}
	defer h.streams.release(client)
	ctx := c.Request.Context()
	last := c.GetHeader("Last-Event-ID")
	if last == "" {
		last = c.Query("last")
	}
	sub := h.App.Subscribe(workshopID)
	defer h.App.Unsubscribe(workshopID, sub)

	connection := make([]byte, 8)
	_, _ = rand.Read(connection)
	conn := hex.EncodeToString(connection)
	if present > 0 {
		h.App.Present(ctx, workshopID, present, conn)
		defer h.App.Gone(workshopID, present, conn)
	}

	s := startEventStream(c.Writer, group, full)
	if live.ValidStreamID(last) && !h.replay(ctx, s, workshopID, last) {
		return
	}
	fmt.Fprintf(s.w, ": connected\n\n")
	if s.rc.Flush() != nil {
		return
	}

	ticker := time.NewTicker(heartbeat)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-sub.Closed:
			return // too slow: the phone reconnects and replays
		case batch := <-sub.Events:
			if !s.writeBatches(batch, sub.Events) {
				return
			}
		case <-ticker.C:
			if present > 0 {
				h.App.Present(ctx, workshopID, present, conn)
			}
			if _, err := fmt.Fprintf(s.w, ": ping\n\n"); err != nil || s.rc.Flush() != nil {
				return
			}
		}
	}
}

// replay sends what a reconnecting screen missed after last, or "reload"
// when that cannot be known (a gap, an ID the stream never had, Redis
// away); from there on it gets every event. False: the screen is gone.
func (h *Handler) replay(ctx context.Context, s *eventStream, workshopID int64, last string) bool {
	events, err := h.App.Replay(ctx, workshopID, last)
	if err != nil {
		if !errors.Is(err, live.ErrReplayGap) {
			h.Log.Warn("unable to replay workshop events", "error", err)
		}
		fmt.Fprint(s.w, "event: "+live.EventReload+"\ndata: {}\n\n")
		return true
	}
	s.sent = last
	for i := range events {
		if !s.write(&events[i]) {
			return false
		}
	}
	return true
}

// eventStream is one screen's Server-Sent-Events response.
type eventStream struct {
	w     http.ResponseWriter
	rc    *http.ResponseController
	group int64  // 0: every group's events
	full  bool   // staff: tallies even while hidden
	sent  string // the last event ID sent
}

func startEventStream(w http.ResponseWriter, group int64, full bool) *eventStream {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives any write timeout
	return &eventStream{w: w, rc: rc, group: group, full: full}
}

// maxBatchesPerFlush bounds how much one flush carries when a screen has
// fallen behind: the rest follows in the next round of the loop.
const maxBatchesPerFlush = 8

// writeBatches sends a batch and whatever else is already waiting, then
// flushes once: one write to the network per screen per tick, however many
// events the tick held. False when the screen is gone.
func (s *eventStream) writeBatches(batch []live.Event, more <-chan []live.Event) bool {
	for n := 0; ; n++ {
		for i := range batch {
			if !s.write(&batch[i]) {
				return false
			}
		}
		if n == maxBatchesPerFlush {
			break
		}
		select {
		case batch = <-more:
			continue
		default:
		}
		break
	}
	return s.rc.Flush() == nil
}

// write buffers an event unless the replay sent it already or it belongs
// to another group; false when the screen is gone. The caller flushes.
func (s *eventStream) write(e *live.Event) bool {
	if s.sent != "" && !live.StreamIDLess(s.sent, e.ID) {
		return true
	}
	if s.group > 0 && e.Group > 0 && e.Group != s.group {
		s.sent = e.ID
		return true
	}
	if _, err := s.w.Write(e.Wire(s.full)); err != nil {
		return false
	}
	s.sent = e.ID
	return true
}
