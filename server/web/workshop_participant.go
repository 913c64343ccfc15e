package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type participantPage struct {
	workshopContext
	Participant domain.Participant
	Group       domain.Group
	Cards       []domain.Card
	MyDots      map[int64]int
	Remaining   int
	CardKey     string // idempotency key of the next card
	Notice      string
	ErrorKey    string
	Text        string
}

// workshopParticipant is a participant's phone page: phase and prompt, the
// group's cards, the card form and the dots. It works without JavaScript;
// workshop.js adds live updates and the offline queue.
func (h *Handler) workshopParticipant(c *gin.Context) {
	h.renderParticipant(c, http.StatusOK, "", "")
}

func (h *Handler) renderParticipant(c *gin.Context, status int, errorKey, text string) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	p, joined := h.participantOf(c, wc)
	if !joined {
		c.Redirect(http.StatusSeeOther, h.path("workshopJoinForm", wc.Workshop.Code()))
		return
	}
	ctx := c.Request.Context()
	group, _ := wc.Group(p.GroupID)
	cards, err := h.Store.Cards(ctx, wc.Workshop.ID, p.GroupID, wc.Workshop.CurrentPhase, false)
	if err != nil {
		h.fail(c, err)
		return
	}
	dots, err := h.Store.ParticipantDots(ctx, p.ID, wc.Workshop.CurrentPhase)
	if err != nil {
		h.fail(c, err)
		return
	}
	spent := 0
	for _, n := range dots {
		spent += n
	}
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	h.render(c, status, "workshop_participant", participantPage{
		workshopContext: wc, Participant: p, Group: group, Cards: cards, MyDots: dots,
		Remaining: wc.Workshop.DotBudget - spent, CardKey: hex.EncodeToString(key),
		Notice: c.Query("ok"), ErrorKey: errorKey, Text: text,
	})
}
