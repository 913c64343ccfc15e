package web

import (
	"github.com/gin-gonic/gin"
)

// staffMilestoneCreate appends a Fahrplan entry (date optional) from the
// process settings.
func (h *Handler) staffMilestoneCreate(c *gin.Context) {
	cc, ok := h.staffProcessPost(c)
	if !ok {
		return
	}
	err := h.App.AddMilestone(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, milestoneDraftOf(c))
	h.processAdminDone(c, cc, err)
}
