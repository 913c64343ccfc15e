package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
)

type invitationPage struct {
	Token        string
	Purpose      string
	Email        string
	Role         string
	Municipality string
	Existing     bool // the address has an account: its owner confirms with its password
	Name         string
	ErrorKey     string
}

// openInvitation opens the link of the :token parameter and what its page
// says; on failure it has answered the request.
func (h *Handler) openInvitation(c *gin.Context) (app.InvitationView, invitationPage, bool) {
	inv, err := h.App.Invitation(c.Request.Context(), c.Param("token"))
	if err != nil {
		h.fail(c, err)
		return inv, invitationPage{}, false
	}
	page := invitationPage{Token: c.Param("token"), Purpose: inv.Purpose, Email: inv.Email, Role: inv.Role,
		Municipality: inv.MunicipalityName, Existing: inv.Existing}
	return inv, page, true
}

// staffInvitationForm shows an invitation (or reset) link's form.
func (h *Handler) staffInvitationForm(c *gin.Context) {
	_, page, ok := h.openInvitation(c)
	if !ok {
		return
	}
	h.render(c, http.StatusOK, "staff_invitation", page)
}
