package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// measureNew shows the form for a new measure of the draft (created when
// there is none), with the contributions selected on the curation board
// as its sources.
func (h *Handler) measureNew(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	ids, ok := formIDs(c.QueryArray("beitrag"))
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	objectiveID, _ := strconv.ParseInt(c.Query("ziel"), 10, 64)
	m, v, err := h.App.NewMeasure(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, objectiveID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.renderMeasureForm(c, http.StatusOK, cc, v, m, ids, nil, "")
}
