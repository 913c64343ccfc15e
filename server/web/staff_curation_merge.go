package web

import (
	"strconv"

	"github.com/gin-gonic/gin"
)

// curationMerge merges the contributions selected on the board into the
// one chosen as the main contribution.
func (h *Handler) curationMerge(c *gin.Context) {
	cc, ids, ok := h.curationSelection(c)
	if !ok {
		return
	}
	survivor, err := strconv.ParseInt(c.Request.PostForm.Get("survivor"), 10, 64)
	if err != nil {
		survivor = 0 // none chosen
	}
	err = h.App.MergeContributions(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, survivor, ids)
	h.curationBulkDone(c, cc, err)
}
