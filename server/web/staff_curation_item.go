package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type curationItemPage struct {
	processContext
	app.CurationItem
	Decisions []string
	ErrorKey  string
	Saved     bool
}

// curationItem shows one contribution with everything the project group
// can do to it.
func (h *Handler) curationItem(c *gin.Context) {
	h.renderCurationItem(c, http.StatusOK, "")
}

func (h *Handler) renderCurationItem(c *gin.Context, status int, errorKey string) {
	cc, id, ok := h.curationItemRoute(c)
	if !ok {
		return
	}
	view, err := h.App.CurationItem(c.Request.Context(), cc.ProcessScope, id)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_curation_item", curationItemPage{processContext: cc, CurationItem: view,
		Decisions: domain.Decisions, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1"})
}

// curationItemRoute resolves the process and reads :contribution; on
// failure it has answered the request.
func (h *Handler) curationItemRoute(c *gin.Context) (processContext, int64, bool) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return cc, 0, false
	}
	id, err := strconv.ParseInt(c.Param("contribution"), 10, 64)
	if err != nil {
		h.fail(c, domain.ErrNotFound)
		return cc, 0, false
	}
	return cc, id, true
}

// loadCurationItem resolves the contribution the page's forms post to;
// on failure it has answered the request.
func (h *Handler) loadCurationItem(c *gin.Context) (processContext, domain.Contribution, bool) {
	cc, id, ok := h.curationItemRoute(c)
	if !ok {
		return cc, domain.Contribution{}, false
	}
	item, err := h.App.CuratedContribution(c.Request.Context(), cc.ProcessScope, id)
	if err != nil {
		h.fail(c, err)
		return cc, item, false
	}
	return cc, item, true
}

// curationItemDone answers a change of one contribution: back to its page
// saying it is saved, or the page with the message of a refused change.
func (h *Handler) curationItemDone(c *gin.Context, cc processContext, item domain.Contribution, err error) {
	code := domain.ErrorCode(err)
	switch {
	case err == nil:
		c.Redirect(http.StatusSeeOther, h.path("curationItem", cc, item.ID)+"?gespeichert=1")
	case code == domain.CodeInvalid || code == domain.CodeConflict:
		h.renderCurationItem(c, statusFor(code), domain.ErrorMessageKey(err))
	default:
		h.fail(c, err)
	}
}
