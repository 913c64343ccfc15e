package web

import "github.com/gin-gonic/gin"

// conceptCreate creates the first draft of the concept.
func (h *Handler) conceptCreate(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	_, err := h.App.ConceptDraft(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope)
	h.conceptSaved(c, cc, err)
}
