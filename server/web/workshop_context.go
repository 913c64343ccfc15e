package web

import (
	"context"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
	"zukunftswerk/server/store"
)

// workshopContext is a workshop with its phases and groups, as every live
// page needs it.
type workshopContext struct {
	Workshop domain.Workshop
	Phases   []domain.Phase
	Groups   []domain.Group
}

// Phase returns the current phase.
func (wc workshopContext) Phase() domain.Phase {
	for _, p := range wc.Phases {
		if p.Position == wc.Workshop.CurrentPhase {
			return p
		}
	}
	return domain.Phase{}
}

// Group returns the group with the id.
func (wc workshopContext) Group(id int64) (domain.Group, bool) {
	for _, g := range wc.Groups {
		if g.ID == id {
			return g, true
		}
	}
	return domain.Group{}, false
}

// TimerLeftSeconds is the time left on the timer.
func (wc workshopContext) TimerLeftSeconds() int {
	return int(wc.Workshop.TimerRemaining(time.Now()).Seconds())
}

func (h *Handler) loadWorkshopParts(c *gin.Context, w domain.Workshop) (workshopContext, bool) {
	ctx := c.Request.Context()
	phases, err := h.Store.Phases(ctx, w.ID)
	if err != nil {
		h.fail(c, err)
		return workshopContext{}, false
	}
	groups, err := h.Store.Groups(ctx, w.ID)
	if err != nil {
		h.fail(c, err)
		return workshopContext{}, false
	}
	return workshopContext{Workshop: w, Phases: phases, Groups: groups}, true
}

// loadLiveWorkshop resolves :code for participants and walls. Pages read
// the database; the taps of a live workshop (cards, dots) may use the
// cache (see workshopCache).
func (h *Handler) loadLiveWorkshop(c *gin.Context) (workshopContext, bool) {
	return h.loadLiveWorkshopFrom(c, false)
}

func (h *Handler) loadLiveWorkshopCached(c *gin.Context) (workshopContext, bool) {
	return h.loadLiveWorkshopFrom(c, true)
}

func (h *Handler) loadLiveWorkshopFrom(c *gin.Context, cached bool) (workshopContext, bool) {
	code := domain.NormalizeJoinCode(c.Param("code"))
	now := time.Now()
	if cached {
		if wc, ok := h.cache.workshop(code, now); ok {
			return wc, true
		}
	}
	w, err := h.Store.WorkshopByCode(c.Request.Context(), code)
	if err != nil {
		h.fail(c, domain.Errorf(domain.CodeNotFound, "workshop.error.code"))
		return workshopContext{}, false
	}
	wc, ok := h.loadWorkshopParts(c, w)
	if ok {
		h.cache.putWorkshop(code, wc, now)
	}
	return wc, ok
}

// participantOf finds the device's participant; without one the phone is
// sent to the join page.
func (h *Handler) participantOf(c *gin.Context, wc workshopContext) (domain.Participant, bool) {
	device := h.deviceHash(c, false)
	if device == "" {
		return domain.Participant{}, false
	}
	now := time.Now()
	if p, ok := h.cache.participant(wc.Workshop.ID, device, now); ok {
		return p, true
	}
	p, err := h.Store.ParticipantByDevice(c.Request.Context(), wc.Workshop.ID, device)
	if err != nil {
		return p, false
	}
	h.cache.putParticipant(wc.Workshop.ID, device, p, now)
	return p, true
}

// participantPost resolves the workshop and the phone's participant and
// reads the posted form (the taps of a live workshop; cached lookups when
// asked, see workshopCache).
func (h *Handler) participantPost(c *gin.Context, cached bool) (workshopContext, domain.Participant, bool) {
	wc, ok := h.loadLiveWorkshopFrom(c, cached)
	if !ok {
		return wc, domain.Participant{}, false
	}
	p, joined := h.participantOf(c, wc)
	if !joined {
		h.fail(c, domain.Errorf(domain.CodeForbidden, "workshop.error.not_joined"))
		return wc, p, false
	}
	return wc, p, h.parseForm(c)
}

// changeDot places or takes back a dot: first the atomic budget check in
// Redis, then the database (which checks again and is the truth), then the
// event. A failed database write gives the reservation back.
func (h *Handler) changeDot(c *gin.Context, wc workshopContext, p domain.Participant, cardID int64, delta int) (store.DotResult, error) {
	ctx := c.Request.Context()
	w := wc.Workshop
	reserved, redisErr := h.Live.ReserveDot(ctx, w.ID, p.ID, w.CurrentPhase, cardID, delta, w.DotBudget, w.MaxDotsPerCard,
		func() (map[int64]int, error) { return h.Store.ParticipantDots(ctx, p.ID, w.CurrentPhase) })
	if redisErr != nil {
		// Redis is gone: the database alone still enforces the budget.
		h.Log.Warn("dot budget check in Redis failed; relying on the database", "error", redisErr)
	} else if !reserved {
		return store.DotResult{}, domain.Errorf(domain.CodeConflict, "workshop.error.dots_refused")
	}
	res, err := h.Store.ChangeDot(ctx, p, cardID, delta)
	if (err != nil || !res.Applied) && reserved {
		h.Live.ReleaseDot(ctx, w.ID, p.ID, w.CurrentPhase, cardID, delta)
	}
	if err != nil {
		return res, err
	}
	if !res.Applied {
		return res, domain.Errorf(domain.CodeConflict, "workshop.error.dots_refused")
	}
	// The change is committed: mark the card for the tally window.
	if h.tallies.Mark(w.ID, cardID) {
		time.AfterFunc(tallyWindow, func() { h.flushTallies(w) })
	}
	return res, nil
}

// tallyWindow is how long dot totals wait to travel together.
const tallyWindow = 100 * time.Millisecond

// flushTallies publishes one "tally" event with the totals, then in the
// database, of the cards changed during the window (see live.Tallies).
func (h *Handler) flushTallies(w domain.Workshop) {
	ids := h.tallies.Take(w.ID)
	if len(ids) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	totals, err := h.Store.CardTotals(ctx, ids)
	if err != nil {
		h.Log.Warn("unable to read tallies", "error", err)
		return
	}
	event := live.TallyEvent{Cards: make(map[string]*int, len(totals)), Visible: w.TalliesVisible}
	for id, n := range totals {
		event.Cards[strconv.FormatInt(id, 10)] = &n
	}
	if _, err := h.Live.Publish(ctx, w.ID, live.EventTally, 0, event); err != nil {
		h.Log.Warn("unable to publish tallies", "error", err)
	}
}

// publish sends an event to every screen; a failure is logged, never fatal:
// the database has the change and screens catch up on reload.
func (h *Handler) publish(c *gin.Context, workshopID int64, typ string, group int64, data any) {
	if _, err := h.Live.Publish(c.Request.Context(), workshopID, typ, group, data); err != nil {
		h.Log.Warn("unable to publish workshop event", "type", typ, "error", err)
	}
}

func nowUTC() time.Time { return time.Now().UTC() }
