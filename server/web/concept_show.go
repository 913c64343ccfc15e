package web

import (
	"net/http"
	"strconv"

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

// publicConcept loads the public version asked for (?version=N) or the
// newest public one; concept is nil when the process has none yet.
func (h *Handler) publicConcept(c *gin.Context, pc processContext) (*domain.Concept, []domain.ConceptVersion, bool) {
	ctx := c.Request.Context()
	all, err := h.Store.ConceptVersions(ctx, pc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return nil, nil, false
	}
	var public []domain.ConceptVersion
	for _, v := range all {
		if v.Public() {
			public = append(public, v)
		}
	}
	if len(public) == 0 {
		return nil, nil, true
	}
	chosen := public[0]
	if raw := c.Query("version"); raw != "" {
		number, err := strconv.Atoi(raw)
		found := false
		for _, v := range public {
			if err == nil && v.Number == number {
				chosen, found = v, true
			}
		}
		if !found {
			h.fail(c, domain.ErrNotFound)
			return nil, nil, false
		}
	}
	concept, err := h.Store.Concept(ctx, chosen)
	if err != nil {
		h.fail(c, err)
		return nil, nil, false
	}
	return &concept, public, true
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
	h.render(c, http.StatusOK, "concept", page)
}
