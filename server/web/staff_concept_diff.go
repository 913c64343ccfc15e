package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type conceptDiffPage struct {
	curationContext
	From, To domain.ConceptVersion
	Changes  []domain.ConceptChange
}

// conceptDiff shows what changed between two versions (?von=1&zu=2).
func (h *Handler) conceptDiff(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return
	}
	from, to, ok := h.versionsToCompare(c, cc.Process.ID, func(domain.ConceptVersion) bool { return true })
	if !ok {
		return
	}
	h.render(c, http.StatusOK, "staff_concept_diff", conceptDiffPage{curationContext: cc,
		From: from.Version, To: to.Version, Changes: domain.DiffConcepts(from, to)})
}

// versionsToCompare loads the versions ?von= and ?zu= of the process that
// visible allows; on failure it has answered the request.
func (h *Handler) versionsToCompare(c *gin.Context, processID int64, visible func(domain.ConceptVersion) bool) (domain.Concept, domain.Concept, bool) {
	ctx := c.Request.Context()
	var concepts [2]domain.Concept
	for i, param := range []string{"von", "zu"} {
		number, err := strconv.Atoi(c.Query(param))
		if err != nil || number <= 0 {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return concepts[0], concepts[1], false
		}
		v, err := h.Store.ConceptVersion(ctx, processID, number)
		if err == nil && !visible(v) {
			err = domain.ErrNotFound
		}
		if err != nil {
			h.fail(c, err)
			return concepts[0], concepts[1], false
		}
		if concepts[i], err = h.Store.Concept(ctx, v); err != nil {
			h.fail(c, err)
			return concepts[0], concepts[1], false
		}
	}
	return concepts[0], concepts[1], true
}
