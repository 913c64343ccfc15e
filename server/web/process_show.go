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
	Earlier    []domain.Milestone // done long ago: folded away above the rest
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
	earlier, recent := foldEarlierSteps(milestones)
	h.render(c, http.StatusOK, "process", processPage{
		processContext: pc, Earlier: earlier, Milestones: recent, Latest: latest.Ideas, IdeaCount: latest.Total,
	})
}

// recentSteps is how many done steps the Fahrplan shows before the ones
// still to come.
const recentSteps = 3

// foldEarlierSteps splits a Fahrplan into the done steps before the last
// few (shown folded, so a process running for years does not fill eleven
// phone screens with "erledigt") and the rest.
func foldEarlierSteps(ms []domain.Milestone) (earlier, rest []domain.Milestone) {
	done := 0
	for done < len(ms) && ms[done].Done {
		done++
	}
	if done <= recentSteps+1 {
		return nil, ms
	}
	return ms[:done-recentSteps], ms[done-recentSteps:]
}
