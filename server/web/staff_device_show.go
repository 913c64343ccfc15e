package web

import (
	"github.com/gin-gonic/gin"
)

// staffDeviceShow shows what the device of the code posted contributed
// and supported within the municipality.
func (h *Handler) staffDeviceShow(c *gin.Context) {
	page := devicePageOf(c)
	records, err := h.App.DeviceRequest(c.Request.Context(), page.Municipality.ID, page.Token)
	h.renderDeviceRequest(c, page, records, err)
}
