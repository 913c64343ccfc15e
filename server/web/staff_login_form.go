package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type loginPage struct {
	Email    string
	Next     string
	ErrorKey string
}

// staffLoginForm shows the login form.
func (h *Handler) staffLoginForm(c *gin.Context) {
	h.render(c, http.StatusOK, "staff_login", loginPage{Next: h.safeNext(c.Query("weiter"))})
}
