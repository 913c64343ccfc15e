package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffMunicipalityCreate sets up a new municipality (see
// app.CreateMunicipality) and opens its page; an invalid or taken slug
// shows the form again.
func (h *Handler) staffMunicipalityCreate(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	page := municipalitiesPage{Slug: strings.TrimSpace(c.Request.PostForm.Get("slug")), Name: strings.TrimSpace(c.Request.PostForm.Get("name"))}
	m, err := h.App.CreateMunicipality(c.Request.Context(), staffOf(c).Actor(), page.Slug, page.Name)
	switch domain.ErrorCode(err) {
	case domain.CodeInvalid:
		page.ErrorKey = domain.ErrorMessageKey(err)
		h.renderMunicipalities(c, http.StatusUnprocessableEntity, page)
		return
	case domain.CodeConflict:
		page.ErrorKey = domain.ErrorMessageKey(err)
		h.renderMunicipalities(c, http.StatusConflict, page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffMunicipality", m.Slug))
}
