package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type municipalitiesPage struct {
	Municipalities []domain.Municipality
	Slug, Name     string
	ErrorKey       string
}

// staffMunicipalities lists all municipalities for the installation admin.
func (h *Handler) staffMunicipalities(c *gin.Context) {
	h.renderMunicipalities(c, http.StatusOK, municipalitiesPage{})
}

func (h *Handler) renderMunicipalities(c *gin.Context, status int, page municipalitiesPage) {
	list, err := h.Store.Municipalities(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	page.Municipalities = list
	h.render(c, status, "staff_municipalities", page)
}

// staffMunicipalityCreate sets up a new municipality; its creator becomes
// its admin.
func (h *Handler) staffMunicipalityCreate(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	page := municipalitiesPage{Slug: strings.TrimSpace(c.Request.PostForm.Get("slug")), Name: strings.TrimSpace(c.Request.PostForm.Get("name"))}
	if key := domain.ValidateSlug(page.Slug); key != "" {
		page.ErrorKey = key
	} else if key := domain.ValidateText(page.Name, 80); key != "" {
		page.ErrorKey = key
	}
	if page.ErrorKey != "" {
		h.renderMunicipalities(c, http.StatusUnprocessableEntity, page)
		return
	}
	m, err := h.Store.CreateMunicipality(c.Request.Context(), staffOf(c).Actor(), page.Slug, page.Name)
	if domain.ErrorCode(err) == domain.CodeConflict {
		page.ErrorKey = domain.ErrorMessageKey(err)
		h.renderMunicipalities(c, http.StatusConflict, page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/intern/k/"+m.Slug+"/")
}
