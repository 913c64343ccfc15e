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
	// Only an entry of this process is asked about; any other gets its
	// "not found" from DeleteMilestone.
	entries, err := h.App.Milestones(c.Request.Context(), cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	for _, e := range entries {
		if e.ID == id && !h.confirmed(c, h.path("staffFahrplan", cc), "fahrplan.delete_confirm.title", "fahrplan.delete_confirm.text",
			"fahrplan.delete_button", e.Title) {
			return
		}
	}
	err = h.App.DeleteMilestone(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, id)
	h.fahrplanDone(c, cc, err)
}
