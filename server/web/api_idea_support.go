package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiIdeaSupport adds (PUT) or withdraws (DELETE) the device's support.
func (h *Handler) apiIdeaSupport(c *gin.Context) {
	pc, id, ok := h.loadIdeaRoute(c)
	if !ok {
		return
	}
	on := c.Request.Method == http.MethodPut
	count, err := h.changeSupport(c, pc, id, on)
	if err != nil {
		return
	}
	c.JSON(http.StatusOK, apiSupport{Supported: on, SupportCount: count})
}
