package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type conceptEditPage struct {
	curationContext
	Versions []domain.ConceptVersion
	Concept  *domain.Concept
	Tree     []domain.FieldSection
	Next     string
	Results  []string
	Decision domain.CouncilDecision
	Problems []domain.FieldError
	ErrorKey string
	Saved    bool
}

// conceptEdit shows the newest version of the Handlungskonzept: editable
// while it is a draft, with the workflow and the council decision.
func (h *Handler) conceptEdit(c *gin.Context) {
	h.renderConceptEdit(c, http.StatusOK, "", nil, domain.CouncilDecision{})
}

func (h *Handler) renderConceptEdit(c *gin.Context, status int, errorKey string, problems []domain.FieldError, decision domain.CouncilDecision) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	versions, err := h.Store.ConceptVersions(ctx, cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := conceptEditPage{curationContext: cc, Versions: versions, Results: domain.CouncilResults,
		Decision: decision, Problems: problems, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1"}
	if len(versions) > 0 {
		concept, err := h.Store.Concept(ctx, versions[0])
		if err != nil {
			h.fail(c, err)
			return
		}
		page.Concept, page.Tree, page.Next = &concept, concept.Tree(), domain.NextConceptStatus(concept.Version.Status)
	}
	h.render(c, status, "staff_concept", page)
}

// conceptVersionOf finds the posted version among the process's versions.
func conceptVersionOf(versions []domain.ConceptVersion, raw string) (domain.ConceptVersion, bool) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return domain.ConceptVersion{}, false
	}
	for _, v := range versions {
		if v.ID == id {
			return v, true
		}
	}
	return domain.ConceptVersion{}, false
}
