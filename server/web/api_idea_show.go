package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// apiIdeaShow returns one idea.
func (h *Handler) apiIdeaShow(c *gin.Context) {
	pc, id, ok := h.loadIdeaRoute(c)
	if !ok {
		return
	}
	view, err := h.App.Idea(c.Request.Context(), pc.ProcessScope, id, h.deviceHash(c, false))
	if err != nil {
		h.fail(c, err)
		return
	}
	out := h.toAPIIdea(pc, view.Idea, view.Supported)
	for _, m := range view.Trail {
		tm := apiTrailMeasure{Number: m.Number(), Title: m.Title, Status: m.Status,
			URL: h.Config.BaseURL + h.path("measureShow", pc, m.LineageID)}
		if m.AdoptedOn != nil {
			tm.AdoptedOn = m.AdoptedOn.DecidedOn.Format(time.DateOnly)
		}
		out.Measures = append(out.Measures, tm)
	}
	c.JSON(http.StatusOK, out)
}
