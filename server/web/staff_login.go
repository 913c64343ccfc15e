package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"time"
	"zukunftswerk/server/ratelimit"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/domain"
)

// Login attempts: per account and per client address, held even when Redis
// is down (in-process fallback).
var (
	loginPerAccount = ratelimit.Limit{Events: 10, Per: 15 * time.Minute}
	loginPerClient  = ratelimit.Limit{Events: 30, Per: 15 * time.Minute}
)

type loginPage struct {
	Email    string
	Next     string
	ErrorKey string
}

// staffLoginForm shows the login form.
func (h *Handler) staffLoginForm(c *gin.Context) {
	h.render(c, http.StatusOK, "staff_login", loginPage{Next: safeNext(c.Query("weiter"))})
}

// staffLogin checks email and password and starts a fresh session. Any
// session the browser brought along is ended first (no fixation).
func (h *Handler) staffLogin(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	page := loginPage{Email: form.Get("email"), Next: safeNext(form.Get("weiter"))}
	email, _ := domain.NormalizeEmail(form.Get("email"))
	ctx := c.Request.Context()

	if check := h.passwordAttempt(c, email); !check.Allowed {
		setRetryAfter(c, check.RetryAfter)
		page.ErrorKey = "staff.error.login_limited"
		h.render(c, http.StatusTooManyRequests, "staff_login", page)
		return
	}

	user, err := h.Store.StaffUserByEmail(ctx, email)
	hash := user.PasswordHash
	if err != nil {
		hash = ""
	}
	if !auth.CheckPassword(form.Get("password"), hash) || user.Disabled {
		page.ErrorKey = "staff.error.login_failed"
		h.render(c, http.StatusUnauthorized, "staff_login", page)
		return
	}
	if old, err := c.Request.Cookie(h.sessionCookieName()); err == nil {
		_ = h.App.Sessions.Delete(ctx, old.Value)
	}
	token, err := h.App.Sessions.Create(ctx, user.ID, h.sessionPolicy())
	if err != nil {
		h.Log.Warn("session creation failed", "error", err)
		h.fail(c, domain.Errorf(domain.CodeUnavailable, "staff.error.sessions_unavailable"))
		return
	}
	h.setSessionCookie(c, token, int(h.Config.SessionMax.Seconds()))
	c.Redirect(http.StatusSeeOther, page.Next)
}

// passwordAttempt counts one attempt at an account's password (a login,
// or accepting an invitation with an existing account) against the limits
// per client and per account.
func (h *Handler) passwordAttempt(c *gin.Context, email string) ratelimit.Decision {
	ctx := c.Request.Context()
	accountKey := sha256.Sum256([]byte(email))
	if d := h.App.Limits.AllowStrict(ctx, "login-client:"+h.clientKey(c), loginPerClient); !d.Allowed {
		return d
	}
	return h.App.Limits.AllowStrict(ctx, "login-account:"+hex.EncodeToString(accountKey[:16]), loginPerAccount)
}

// staffLogout ends the session at once.
func (h *Handler) staffLogout(c *gin.Context) {
	_ = h.App.Sessions.Delete(c.Request.Context(), staffOf(c).token)
	h.setSessionCookie(c, "", -1)
	c.Redirect(http.StatusSeeOther, "/intern/anmelden?abgemeldet=1")
}
