package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type loginPage struct {
	Email    string
	Next     string
	ErrorKey string
	Welcome  bool // just came from accepting an invitation or a reset link
}

// staffLoginForm shows the login form.
func (h *Handler) staffLoginForm(c *gin.Context) {
	h.render(c, http.StatusOK, "staff_login", loginPage{Next: h.safeNext(c.Query("weiter")), Welcome: c.Query("willkommen") == "1"})
}
