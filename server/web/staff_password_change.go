package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
)

// staffPasswordChange changes one's own password (see app.ChangePassword):
// every session of the account ends, and this browser gets a fresh one.
func (h *Handler) staffPasswordChange(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	change := app.PasswordChange{Current: form.Get("current"), New: form.Get("new"), Repeat: form.Get("repeat")}
	token, err := h.App.ChangePassword(c.Request.Context(), staffOf(c).StaffMember, change, h.clientKey(c))
	if status, key, ok := formRefusal(c, err); ok {
		h.render(c, status, "staff_password", passwordPage{ErrorKey: key})
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	h.keepSessionCookie(c, token)
	c.Redirect(http.StatusSeeOther, h.path("staffPasswordForm")+"?geaendert=1")
}
