package web

import (
	"net/http"

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
	text, key := c.Request.PostForm.Get("text"), c.Request.PostForm.Get("key")
	card, _, err := h.App.CreateCard(c.Request.Context(), wc, p, h.clientKey(c), text, key)
	if err != nil {
		// A plain form gets its page back with the text: to fix it, or,
		// when the workshop closed meanwhile, to copy it.
		if code := domain.ErrorCode(err); (code == domain.CodeInvalid || code == domain.CodeConflict) && !wantsJSON(c.Request) {
			h.renderParticipant(c, statusFor(code), domain.ErrorMessageKey(err), domain.NormalizeCardText(text))
			return
		}
		h.fail(c, err)
		return
	}
	if wantsJSON(c.Request) {
		c.JSON(http.StatusOK, live.NewCardEvent(card, wc.Workshop.TalliesVisible))
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("workshopParticipant", wc.Workshop.Code())+"?ok=karte")
}
