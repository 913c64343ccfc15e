package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
)

// curationMeasure ("Maßnahme anlegen") opens the form of a new measure
// with the contributions selected on the board.
func (h *Handler) curationMeasure(c *gin.Context) {
	cc, ids, ok := h.curationSelection(c)
	if !ok {
		return
	}
	if err := h.App.MeasureSelection(c.Request.Context(), ids); err != nil {
		h.curationBulkDone(c, cc, err)
		return
	}
	q := url.Values{}
	for _, id := range ids {
		q.Add("beitrag", strconv.FormatInt(id, 10))
	}
	c.Redirect(http.StatusSeeOther, h.path("measureNew", cc)+"?"+q.Encode())
}
