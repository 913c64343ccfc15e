package web

import "github.com/gin-gonic/gin"

// staffWorkshopStream is the moderator console's stream: all groups, and
// tallies even while they are hidden from participants.
func (h *Handler) staffWorkshopStream(c *gin.Context) {
	w, ok := h.staffWorkshop(c)
	if !ok {
		return
	}
	h.serveEvents(c, w.ID, 0, 0, true)
}
