package web

import (
	"github.com/gin-gonic/gin"
)

// staffFahrplanDelete removes an entry of the Fahrplan (action "delete").
func (h *Handler) staffFahrplanDelete(c *gin.Context) {
	cc, id, ok := h.fahrplanEntryOf(c)
	if !ok {
		return
	}
	err := h.App.DeleteMilestone(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, id)
	h.fahrplanDone(c, cc, err)
}
