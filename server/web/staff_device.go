package web

import (
	"net/http"

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

// staffDeviceRequest is the form of a citizen's data request made to the
// town: the citizen reads their device code on "Meine Beiträge" and passes
// it on; staff see (staffDeviceShow) or erase (staffDeviceErase) that
// device's data within their municipality.
func (h *Handler) staffDeviceRequest(c *gin.Context) {
	// A broken query string is refused, as on every form of the page.
	if !h.parseForm(c) {
		return
	}
	h.render(c, http.StatusOK, "staff_device", devicePage{Municipality: municipalityOf(c)})
}

// renderDeviceRequest shows the outcome of a data request: what the
// device left in the municipality, or the form with the message of a
// refused request.
func (h *Handler) renderDeviceRequest(c *gin.Context, page devicePage, records store.DeviceRecords, err error) {
	if domain.ErrorCode(err) == domain.CodeInvalid {
		page.ErrorKey = domain.ErrorMessageKey(err)
		h.render(c, http.StatusUnprocessableEntity, "staff_device", page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	page.Contributions, page.Supports, page.Looked = records.Contributions, records.Supports, true
	h.render(c, http.StatusOK, "staff_device", page)
}

// devicePageOf is the data request page for the device code posted.
func devicePageOf(c *gin.Context) devicePage {
	return devicePage{Municipality: municipalityOf(c), Token: domain.NormalizeDeviceCode(c.Request.PostForm.Get("device"))}
}
