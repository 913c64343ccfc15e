package web

import "github.com/gin-gonic/gin"

// staffMemberReset makes a password-reset link for a member and shows it
// to the admin (see app.ResetLink). A refusal shows the team page with its
// reason, and no link.
func (h *Handler) staffMemberReset(c *gin.Context) {
	userID, ok := h.memberOf(c)
	if !ok {
		return
	}
	link, err := h.App.ResetLink(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, userID)
	if err != nil {
		h.failTeam(c, err)
		return
	}
	h.renderLink(c, link)
}
