package web

import "github.com/gin-gonic/gin"

// measureDelete removes a measure of the draft and goes back to the
// concept.
func (h *Handler) measureDelete(c *gin.Context) {
	cc, m, v, ok := h.loadMeasure(c)
	if !ok {
		return
	}
	err := h.App.DeleteMeasure(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, m)
	h.measureSaved(c, cc, v, m, err, h.path("conceptEdit", cc)+"?gespeichert=1")
}
