package web

import "github.com/gin-gonic/gin"

// staffMemberRemove takes the member's roles in this municipality (see
// app.RemoveRoles). A refusal shows the team page with its reason.
func (h *Handler) staffMemberRemove(c *gin.Context) {
	userID, ok := h.memberOf(c)
	if !ok {
		return
	}
	if err := h.App.RemoveRoles(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, userID); err != nil {
		h.failTeam(c, err)
		return
	}
	h.backToTeam(c)
}
