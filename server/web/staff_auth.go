package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"zukunftswerk/server/session"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

const staffKey = "staff"

// staffContext is the logged-in staff member of a request.
type staffContext struct {
	User        domain.StaffUser
	Memberships []domain.Membership
	token       string
}

// Actor is the audit identity of the staff member.
func (s staffContext) Actor() store.Actor {
	return store.Actor{UserID: s.User.ID, Name: s.User.Name, InstallationAdmin: s.User.InstallationAdmin}
}

// Has reports whether the staff member holds one of roles in the
// municipality; installation admins hold every role everywhere.
func (s staffContext) Has(municipalityID int64, roles ...domain.Role) bool {
	if s.User.InstallationAdmin {
		return true
	}
	for _, m := range s.Memberships {
		if m.MunicipalityID != municipalityID {
			continue
		}
		for _, r := range roles {
			if m.Role == r {
				return true
			}
		}
	}
	return false
}

// sessionCookieName uses the __Host- prefix over HTTPS, which pins the
// cookie to this host and path / and requires Secure.
func (h *Handler) sessionCookieName() string {
	if h.Config.SecureCookies() {
		return "__Host-zw_session"
	}
	return "zw_session"
}

func (h *Handler) sessionPolicy() session.Policy {
	return session.Policy{Idle: h.Config.SessionIdle, Absolute: h.Config.SessionMax}
}

func (h *Handler) setSessionCookie(c *gin.Context, token string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: h.sessionCookieName(), Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: h.Config.SecureCookies(), SameSite: http.SameSiteLaxMode,
	})
}

// requireStaff lets only logged-in, enabled staff through; everyone else
// goes to the login page (or gets 401 for non-GET requests).
func (h *Handler) requireStaff(c *gin.Context) {
	ck, err := c.Request.Cookie(h.sessionCookieName())
	if err != nil {
		h.toLogin(c)
		return
	}
	ctx := c.Request.Context()
	sess, err := h.App.Sessions.Lookup(ctx, ck.Value, h.sessionPolicy())
	if errors.Is(err, session.ErrNoSession) {
		h.setSessionCookie(c, "", -1)
		h.toLogin(c)
		return
	}
	if err != nil {
		h.Log.Warn("session lookup failed", "error", err)
		h.fail(c, domain.Errorf(domain.CodeUnavailable, "staff.error.sessions_unavailable"))
		return
	}
	user, err := h.Store.StaffUser(ctx, sess.UserID)
	if err != nil || user.Disabled {
		_ = h.App.Sessions.Delete(ctx, ck.Value)
		h.setSessionCookie(c, "", -1)
		h.toLogin(c)
		return
	}
	memberships, err := h.Store.Memberships(ctx, user.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Set(staffKey, staffContext{User: user, Memberships: memberships, token: ck.Value})
	c.Header("Cache-Control", "no-store")
	c.Next()
}

func (h *Handler) toLogin(c *gin.Context) {
	c.Abort()
	if c.Request.Method != http.MethodGet || wantsJSON(c.Request) {
		h.fail(c, domain.Errorf(domain.CodeUnauthorized, "staff.error.login_required"))
		return
	}
	c.Redirect(http.StatusSeeOther, "/intern/anmelden?weiter="+url.QueryEscape(c.Request.URL.RequestURI()))
}

func staffOf(c *gin.Context) staffContext {
	v, _ := c.Get(staffKey)
	s, _ := v.(staffContext)
	return s
}

const municipalityKey = "municipality"

// staffIn guards the routes of one municipality (/intern/k/:municipality):
// the staff member needs one of roles there. Another municipality's pages
// and objects answer 403.
func (h *Handler) staffIn(roles ...domain.Role) gin.HandlerFunc {
	return func(c *gin.Context) {
		m, err := h.Store.MunicipalityBySlug(c.Request.Context(), c.Param("municipality"))
		if err != nil {
			h.fail(c, err)
			return
		}
		if !staffOf(c).Has(m.ID, roles...) {
			h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
			return
		}
		c.Set(municipalityKey, m)
		c.Next()
	}
}

// requireInstallationAdmin guards installation-wide settings.
func (h *Handler) requireInstallationAdmin(c *gin.Context) {
	if !staffOf(c).User.InstallationAdmin {
		h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
		return
	}
	c.Next()
}

func municipalityOf(c *gin.Context) domain.Municipality {
	v, _ := c.Get(municipalityKey)
	m, _ := v.(domain.Municipality)
	return m
}

// safeNext accepts only staff-area paths as a redirect target.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/intern/") && localPath(next) {
		return next
	}
	return "/intern/"
}
