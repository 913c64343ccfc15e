package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// staffLogout ends the session at once.
func (h *Handler) staffLogout(c *gin.Context) {
	h.App.LogOut(c.Request.Context(), staffOf(c).token)
	h.setSessionCookie(c, "", -1)
	c.Redirect(http.StatusSeeOther, h.path("staffLoginForm")+"?abgemeldet=1")
}
