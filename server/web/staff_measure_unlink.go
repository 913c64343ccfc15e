package web

import "github.com/gin-gonic/gin"

// measureUnlink removes a contribution from a measure of the draft.
func (h *Handler) measureUnlink(c *gin.Context) {
	cc, m, v, ok := h.loadMeasure(c)
	if !ok {
		return
	}
	err := h.App.UnlinkContribution(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, m, postedID(c, "contribution"))
	h.measureSaved(c, cc, v, m, err, h.path("measureEdit", cc, m.ID)+"?gespeichert=1")
}
