package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type publicDiffPage struct {
	processContext
	From, To domain.ConceptVersion
	Changes  []domain.ConceptChange
}

// conceptDiffPublic shows citizens what a Fortschreibung changed, between
// two versions they may read (from "vorgelegt" on).
func (h *Handler) conceptDiffPublic(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	from, to, ok := h.versionsToCompare(c, pc.Process.ID, domain.ConceptVersion.Public)
	if !ok {
		return
	}
	h.render(c, http.StatusOK, "concept_diff", publicDiffPage{processContext: pc,
		From: from.Version, To: to.Version, Changes: domain.DiffConcepts(from, to)})
}
