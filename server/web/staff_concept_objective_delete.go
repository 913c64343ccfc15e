package web

import "github.com/gin-gonic/gin"

// conceptObjectiveDelete removes an objective without measures from the
// draft.
func (h *Handler) conceptObjectiveDelete(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	err := h.App.DeleteObjective(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, postedID(c, "version"), postedID(c, "objective"))
	h.conceptSaved(c, cc, err)
}
