package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// measureSave changes a measure of the draft. A measure with problems
// comes back on the form as typed.
func (h *Handler) measureSave(c *gin.Context) {
	cc, m, v, ok := h.loadMeasure(c)
	if !ok {
		return
	}
	changed := measureFromForm(c, m)
	err := h.App.SaveMeasure(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, changed)
	var de *domain.Error
	if errors.As(err, &de) && len(de.Fields) > 0 {
		h.renderMeasureForm(c, http.StatusUnprocessableEntity, cc, v, changed, nil, de.Fields, de.MessageKey)
		return
	}
	h.measureSaved(c, cc, v, m, err, h.path("measureEdit", cc, m.ID)+"?gespeichert=1")
}
