package web

import (
	"github.com/gin-gonic/gin"
)

// curationItemTheme files one contribution under a theme.
func (h *Handler) curationItemTheme(c *gin.Context) {
	cc, item, ok := h.loadCurationItem(c)
	if !ok {
		return
	}
	err := h.App.ThemeContributions(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, []int64{item.ID}, c.Request.PostForm.Get("theme"))
	h.curationItemDone(c, cc, item, err)
}
