package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// healthz answers as long as the process serves HTTP.
func (h *Handler) healthz(c *gin.Context) {
	c.String(http.StatusOK, "ok\n")
}
