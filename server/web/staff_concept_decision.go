package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// conceptDecision records the council's decision on the version put
// before it. A decision with problems comes back on the page as typed.
func (h *Handler) conceptDecision(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	d := domain.CouncilDecision{VersionID: postedID(c, "version"), Body: strings.TrimSpace(form.Get("body")),
		AgendaItem: strings.TrimSpace(form.Get("agenda_item")), Result: form.Get("result"),
		Amendments: strings.TrimSpace(form.Get("amendments"))}
	if day, err := time.Parse(time.DateOnly, form.Get("decided_on")); err == nil {
		d.DecidedOn = day
	}
	err := h.App.RecordCouncilDecision(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, d)
	var de *domain.Error
	if errors.As(err, &de) && len(de.Fields) > 0 {
		h.renderConceptEdit(c, cc, http.StatusUnprocessableEntity, de.MessageKey, de.Fields, d)
		return
	}
	h.conceptSaved(c, cc, err)
}
