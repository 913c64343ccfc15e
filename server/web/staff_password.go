package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/domain"
)

type passwordPage struct {
	ErrorKey string
	Changed  bool
}

// staffPasswordForm shows the form to change one's own password.
func (h *Handler) staffPasswordForm(c *gin.Context) {
	h.render(c, http.StatusOK, "staff_password", passwordPage{Changed: c.Query("geaendert") == "1"})
}

// staffPasswordChange checks the current password, stores the new one, ends
// every session of the account and starts a fresh one for this browser.
func (h *Handler) staffPasswordChange(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	staff := staffOf(c)
	form := c.Request.PostForm
	// A stolen session must not become a way to guess the password.
	if check := h.passwordAttempt(c, staff.User.Email); !check.Allowed {
		setRetryAfter(c, check.RetryAfter)
		h.render(c, http.StatusTooManyRequests, "staff_password", passwordPage{ErrorKey: "staff.error.login_limited"})
		return
	}
	if !auth.CheckPassword(form.Get("current"), staff.User.PasswordHash) {
		h.render(c, http.StatusUnprocessableEntity, "staff_password", passwordPage{ErrorKey: "staff.error.current_password"})
		return
	}
	next := form.Get("new")
	if key := domain.ValidatePassword(next); key != "" {
		h.render(c, http.StatusUnprocessableEntity, "staff_password", passwordPage{ErrorKey: key})
		return
	}
	if next != form.Get("repeat") {
		h.render(c, http.StatusUnprocessableEntity, "staff_password", passwordPage{ErrorKey: "staff.error.password_repeat"})
		return
	}
	hash, err := auth.HashPassword(next)
	if err != nil {
		h.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	if err := h.Store.SetPassword(ctx, staff.Actor(), staff.User.ID, hash); err != nil {
		h.fail(c, err)
		return
	}
	if err := h.App.Sessions.DeleteUser(ctx, staff.User.ID); err != nil {
		h.fail(c, err)
		return
	}
	token, err := h.App.Sessions.Create(ctx, staff.User.ID, h.sessionPolicy())
	if err != nil {
		h.fail(c, domain.Errorf(domain.CodeUnavailable, "staff.error.sessions_unavailable"))
		return
	}
	h.setSessionCookie(c, token, int(h.Config.SessionMax.Seconds()))
	c.Redirect(http.StatusSeeOther, "/intern/passwort?geaendert=1")
}
