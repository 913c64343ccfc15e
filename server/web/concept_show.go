package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type conceptPage struct {
	processContext
	Versions []domain.ConceptVersion // public ones, newest first
	Concept  *domain.Concept
	Tree     []domain.FieldSection
	Adoption *domain.CouncilDecision
}

// conceptShow is the Handlungskonzept as citizens read it (and print it).
func (h *Handler) conceptShow(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	concept, versions, ok := h.publicConcept(c, pc)
	if !ok {
		return
	}
	page := conceptPage{processContext: pc, Versions: versions, Concept: concept}
	if concept != nil {
		page.Tree = concept.Tree()
		if d, adopted := concept.Adoption(); adopted {
			page.Adoption = &d
		}
	}
	// Everything the page shows is in page: a public version is frozen,
	// and its measures' reports are part of the concept loaded.
	h.renderVersioned(c, "concept", page)
}
