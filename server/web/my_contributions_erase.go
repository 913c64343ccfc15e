package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// myContributionsErase deletes the device's personal data (GDPR Art. 17):
// supports are removed, contributions stay public without pseudonym and
// without any link to the device, and the device cookie is dropped.
func (h *Handler) myContributionsErase(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	confirmed := c.Request.PostForm.Get("confirm") == "yes"
	err := h.App.EraseMyContributions(c.Request.Context(), h.deviceHash(c, false), confirmed)
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderMyContributions(c, http.StatusUnprocessableEntity, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	http.SetCookie(c.Writer, &http.Cookie{
		Name: deviceCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: h.Config.SecureCookies(), SameSite: http.SameSiteLaxMode,
	})
	c.Redirect(http.StatusSeeOther, h.path("myContributions")+"?geloescht=1")
}
