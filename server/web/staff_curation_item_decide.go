package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// curationItemDecide decides on one contribution, with a public answer.
func (h *Handler) curationItemDecide(c *gin.Context) {
	cc, item, ok := h.loadCurationItem(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	d := domain.Decision{Status: form.Get("decision"), Answer: form.Get("answer")}
	err := h.App.DecideContributions(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, []int64{item.ID}, d)
	h.curationItemDone(c, cc, item, err)
}
