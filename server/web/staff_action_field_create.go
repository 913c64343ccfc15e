package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffActionFieldCreate appends an action field.
func (h *Handler) staffActionFieldCreate(c *gin.Context) {
	cc, ok := h.staffProcessPost(c)
	if !ok {
		return
	}
	f := domain.ActionField{Title: c.Request.PostForm.Get("title"), Question: c.Request.PostForm.Get("question")}
	err := h.App.AddActionField(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, f)
	h.processAdminDone(c, cc, err)
}
