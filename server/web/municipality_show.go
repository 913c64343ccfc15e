package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
)

type municipalityPage app.MunicipalityView

// municipalityShow lists the processes of one municipality.
func (h *Handler) municipalityShow(c *gin.Context) {
	view, err := h.App.Municipality(c.Request.Context(), c.Param("municipality"))
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "municipality", municipalityPage(view))
}
