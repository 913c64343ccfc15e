package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type measurePage struct {
	processContext
	app.MeasureView
}

// measureShow is a measure's public page, addressed by its lineage so the
// link stays valid across versions: what it is, where it stands, and the
// ideas it came from with their supports and dots.
func (h *Handler) measureShow(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	lineage, err := strconv.ParseInt(c.Param("measure"), 10, 64)
	if err != nil || lineage <= 0 {
		h.fail(c, domain.ErrNotFound)
		return
	}
	view, err := h.App.PublicMeasure(c.Request.Context(), pc.ProcessScope, lineage, versionAsked(c), time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "measure_show", measurePage{processContext: pc, MeasureView: view})
}

// historyView is what the measure-history template shows; only staff
// pages name who reported.
type historyView struct {
	State       domain.MeasureState
	ShowAuthors bool
}

// History is the public history: without the names of staff members.
func (p measurePage) History() historyView {
	if p.State == nil {
		return historyView{}
	}
	return historyView{State: *p.State}
}
