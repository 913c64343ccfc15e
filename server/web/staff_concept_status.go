package web

import "github.com/gin-gonic/gin"

// conceptStatus moves a version one step in the workflow, or back to the
// draft.
func (h *Handler) conceptStatus(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	err := h.App.MoveConcept(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, postedID(c, "version"), c.Request.PostForm.Get("to"))
	h.conceptSaved(c, cc, err)
}
