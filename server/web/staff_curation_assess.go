package web

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// curationAssess stores the assessment of one contribution (importance,
// feasibility, note).
func (h *Handler) curationAssess(c *gin.Context) {
	cc, item, ok := h.loadCurationItem(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	importance, ierr := strconv.Atoi(form.Get("importance"))
	feasibility, ferr := strconv.Atoi(form.Get("feasibility"))
	if ierr != nil || ferr != nil {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	as := domain.Assessment{Importance: importance, Feasibility: feasibility, Note: form.Get("note")}
	err := h.App.AssessContribution(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, item.ID, as)
	h.curationItemDone(c, cc, item, err)
}
