package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// curationDecide decides on the contributions selected on the board, with
// a public answer.
func (h *Handler) curationDecide(c *gin.Context) {
	cc, ids, ok := h.curationSelection(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	d := domain.Decision{Status: form.Get("decision"), Answer: form.Get("answer")}
	err := h.App.DecideContributions(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, ids, d)
	h.curationBulkDone(c, cc, err)
}
