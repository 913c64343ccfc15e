package web

import (
	"net/http"

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
	list, err := h.App.InstallationMunicipalities(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	page.Municipalities = list
	h.render(c, status, "staff_municipalities", page)
}
