package web

import (
	"github.com/gin-gonic/gin"
)

// staffFahrplanCreate adds an entry to the Fahrplan (date optional).
func (h *Handler) staffFahrplanCreate(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok || !h.parseForm(c) {
		return
	}
	err := h.App.AddMilestone(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, milestoneDraftOf(c))
	h.fahrplanDone(c, cc, err)
}
