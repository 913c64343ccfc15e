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
	if _, joined := h.participantOf(c, wc); joined && c.Query("wechseln") == "" {
		c.Redirect(http.StatusSeeOther, h.path("workshopParticipant", wc.Workshop.Code()))
		return
	}
	h.render(c, http.StatusOK, "workshop_join", joinPage{workshopContext: wc, Code: wc.Workshop.Code()})
}
