package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
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
	text := strings.TrimSpace(strings.ReplaceAll(c.Request.PostForm.Get("text"), "\r\n", "\n"))
	key := c.Request.PostForm.Get("key")
	errorKey := ""
	switch {
	case !utf8.ValidString(text) || strings.ContainsRune(text, 0):
		errorKey = "error.invalid_characters"
	case text == "":
		errorKey = "workshop.error.card_empty"
	case utf8.RuneCountInString(text) > domain.MaxCardText:
		errorKey = "workshop.error.card_long"
	case len(key) < 16 || len(key) > 64 || !utf8.ValidString(key):
		errorKey = "workshop.error.card_key"
	}
	if errorKey != "" {
		if wantsJSON(c) {
			h.fail(c, domain.Errorf(domain.CodeInvalid, errorKey))
			return
		}
		h.renderParticipant(c, http.StatusUnprocessableEntity, errorKey, text)
		return
	}
	card, created, err := h.Store.CreateCard(c.Request.Context(), p, text, "w:"+key)
	if err != nil {
		h.fail(c, err)
		return
	}
	if created {
		h.publish(c, wc.Workshop.ID, "card", card.GroupID, cardEvent(card))
	}
	if wantsJSON(c) {
		c.JSON(http.StatusOK, cardEvent(card))
		return
	}
	c.Redirect(http.StatusSeeOther, "/w/"+wc.Workshop.Code()+"/gruppe?ok=karte")
}

func cardEvent(card domain.Card) gin.H {
	return gin.H{"id": card.ID, "group": card.GroupID, "phase": card.Phase, "text": card.Text, "author": card.Author,
		"total": card.DotTotal, "cluster": card.ClusterID}
}

// wantsJSON tells requests from workshop.js (Accept: application/json)
// from plain form posts.
func wantsJSON(c *gin.Context) bool {
	return strings.Contains(c.GetHeader("Accept"), "application/json")
}
