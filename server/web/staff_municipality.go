package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type municipalityAdminPage struct {
	app.MunicipalityOverview
	Municipality domain.Municipality
	Form         domain.Process
	ErrorKey     string
}

// staffMunicipality is a municipality's overview for its staff: processes,
// and what each role can open from here.
func (h *Handler) staffMunicipality(c *gin.Context) {
	h.renderMunicipalityAdmin(c, http.StatusOK, domain.Process{Moderation: domain.ModerationPost}, "")
}

func (h *Handler) renderMunicipalityAdmin(c *gin.Context, status int, form domain.Process, errorKey string) {
	m := municipalityOf(c)
	overview, err := h.App.MunicipalityOverview(c.Request.Context(), staffOf(c).StaffMember, m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_municipality", municipalityAdminPage{
		MunicipalityOverview: overview, Municipality: m, Form: form, ErrorKey: errorKey,
	})
}
