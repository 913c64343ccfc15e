package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// staffLogin checks email and password and starts a fresh session (see
// app.LogIn); a refusal shows the form again with the address typed.
func (h *Handler) staffLogin(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	page := loginPage{Email: form.Get("email"), Next: h.safeNext(form.Get("weiter"))}
	previous := ""
	if old, err := c.Request.Cookie(h.sessionCookieName()); err == nil {
		previous = old.Value
	}
	token, err := h.App.LogIn(c.Request.Context(), form.Get("email"), form.Get("password"), h.clientKey(c), previous)
	if status, key, ok := formRefusal(c, err); ok {
		page.ErrorKey = key
		h.render(c, status, "staff_login", page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	h.keepSessionCookie(c, token)
	c.Redirect(http.StatusSeeOther, page.Next)
}
