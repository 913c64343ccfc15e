package web

import (
	"strings"

	"github.com/gin-gonic/gin"
)

// conceptLeitbild saves the Leitbild of the draft.
func (h *Handler) conceptLeitbild(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	text := strings.TrimSpace(c.Request.PostForm.Get("leitbild"))
	err := h.App.SaveLeitbild(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, postedID(c, "version"), text)
	h.conceptSaved(c, cc, err)
}
