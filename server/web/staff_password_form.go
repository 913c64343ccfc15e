package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type passwordPage struct {
	ErrorKey string
	Changed  bool
}

// staffPasswordForm shows the form to change one's own password.
func (h *Handler) staffPasswordForm(c *gin.Context) {
	h.render(c, http.StatusOK, "staff_password", passwordPage{Changed: c.Query("geaendert") == "1"})
}
