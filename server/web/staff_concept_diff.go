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
	ctx := c.Request.Context()
	var concepts [2]domain.Concept
	for i, param := range []string{"von", "zu"} {
		number, err := strconv.Atoi(c.Query(param))
		if err != nil || number <= 0 {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		v, err := h.Store.ConceptVersion(ctx, cc.Process.ID, number)
		if err != nil {
			h.fail(c, err)
			return
		}
		if concepts[i], err = h.Store.Concept(ctx, v); err != nil {
			h.fail(c, err)
			return
		}
	}
	h.render(c, http.StatusOK, "staff_concept_diff", conceptDiffPage{curationContext: cc,
		From: concepts[0].Version, To: concepts[1].Version, Changes: domain.DiffConcepts(concepts[0], concepts[1])})
}
