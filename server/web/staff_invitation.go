package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type invitationPage struct {
	Token    string
	Purpose  string
	Email    string
	Name     string
	ErrorKey string
}

// newLinkToken returns a random token for an invitation or reset link and
// the hash under which it is stored.
func newLinkToken() (token, hash string) {
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	token = hex.EncodeToString(raw)
	return token, hashLinkToken(token)
}

func hashLinkToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// staffInvitationForm shows an invitation (or reset) link's form.
func (h *Handler) staffInvitationForm(c *gin.Context) {
	inv, err := h.Store.OpenInvitation(c.Request.Context(), hashLinkToken(c.Param("token")))
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "staff_invitation", invitationPage{Token: c.Param("token"), Purpose: inv.Purpose, Email: inv.Email})
}

// staffInvitationAccept uses the link once: it creates the account (or sets
// the new password) and ends any session the account had.
func (h *Handler) staffInvitationAccept(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	ctx := c.Request.Context()
	hash := hashLinkToken(c.Param("token"))
	inv, err := h.Store.OpenInvitation(ctx, hash)
	if err != nil {
		h.fail(c, err)
		return
	}
	form := c.Request.PostForm
	page := invitationPage{Token: c.Param("token"), Purpose: inv.Purpose, Email: inv.Email, Name: form.Get("name")}
	name := strings.TrimSpace(form.Get("name"))
	if inv.Purpose == store.PurposeReset {
		name = "reset"
	}
	if key := domain.ValidateName(name); key != "" {
		page.ErrorKey = key
		h.render(c, http.StatusUnprocessableEntity, "staff_invitation", page)
		return
	}
	if key := domain.ValidatePassword(form.Get("password")); key != "" {
		page.ErrorKey = key
		h.render(c, http.StatusUnprocessableEntity, "staff_invitation", page)
		return
	}
	if form.Get("password") != form.Get("repeat") {
		page.ErrorKey = "staff.error.password_repeat"
		h.render(c, http.StatusUnprocessableEntity, "staff_invitation", page)
		return
	}
	passwordHash, err := auth.HashPassword(form.Get("password"))
	if err != nil {
		h.fail(c, err)
		return
	}
	user, err := h.Store.AcceptInvitation(ctx, hash, name, passwordHash)
	if err != nil {
		h.fail(c, err)
		return
	}
	if err := h.Live.DeleteUserSessions(ctx, user.ID); err != nil {
		h.Log.Warn("unable to end sessions after invitation", "error", err)
	}
	c.Redirect(http.StatusSeeOther, "/intern/anmelden?willkommen=1")
}
