package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// staffWorkshopDetails changes a workshop's title, place, guiding question
// and days until it is closed.
func (h *Handler) staffWorkshopDetails(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	f := c.Request.PostForm
	m := municipalityOf(c)
	details := app.WorkshopDetails{Title: f.Get("title"), Place: f.Get("place"), Question: f.Get("question"), Days: dayRowsOf(f)}
	err := h.App.UpdateWorkshopDetails(c.Request.Context(), staffOf(c).Actor(), m.ID, w, details)
	if code := domain.ErrorCode(err); code == domain.CodeInvalid || code == domain.CodeConflict {
		// The form again, open and with what was typed.
		h.renderConsoleWith(c, statusFor(code), domain.ErrorMessageKey(err), &details)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshopConsole", m.Slug, w.ID)+"?gespeichert=1")
}
