package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type fahrplanPage struct {
	processContext
	Entries  []domain.Milestone
	ErrorKey string
	Saved    bool
}

// staffFahrplan lists the Fahrplan with a form per entry (workshops and
// council decisions come in automatically and are not edited here).
func (h *Handler) staffFahrplan(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	h.renderFahrplan(c, http.StatusOK, cc, "")
}

func (h *Handler) renderFahrplan(c *gin.Context, status int, cc processContext, errorKey string) {
	entries, err := h.fahrplan(c.Request.Context(), cc, langOf(c), time.Now())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_fahrplan", fahrplanPage{processContext: cc, Entries: entries, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1"})
}

// fahrplanEntryOf resolves :process and the :milestone parameter; anything
// but a positive number is an entry that does not exist. On failure it has
// answered the request.
func (h *Handler) fahrplanEntryOf(c *gin.Context) (processContext, int64, bool) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return cc, 0, false
	}
	id, err := strconv.ParseInt(c.Param("milestone"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(c, domain.ErrNotFound)
		return cc, 0, false
	}
	return cc, id, true
}

// fahrplanDone answers a change of the Fahrplan: back to the page, or the
// page again with the message of a refusal.
func (h *Handler) fahrplanDone(c *gin.Context, cc processContext, err error) {
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderFahrplan(c, http.StatusUnprocessableEntity, cc, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffFahrplan", cc)+"?gespeichert=1")
}
