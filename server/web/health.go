package web

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// healthz answers as long as the process serves HTTP.
func (h *Handler) healthz(c *gin.Context) {
	c.String(http.StatusOK, "ok\n")
}

// readyz answers 200 when the database and Redis both answer, 503 with the
// failing part otherwise (without connection details).
func (h *Handler) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if part, err := h.App.Ready(ctx); err != nil {
		h.Log.Warn("not ready: "+part, "error", err)
		c.String(http.StatusServiceUnavailable, part+" unavailable\n")
		return
	}
	c.String(http.StatusOK, "ready\n")
}
