package web

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// conceptChallenges saves the challenges of one action field in the draft.
func (h *Handler) conceptChallenges(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	fieldID, _ := strconv.ParseInt(form.Get("field"), 10, 64)
	text := strings.TrimSpace(form.Get("challenges"))
	err := h.App.SaveChallenges(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, postedID(c, "version"), fieldID, text)
	h.conceptSaved(c, cc, err)
}
