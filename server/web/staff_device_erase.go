package web

import (
	"github.com/gin-gonic/gin"
)

// staffDeviceErase erases, once confirmed, the data of the device of the
// code posted within the municipality.
func (h *Handler) staffDeviceErase(c *gin.Context) {
	page := devicePageOf(c)
	confirmed := c.Request.PostForm.Get("confirm") == "yes"
	records, err := h.App.EraseDeviceRequest(c.Request.Context(), staffOf(c).Actor(), page.Municipality.ID, page.Token, confirmed)
	page.Erased = err == nil
	h.renderDeviceRequest(c, page, records, err)
}
