package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
	qrcode "github.com/skip2/go-qrcode"
)

// workshopQR is the QR code of the join URL as a PNG.
func (h *Handler) workshopQR(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	png, err := qrcode.Encode(h.Config.BaseURL+h.path("workshopJoinForm", wc.Workshop.Code()), qrcode.Medium, 512)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, "image/png", png)
}
