package web

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// curationUnmerge undoes the merge of a contribution into the one shown.
func (h *Handler) curationUnmerge(c *gin.Context) {
	cc, item, ok := h.loadCurationItem(c)
	if !ok {
		return
	}
	merged, err := strconv.ParseInt(c.Request.PostForm.Get("merged"), 10, 64)
	if err != nil || merged <= 0 {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	err = h.App.UnmergeContribution(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, merged)
	h.curationItemDone(c, cc, item, err)
}
