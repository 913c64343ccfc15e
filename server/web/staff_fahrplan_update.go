package web

import (
	"github.com/gin-gonic/gin"
)

// staffFahrplanUpdate changes an entry of the Fahrplan (action "save").
func (h *Handler) staffFahrplanUpdate(c *gin.Context) {
	cc, id, ok := h.fahrplanEntryOf(c)
	if !ok {
		return
	}
	err := h.App.SaveMilestone(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, id, milestoneDraftOf(c))
	h.fahrplanDone(c, cc, err)
}
