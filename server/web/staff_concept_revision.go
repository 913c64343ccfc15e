package web

import "github.com/gin-gonic/gin"

// conceptRevision starts a Fortschreibung of the adopted concept: a new draft that copies it.
func (h *Handler) conceptRevision(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	err := h.App.StartRevision(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope)
	h.conceptSaved(c, cc, err)
}
