package web

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

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
