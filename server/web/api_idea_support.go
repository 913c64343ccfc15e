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
	count, err := h.App.SetSupport(c.Request.Context(), pc.ProcessScope, id, on, h.citizen(c, true))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, apiSupport{Supported: on, SupportCount: count})
}
