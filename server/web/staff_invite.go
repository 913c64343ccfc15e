package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffInvite creates a single-use invitation link and shows it to the
// admin (see app.Invite); an invalid address or role shows the form again.
func (h *Handler) staffInvite(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	page := teamPage{Email: c.Request.PostForm.Get("email"), Role: c.Request.PostForm.Get("role")}
	link, err := h.App.Invite(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, page.Email, domain.Role(page.Role))
	if domain.ErrorCode(err) == domain.CodeInvalid {
		page.ErrorKey = domain.ErrorMessageKey(err)
		h.renderTeam(c, http.StatusUnprocessableEntity, page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	h.renderLink(c, link)
}
