package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type devicePage struct {
	Municipality  domain.Municipality
	Token         string
	Contributions []store.DeviceContribution
	Supports      []store.DeviceContribution
	Looked        bool
	Erased        bool
	ErrorKey      string
}

// staffDeviceRequest serves a citizen's data request made to the town: the
// citizen reads their device code on "Meine Beiträge" and passes it on; staff
// see, export or erase that device's data within their municipality.
func (h *Handler) staffDeviceRequest(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	m := municipalityOf(c)
	form := c.Request.PostForm
	page := devicePage{Municipality: m, Token: strings.ToLower(strings.TrimSpace(form.Get("device")))}
	if c.Request.Method == http.MethodGet {
		h.render(c, http.StatusOK, "staff_device", page)
		return
	}
	if !validDeviceToken(page.Token) {
		page.ErrorKey = "staff.error.device_code"
		h.render(c, http.StatusUnprocessableEntity, "staff_device", page)
		return
	}
	ctx := c.Request.Context()
	device, err := h.Store.DeviceHashByCode(ctx, page.Token, m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	if form.Get("action") == "erase" {
		if form.Get("confirm") != "yes" {
			page.ErrorKey = "my.error.confirm_missing"
			h.render(c, http.StatusUnprocessableEntity, "staff_device", page)
			return
		}
		if device != "" {
			if _, _, err := h.Store.EraseDeviceFor(ctx, staffOf(c).Actor(), m.ID, device); err != nil {
				h.fail(c, err)
				return
			}
		}
		page.Erased = true
	}
	var records store.DeviceRecords
	if device != "" {
		records, err = h.Store.DeviceData(ctx, device, m.ID)
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	page.Contributions, page.Supports, page.Looked = records.Contributions, records.Supports, true
	h.render(c, http.StatusOK, "staff_device", page)
}
