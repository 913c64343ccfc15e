package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

const staffKey = "staff"

// staffContext is the logged-in staff member of a request (Actor and Has
// come with app.StaffMember) and the token of their session cookie.
type staffContext struct {
	app.StaffMember
	token string
}

// sessionCookieName uses the __Host- prefix over HTTPS, which pins the
// cookie to this host and path / and requires Secure.
func (h *Handler) sessionCookieName() string {
	if h.Config.SecureCookies() {
		return "__Host-zw_session"
	}
	return "zw_session"
}

func (h *Handler) setSessionCookie(c *gin.Context, token string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: h.sessionCookieName(), Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: h.Config.SecureCookies(), SameSite: http.SameSiteLaxMode,
	})
}

// keepSessionCookie gives the browser a new session's token for the
// session's whole absolute lifetime.
func (h *Handler) keepSessionCookie(c *gin.Context, token string) {
	h.setSessionCookie(c, token, int(h.Config.SessionMax.Seconds()))
}

// requireStaff lets only logged-in, enabled staff through; everyone else
// goes to the login page (or gets 401 for non-GET requests).
func (h *Handler) requireStaff(c *gin.Context) {
	ck, err := c.Request.Cookie(h.sessionCookieName())
	if err != nil {
		h.toLogin(c)
		return
	}
	member, err := h.App.StaffBySession(c.Request.Context(), ck.Value)
	if errors.Is(err, app.ErrNoSession) {
		h.setSessionCookie(c, "", -1)
		h.toLogin(c)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Set(staffKey, staffContext{StaffMember: member, token: ck.Value})
	c.Header("Cache-Control", "no-store")
	c.Next()
}

func (h *Handler) toLogin(c *gin.Context) {
	c.Abort()
	if c.Request.Method != http.MethodGet || wantsJSON(c.Request) {
		h.fail(c, domain.Errorf(domain.CodeUnauthorized, "staff.error.login_required"))
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffLoginForm")+"?weiter="+url.QueryEscape(c.Request.URL.RequestURI()))
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
		m, err := h.App.StaffMunicipality(c.Request.Context(), staffOf(c).StaffMember, c.Param("municipality"), roles...)
		if err != nil {
			h.fail(c, err)
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

// safeNext accepts only staff-area paths as a redirect target; anything
// else leads to the staff start page.
func (h *Handler) safeNext(next string) string {
	home := h.path("staffHome")
	if strings.HasPrefix(next, home) && localPath(next) {
		return next
	}
	return home
}
