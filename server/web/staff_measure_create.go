package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// measureCreate stores a new measure of the draft with its sources.
func (h *Handler) measureCreate(c *gin.Context) {
	cc, ids, ok := h.postedSources(c)
	if !ok {
		return
	}
	m, v, err := h.App.CreateMeasure(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, measureFromForm(c, domain.Measure{}), ids)
	if err == nil {
		c.Redirect(http.StatusSeeOther, h.path("measureEdit", cc, m.ID)+"?gespeichert=1")
		return
	}
	var de *domain.Error
	code := domain.ErrorCode(err)
	switch {
	case v.ID == 0:
		// No draft to put the measure in: no form to show again.
		h.fail(c, err)
	case errors.As(err, &de) && len(de.Fields) > 0:
		h.renderMeasureForm(c, http.StatusUnprocessableEntity, cc, v, m, ids, de.Fields, de.MessageKey)
	case code == domain.CodeConflict || code == domain.CodeInvalid:
		h.renderMeasureForm(c, statusFor(code), cc, v, m, ids, nil, domain.ErrorMessageKey(err))
	default:
		h.fail(c, err)
	}
}

// postedSources resolves the process and reads the posted form with the
// contributions a new measure comes from (field "beitrag"); on failure it
// has answered the request.
func (h *Handler) postedSources(c *gin.Context) (processContext, []int64, bool) {
	cc, ok := h.loadStaffProcess(c)
	if !ok || !h.parseForm(c) {
		return cc, nil, false
	}
	ids, ok := formIDs(c.Request.PostForm["beitrag"])
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return cc, nil, false
	}
	return cc, ids, true
}
