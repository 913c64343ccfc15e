package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
)

type conceptDiffPage struct {
	processContext
	app.ConceptComparison
}

// conceptDiff shows the project group what changed between two versions
// (?von=1&zu=2), drafts included.
func (h *Handler) conceptDiff(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	from, to := versionsCompared(c)
	diff, err := h.App.CompareConcepts(c.Request.Context(), cc.ProcessScope, from, to, app.AnyVersion)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "staff_concept_diff", conceptDiffPage{processContext: cc, ConceptComparison: diff})
}
