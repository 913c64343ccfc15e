package web

import "github.com/gin-gonic/gin"

// measureLink links a contribution, by its number, to a measure of the
// draft.
func (h *Handler) measureLink(c *gin.Context) {
	cc, m, v, ok := h.loadMeasure(c)
	if !ok {
		return
	}
	err := h.App.LinkContribution(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, m, postedID(c, "contribution"))
	h.measureSaved(c, cc, v, m, err, h.path("measureEdit", cc, m.ID)+"?gespeichert=1")
}
