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
	// Only a disabling that would be done is asked about; a refused one
	// gets its reason at once from DisableAccount.
	m, staff := municipalityOf(c), staffOf(c)
	member, found, err := h.App.TeamMemberOf(c.Request.Context(), staff.User, m.ID, userID)
	if err != nil {
		h.fail(c, err)
		return
	}
	if found && member.MayManage && userID != staff.User.ID &&
		!h.confirmed(c, h.path("staffTeam", m.Slug), "staff.disable_confirm.title", "staff.disable_confirm.text", "staff.disable", member.Name) {
		return
	}
	if err := h.App.DisableAccount(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, userID); err != nil {
		h.failTeam(c, err)
		return
	}
	h.backToTeam(c)
}
