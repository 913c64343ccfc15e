package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
)

// workshopCardCreate stores a card. The phone sends an idempotency key with
// every card, so a card queued offline and sent twice is stored once. The
// answer is JSON for workshop.js and a redirect for plain forms; either way
// only after the card is committed.
func (h *Handler) workshopCardCreate(c *gin.Context) {
	wc, p, ok := h.participantPost(c, false)
	if !ok {
		return
	}
	text := domain.NormalizeCardText(c.Request.PostForm.Get("text"))
	key := c.Request.PostForm.Get("key")
	errorKey := domain.ValidateCardText(text)
	if errorKey == "" && !domain.ValidCardKey(key) {
		errorKey = "workshop.error.card_key"
	}
	if errorKey != "" {
		if wantsJSON(c.Request) {
			h.fail(c, domain.Errorf(domain.CodeInvalid, errorKey))
			return
		}
		h.renderParticipant(c, http.StatusUnprocessableEntity, errorKey, text)
		return
	}
	if d := h.Live.AllowPer(c.Request.Context(), "card:"+strconv.FormatInt(p.ID, 10), live.Limit{Events: h.Config.CardRateLimit, Per: time.Minute}); !d.Allowed {
		h.rateLimited(c, d.RetryAfter)
		return
	}
	card, created, err := h.Store.CreateCard(c.Request.Context(), p, text, "w:"+key)
	if err != nil {
		h.fail(c, err)
		return
	}
	if created {
		h.publish(c, wc.Workshop.ID, live.EventCard, card.GroupID, cardEvent(card, wc.Workshop.TalliesVisible))
	}
	if wantsJSON(c.Request) {
		c.JSON(http.StatusOK, cardEvent(card, wc.Workshop.TalliesVisible))
		return
	}
	c.Redirect(http.StatusSeeOther, "/w/"+wc.Workshop.Code()+"/gruppe?ok=karte")
}

// cardEvent is a card as screens receive it; its dot total only while
// tallies are visible (a resent card would otherwise reveal it).
func cardEvent(card domain.Card, talliesVisible bool) live.CardEvent {
	e := live.CardEvent{ID: card.ID, Group: card.GroupID, Phase: card.Phase, Text: card.Text, Author: card.Author, Cluster: card.ClusterID}
	if talliesVisible {
		e.Total = &card.DotTotal
	}
	return e
}
