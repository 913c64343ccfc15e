package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/store"
)

type myContributionsPage struct {
	Contributions []store.DeviceContribution
	Supports      []store.DeviceContribution
	Erased        bool
	ErrorKey      string
	DeviceCode    string // for data requests made to the town (deviceRequestCode)
}

// myContributions shows everything this browser's device token has
// contributed and supported ("Meine Beiträge"), with export and erase.
func (h *Handler) myContributions(c *gin.Context) {
	h.renderMyContributions(c, http.StatusOK, "")
}

func (h *Handler) renderMyContributions(c *gin.Context, status int, errorKey string) {
	page := myContributionsPage{Erased: c.Query("geloescht") == "1", ErrorKey: errorKey}
	device := h.deviceHash(c, false)
	records, err := h.App.MyContributions(c.Request.Context(), device)
	if err != nil {
		h.fail(c, err)
		return
	}
	if device != "" {
		page.DeviceCode = deviceRequestCode(device)
	}
	page.Contributions, page.Supports = records.Contributions, records.Supports
	h.render(c, status, "my_contributions", page)
}
