package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type processPage struct {
	processContext
	Milestones []domain.Milestone
	Latest     []domain.Contribution
	IdeaCount  int
}

// processShow is the start page of a process: motto, action fields,
// Fahrplan and the latest ideas.
func (h *Handler) processShow(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	milestones, err := h.fahrplan(ctx, pc, langOf(c), time.Now())
	if err != nil {
		h.fail(c, err)
		return
	}
	latest, err := h.App.LatestIdeas(ctx, pc.Process.ID, 3)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "process", processPage{
		processContext: pc, Milestones: milestones, Latest: latest.Ideas, IdeaCount: latest.Total,
	})
}
