package web

import (
	"strconv"

	"github.com/gin-gonic/gin"
)

// curationItemField moves one contribution to another action field of the
// process (audited; moving it back undoes it).
func (h *Handler) curationItemField(c *gin.Context) {
	cc, item, ok := h.loadCurationItem(c)
	if !ok {
		return
	}
	fieldID, _ := strconv.ParseInt(c.Request.PostForm.Get("field"), 10, 64)
	err := h.App.MoveContribution(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, item.ID, fieldID)
	h.curationItemDone(c, cc, item, err)
}
