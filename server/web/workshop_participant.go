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
	IdeaForm    string // once closed: the process's idea form, for a card that came too late
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
	group, _ := wc.Group(p.GroupID)
	view, err := h.App.Phone(c.Request.Context(), wc, p)
	if err != nil {
		h.fail(c, err)
		return
	}
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	page := participantPage{
		workshopContext: wc, Participant: p, Group: group, Cards: view.Cards, MyDots: view.MyDots,
		Remaining: view.Remaining, CardKey: hex.EncodeToString(key),
		Notice: c.Query("ok"), ErrorKey: errorKey, Text: text,
	}
	if wc.Workshop.State == domain.WorkshopClosed {
		// A card that came too late can still become an idea.
		if m, process, err := h.App.ProcessSlugs(c.Request.Context(), wc.Workshop.ProcessID); err == nil {
			page.IdeaForm = h.path("ideaNew", m, process)
		}
	}
	h.render(c, status, "workshop_participant", page)
}
