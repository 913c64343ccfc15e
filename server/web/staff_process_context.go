package web

import (
	"github.com/gin-gonic/gin"
)

// loadStaffProcess resolves :process within the guarded municipality with
// its action fields, for the staff pages of one process; on failure it has
// answered the request. A process of another municipality is not found.
func (h *Handler) loadStaffProcess(c *gin.Context) (processContext, bool) {
	p, err := h.App.ProcessOf(c.Request.Context(), municipalityOf(c), c.Param("process"))
	if err != nil {
		h.fail(c, err)
		return processContext{}, false
	}
	return processContext{ProcessScope: p}, true
}
