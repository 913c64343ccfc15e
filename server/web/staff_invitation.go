package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
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

// openInvitationPage loads the link and what its page says: for whom, which
// role in which town, and whether the address already has an account.
func (h *Handler) openInvitationPage(c *gin.Context) (store.Invitation, invitationPage, *domain.StaffUser, bool) {
	ctx := c.Request.Context()
	inv, err := h.Store.OpenInvitation(ctx, hashLinkToken(c.Param("token")))
	if err != nil {
		h.fail(c, err)
		return inv, invitationPage{}, nil, false
	}
	page := invitationPage{Token: c.Param("token"), Purpose: inv.Purpose, Email: inv.Email, Role: inv.Role, Municipality: inv.MunicipalityName}
	var existing *domain.StaffUser
	if inv.Purpose == store.PurposeInvite {
		if u, err := h.Store.StaffUserByEmail(ctx, inv.Email); err == nil {
			existing, page.Existing = &u, true
		}
	}
	return inv, page, existing, true
}

// staffInvitationForm shows an invitation (or reset) link's form.
func (h *Handler) staffInvitationForm(c *gin.Context) {
	_, page, _, ok := h.openInvitationPage(c)
	if !ok {
		return
	}
	h.render(c, http.StatusOK, "staff_invitation", page)
}

// staffInvitationAccept uses the link once. A new address gets its account
// with the role; a reset link sets the new password and ends the account's
// sessions. An address that already has an account gets the role only when
// its owner types that account's password (limited like a login): holding
// the link is not enough to change someone else's account.
func (h *Handler) staffInvitationAccept(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	inv, page, existing, ok := h.openInvitationPage(c)
	if !ok {
		return
	}
	if existing != nil {
		h.joinWithInvitation(c, inv, page, *existing)
		return
	}
	ctx := c.Request.Context()
	form := c.Request.PostForm
	page.Name = form.Get("name")
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
	user, err := h.Store.AcceptInvitation(ctx, hashLinkToken(page.Token), name, passwordHash)
	if errors.Is(err, store.ErrAccountExists) {
		// The account appeared since the form was shown: ask for its password.
		page.Existing, page.ErrorKey = true, "staff.error.account_exists"
		h.render(c, http.StatusConflict, "staff_invitation", page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	if inv.Purpose == store.PurposeReset {
		if err := h.App.Sessions.DeleteUser(ctx, user.ID); err != nil {
			h.Log.Warn("unable to end sessions after a password reset", "error", err)
		}
	}
	c.Redirect(http.StatusSeeOther, "/intern/anmelden?willkommen=1")
}

// joinWithInvitation gives an existing account the invited role once its
// own password is typed; the attempts count against the login limits.
func (h *Handler) joinWithInvitation(c *gin.Context, inv store.Invitation, page invitationPage, user domain.StaffUser) {
	ctx := c.Request.Context()
	if check := h.passwordAttempt(c, user.Email); !check.Allowed {
		setRetryAfter(c, check.RetryAfter)
		page.ErrorKey = "staff.error.login_limited"
		h.render(c, http.StatusTooManyRequests, "staff_invitation", page)
		return
	}
	if !auth.CheckPassword(c.Request.PostForm.Get("password"), user.PasswordHash) || user.Disabled {
		page.ErrorKey = "staff.error.login_failed"
		h.render(c, http.StatusUnauthorized, "staff_invitation", page)
		return
	}
	if err := h.Store.JoinWithInvitation(ctx, hashLinkToken(page.Token), user.ID); err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/intern/anmelden?willkommen=1")
}
