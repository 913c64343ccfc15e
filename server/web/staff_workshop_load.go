package web

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshop resolves :workshop within the guarded municipality; on
// failure it has answered the request.
func (h *Handler) staffWorkshop(c *gin.Context) (domain.Workshop, bool) {
	id, err := strconv.ParseInt(c.Param("workshop"), 10, 64)
	if err != nil {
		h.fail(c, domain.ErrNotFound)
		return domain.Workshop{}, false
	}
	w, err := h.App.StaffWorkshop(c.Request.Context(), municipalityOf(c).ID, id)
	if err != nil {
		h.fail(c, err)
		return w, false
	}
	return w, true
}

// staffWorkshopPost resolves :workshop and reads the posted form.
func (h *Handler) staffWorkshopPost(c *gin.Context) (domain.Workshop, bool) {
	w, ok := h.staffWorkshop(c)
	return w, ok && h.parseForm(c)
}
