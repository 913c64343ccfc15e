package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type municipalityPage struct {
	Municipality domain.Municipality
	Processes    []domain.Process
}

// municipalityShow lists the processes of one municipality.
func (h *Handler) municipalityShow(c *gin.Context) {
	ctx := c.Request.Context()
	m, err := h.Store.MunicipalityBySlug(ctx, c.Param("municipality"))
	if err != nil {
		h.fail(c, err)
		return
	}
	processes, err := h.Store.Processes(ctx, m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "municipality", municipalityPage{Municipality: m, Processes: processes})
}
