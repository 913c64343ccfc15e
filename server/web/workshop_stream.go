package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

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
	h.serveEvents(c, wc.Workshop.ID, group, false)
}

// staffWorkshopStream is the moderator console's stream: all groups, and
// tallies even while they are hidden from participants.
func (h *Handler) staffWorkshopStream(c *gin.Context) {
	w, ok := h.staffWorkshop(c)
	if !ok {
		return
	}
	h.serveEvents(c, w.ID, 0, true)
}

func (h *Handler) serveEvents(c *gin.Context, workshopID, group int64, full bool) {
	if isHead(c.Request) {
		// The headers of what a GET would stream, without joining it.
		c.Header("Content-Type", "text/event-stream")
		c.Header("Cache-Control", "no-store")
		c.Status(http.StatusOK)
		return
	}
	ctx := c.Request.Context()
	last := c.GetHeader("Last-Event-ID")
	if last == "" {
		last = c.Query("last")
	}
	sub := h.App.Hub.Subscribe(workshopID, "$")
	defer h.App.Hub.Unsubscribe(workshopID, sub)

	connection := make([]byte, 8)
	_, _ = rand.Read(connection)
	conn := hex.EncodeToString(connection)
	if group > 0 {
		h.App.Live.Present(ctx, workshopID, group, conn)
		defer h.App.Live.Gone(ctx, workshopID, group, conn)
	}

	w := c.Writer
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives any write timeout

	sent := ""
	write := func(e live.Event) bool {
		if sent != "" && !live.StreamIDLess(sent, e.ID) {
			return true // already sent by the replay
		}
		if group > 0 && e.Group > 0 && e.Group != group {
			sent = e.ID
			return true
		}
		data := e.ParticipantData
		if full {
			data = e.Data
		}
		if _, err := fmt.Fprintf(w, "id: %s\nevent: %s\ndata: %s\n\n", e.ID, e.Type, data); err != nil {
			return false
		}
		sent = e.ID
		return rc.Flush() == nil
	}

	if live.ValidStreamID(last) {
		events, err := h.App.Replay(ctx, workshopID, last)
		if err != nil {
			// Gap, an ID the stream never had, or Redis away: the screen
			// reloads its state, and from here on gets every event.
			if !errors.Is(err, live.ErrReplayGap) {
				h.Log.Warn("unable to replay workshop events", "error", err)
			}
			fmt.Fprint(w, "event: "+live.EventReload+"\ndata: {}\n\n")
		} else {
			sent = last
		}
		for _, e := range events {
			if !write(e) {
				return
			}
		}
	}
	fmt.Fprintf(w, ": connected\n\n")
	if rc.Flush() != nil {
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
		case e := <-sub.Events:
			if !write(*e) {
				return
			}
		case <-ticker.C:
			if group > 0 {
				h.App.Live.Present(ctx, workshopID, group, conn)
			}
			if _, err := fmt.Fprintf(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}
