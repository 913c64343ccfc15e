package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiIdeaShow returns one idea.
func (h *Handler) apiIdeaShow(c *gin.Context) {
	pc, id, ok := h.loadIdeaRoute(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	device := h.deviceHash(c, false)
	idea, err := h.Store.IdeaForViewer(ctx, pc.Process.ID, id, device)
	if err != nil {
		h.fail(c, err)
		return
	}
	supported, err := h.Store.SupportedBy(ctx, device, []int64{idea.ID})
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, h.toAPIIdea(pc, idea, supported[idea.ID]))
}
