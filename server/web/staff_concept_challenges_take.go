package web

import (
	"strconv"

	"github.com/gin-gonic/gin"
)

// conceptChallengesTake adds the workshops' challenges of an action field
// to what its challenges text says in the form (nothing typed is lost).
func (h *Handler) conceptChallengesTake(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	fieldID, _ := strconv.ParseInt(form.Get("field"), 10, 64)
	err := h.App.TakeChallenges(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, postedID(c, "version"), fieldID, form.Get("challenges"))
	h.conceptSaved(c, cc, err)
}
