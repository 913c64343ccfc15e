package web

import (
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// workshopContext is a workshop with its phases and groups (app.LiveWorkshop).
type workshopContext = app.LiveWorkshop

// loadLiveWorkshop resolves :code for participants and walls from the
// database; on failure it has answered the request.
func (h *Handler) loadLiveWorkshop(c *gin.Context) (workshopContext, bool) {
	return h.loadLiveWorkshopFrom(c, false)
}

// loadLiveWorkshopFrom is loadLiveWorkshop, from the cache when asked (the
// taps of a live workshop).
func (h *Handler) loadLiveWorkshopFrom(c *gin.Context, cached bool) (workshopContext, bool) {
	wc, err := h.workshopByCode(c, c.Param("code"), cached)
	if err != nil {
		h.fail(c, err)
		return wc, false
	}
	return wc, true
}

// workshopByCode looks a join code up. Codes are guessed one miss at a
// time: a miss counts against the client, and one that misses too often
// gets the rate limit's error instead of "not found".
func (h *Handler) workshopByCode(c *gin.Context, code string, cached bool) (workshopContext, error) {
	wc, err := h.App.WorkshopByCode(c.Request.Context(), code, cached)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		if limited := h.App.UnknownCode(c.Request.Context(), h.clientKey(c)); limited != nil {
			return wc, limited
		}
	}
	return wc, err
}

// participantOf finds the device's participant; without one the phone is
// sent to the join page.
func (h *Handler) participantOf(c *gin.Context, wc workshopContext) (domain.Participant, bool) {
	return h.App.ParticipantOf(c.Request.Context(), wc.Workshop.ID, h.deviceHash(c, false))
}

// participantPost resolves the workshop and the phone's participant and
// reads the posted form (the taps of a live workshop; cached lookups when
// asked, see app.WorkshopByCode).
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

func nowUTC() time.Time { return time.Now().UTC() }
