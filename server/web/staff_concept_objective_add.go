package web

import (
	"github.com/gin-gonic/gin"
)

// conceptObjectiveAdd adds an objective to an action field of the draft.
func (h *Handler) conceptObjectiveAdd(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	err := h.App.AddObjective(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, objectiveFromForm(c))
	h.conceptSaved(c, cc, err)
}
