package web

import "github.com/gin-gonic/gin"

// staffMemberEnable enables a disabled member's account again (see
// app.EnableAccount). A refusal shows the team page with its reason.
func (h *Handler) staffMemberEnable(c *gin.Context) {
	userID, ok := h.memberOf(c)
	if !ok {
		return
	}
	if err := h.App.EnableAccount(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, userID); err != nil {
		h.failTeam(c, err)
		return
	}
	h.backToTeam(c)
}
