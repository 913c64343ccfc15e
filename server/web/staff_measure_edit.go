package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// loadMeasure resolves the process and its :measure with the measure's
// version; on failure it has answered the request.
func (h *Handler) loadMeasure(c *gin.Context) (processContext, domain.Measure, domain.ConceptVersion, bool) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return cc, domain.Measure{}, domain.ConceptVersion{}, false
	}
	id, err := strconv.ParseInt(c.Param("measure"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(c, domain.ErrNotFound)
		return cc, domain.Measure{}, domain.ConceptVersion{}, false
	}
	m, v, err := h.App.Measure(c.Request.Context(), cc.ProcessScope, id)
	if err != nil {
		h.fail(c, err)
		return cc, m, v, false
	}
	return cc, m, v, true
}

// measureEdit shows a measure: a form while its version is a draft, the
// frozen record otherwise.
func (h *Handler) measureEdit(c *gin.Context) {
	cc, m, v, ok := h.loadMeasure(c)
	if !ok {
		return
	}
	h.renderMeasureForm(c, http.StatusOK, cc, v, m, nil, nil, "")
}
