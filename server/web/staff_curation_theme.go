package web

import (
	"github.com/gin-gonic/gin"
)

// curationTheme files the contributions selected on the board under a
// theme.
func (h *Handler) curationTheme(c *gin.Context) {
	cc, ids, ok := h.curationSelection(c)
	if !ok {
		return
	}
	err := h.App.ThemeContributions(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, ids, c.Request.PostForm.Get("theme"))
	h.curationBulkDone(c, cc, err)
}
