package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// myContributionsErase deletes the device's personal data (GDPR Art. 17):
// supports are removed, contributions stay public without pseudonym and
// without any link to the device, and the device cookie is dropped.
func (h *Handler) myContributionsErase(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	if c.Request.PostForm.Get("confirm") != "yes" {
		h.renderMyContributions(c, http.StatusUnprocessableEntity, "my.error.confirm_missing")
		return
	}
	if device := h.deviceHash(c, false); device != "" {
		if _, _, err := h.Store.EraseDevice(c.Request.Context(), device); err != nil {
			h.fail(c, err)
			return
		}
	}
	http.SetCookie(c.Writer, &http.Cookie{
		Name: deviceCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: h.Config.SecureCookies(), SameSite: http.SameSiteLaxMode,
	})
	c.Redirect(http.StatusSeeOther, "/meine-beitraege?geloescht=1")
}
