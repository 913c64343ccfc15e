package web

import "github.com/gin-gonic/gin"

// staffMemberDisable disables a member's account, whose sessions end at
// once (see app.DisableAccount). A refusal shows the team page with its
// reason.
func (h *Handler) staffMemberDisable(c *gin.Context) {
	userID, ok := h.memberOf(c)
	if !ok {
		return
	}
	if err := h.App.DisableAccount(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, userID); err != nil {
		h.failTeam(c, err)
		return
	}
	h.backToTeam(c)
}
