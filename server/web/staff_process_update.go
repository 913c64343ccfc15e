package web

import (
	"github.com/gin-gonic/gin"
)

// staffProcessUpdate saves title, description and the moderation mode.
func (h *Handler) staffProcessUpdate(c *gin.Context) {
	cc, ok := h.staffProcessPost(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	p := cc.Process
	p.Title, p.Description, p.Moderation = form.Get("title"), form.Get("description"), form.Get("moderation")
	var err error
	cc.Process, err = h.App.UpdateProcess(c.Request.Context(), staffOf(c).Actor(), p)
	h.processAdminDone(c, cc, err)
}
