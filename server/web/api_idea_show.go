package web

import (
	"fmt"
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
	ctx := c.Request.Context()
	device := h.deviceHash(c, false)
	idea, err := h.Store.IdeaForViewer(ctx, pc.Process.ID, id, device)
	if err != nil {
		h.fail(c, err)
		return
	}
	supported, err := h.Store.SupportedBy(ctx, device, []int64{idea.ID})
	if err != nil {
		h.fail(c, err)
		return
	}
	trail, err := h.Store.IdeaTrail(ctx, idea.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := h.toAPIIdea(pc, idea, supported[idea.ID])
	for _, m := range trail {
		tm := apiTrailMeasure{Number: m.Number(), Title: m.Title, Status: m.Status,
			URL: fmt.Sprintf("%s%s/handlungskonzept/massnahmen/%d", h.Config.BaseURL, pc.BaseURL, m.LineageID)}
		if m.AdoptedOn != nil {
			tm.AdoptedOn = m.AdoptedOn.DecidedOn.Format(time.DateOnly)
		}
		out.Measures = append(out.Measures, tm)
	}
	c.JSON(http.StatusOK, out)
}
