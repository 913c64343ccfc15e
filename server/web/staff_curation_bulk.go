package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// The board's bulk actions (theme, merge, decide, measure) post to one URL
// and are dispatched in routes.go; these helpers are what they share.

// curationSelection resolves the process and reads the contributions
// selected on the board; on failure it has answered the request.
func (h *Handler) curationSelection(c *gin.Context) (processContext, []int64, bool) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return cc, nil, false
	}
	ids, ok := formIDs(c.Request.PostForm["id"])
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return cc, nil, false
	}
	return cc, ids, true
}

// curationBulkDone answers a bulk action: back to the board saying what
// was done, or the board with the message of a refused action.
func (h *Handler) curationBulkDone(c *gin.Context, cc processContext, err error) {
	code := domain.ErrorCode(err)
	switch {
	case err == nil:
		back := url.Values{"erledigt": {c.Request.PostForm.Get("action")}}
		c.Redirect(http.StatusSeeOther, h.path("curationBoard", cc)+"?"+back.Encode())
	case code == domain.CodeInvalid || code == domain.CodeConflict || code == domain.CodeBadRequest:
		h.renderCurationBoard(c, statusFor(code), domain.ErrorMessageKey(err))
	default:
		h.fail(c, err)
	}
}
