package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// workshopEnterCode asks for the code shown on the projector (/w).
func (h *Handler) workshopEnterCode(c *gin.Context) {
	if code := domain.NormalizeJoinCode(c.Query("code")); code != "" {
		c.Redirect(http.StatusSeeOther, h.path("workshopJoinForm", code))
		return
	}
	h.render(c, http.StatusOK, "workshop_code", nil)
}
