package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/store"
)

// staffInvitationAccept uses the link once (see app.AcceptInvitation); a
// refusal shows the form again with the name typed.
func (h *Handler) staffInvitationAccept(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	inv, page, ok := h.openInvitation(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	if !inv.Existing {
		page.Name = form.Get("name")
	}
	answer := app.InvitationAnswer{Name: form.Get("name"), Password: form.Get("password"), Repeat: form.Get("repeat")}
	err := h.App.AcceptInvitation(c.Request.Context(), inv, answer, h.clientKey(c))
	if errors.Is(err, store.ErrAccountExists) {
		// The account appeared since the form was shown: ask for its password.
		page.Existing, page.ErrorKey = true, "staff.error.account_exists"
		h.render(c, http.StatusConflict, "staff_invitation", page)
		return
	}
	if status, key, ok := formRefusal(c, err); ok {
		page.ErrorKey = key
		h.render(c, status, "staff_invitation", page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffLoginForm")+"?willkommen=1")
}
