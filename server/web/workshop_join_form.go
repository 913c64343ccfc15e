package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// workshopJoinForm lets a phone pick its group and an optional name.
func (h *Handler) workshopJoinForm(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	p, joined := h.participantOf(c, wc)
	if joined && c.Query("wechseln") == "" {
		c.Redirect(http.StatusSeeOther, h.path("workshopParticipant", wc.Workshop.Code()))
		return
	}
	// Changing the group keeps the name and marks the group one is in.
	page := joinPage{workshopContext: wc, Code: wc.Workshop.Code()}
	if joined {
		page.Name, page.Current = p.DisplayName, p.GroupID
	}
	h.render(c, http.StatusOK, "workshop_join", page)
}
