package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// paperPage is the fast entry of paper cards: group and phase chosen once,
// then one card after another, Enter saves and clears the field.
type paperPage struct {
	Municipality domain.Municipality
	workshopContext
	Entry    app.PaperEntry
	Chosen   bool   // group and phase are chosen
	Key      string // idempotency key of the next card
	Text     string // a refused card's text, to fix it
	Saved    bool   // a card was just saved (the first of Entry.Cards)
	ErrorKey string
}

// staffPaperCards shows the entry: first the choice of group and phase
// (?gruppe=&phase=), then the card field.
func (h *Handler) staffPaperCards(c *gin.Context) {
	groupID, _ := strconv.ParseInt(c.Query("gruppe"), 10, 64)
	phase, _ := strconv.Atoi(c.Query("phase"))
	h.renderPaperCards(c, http.StatusOK, groupID, phase, "", "")
}

func (h *Handler) renderPaperCards(c *gin.Context, status int, groupID int64, phase int, text, errorKey string) {
	board, ok := h.staffWorkshopBoard(c, false)
	if !ok {
		return
	}
	page := paperPage{Municipality: municipalityOf(c), workshopContext: board.LiveWorkshop, Text: text, ErrorKey: errorKey,
		Saved: c.Query("gespeichert") == "1", Key: newEntryKey()}
	if groupID > 0 && phase > 0 {
		entry, err := h.App.PaperEntryOf(c.Request.Context(), board.Workshop, groupID, phase)
		if err != nil {
			h.fail(c, err)
			return
		}
		page.Entry, page.Chosen = entry, true
	}
	h.render(c, status, "staff_paper_cards", page)
}

// staffPaperCardCreate saves one paper card and brings the helper back to
// the empty field for the next.
func (h *Handler) staffPaperCardCreate(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	f := c.Request.PostForm
	groupID, _ := strconv.ParseInt(f.Get("gruppe"), 10, 64)
	phase, _ := strconv.Atoi(f.Get("phase"))
	_, err := h.App.CreatePaperCard(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, w, groupID, phase, f.Get("text"), f.Get("key"))
	if code := domain.ErrorCode(err); code == domain.CodeInvalid || code == domain.CodeConflict {
		h.renderPaperCards(c, statusFor(code), groupID, phase, f.Get("text"), domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	// Back to the empty field, with group and phase kept.
	q := url.Values{"gruppe": {f.Get("gruppe")}, "phase": {f.Get("phase")}, "gespeichert": {"1"}}
	c.Redirect(http.StatusSeeOther, h.path("staffPaperCards", municipalityOf(c).Slug, w.ID)+"?"+q.Encode()+"#text")
}

// newEntryKey is a fresh idempotency key for the next card of a form.
func newEntryKey() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
