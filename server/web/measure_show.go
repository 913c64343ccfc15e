package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type measurePage struct {
	processContext
	Concept  *domain.Concept
	Entry    domain.MeasureEntry
	Field    domain.ActionField
	Goal     domain.ObjectiveSection
	Adoption *domain.CouncilDecision
	State    *domain.MeasureState // reports and occurrences, once adopted
}

// measureShow is a measure's public page, addressed by its lineage so the
// link stays valid across versions: what it is, where it stands, and the
// ideas it came from with their supports and dots.
func (h *Handler) measureShow(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	lineage, err := strconv.ParseInt(c.Param("measure"), 10, 64)
	if err != nil || lineage <= 0 {
		h.fail(c, domain.ErrNotFound)
		return
	}
	concept, _, ok := h.publicConcept(c, pc)
	if !ok {
		return
	}
	if concept == nil {
		h.fail(c, domain.ErrNotFound)
		return
	}
	for _, f := range concept.Tree() {
		for _, o := range f.Objectives {
			for _, e := range o.Measures {
				if e.Measure.LineageID != lineage {
					continue
				}
				page := measurePage{processContext: pc, Concept: concept, Entry: e, Field: f.Field, Goal: o}
				if d, adopted := concept.Adoption(); adopted {
					page.Adoption = &d
				}
				if concept.Version.Status == domain.ConceptAdopted {
					// Only adopted measures are implemented and reported on.
					hist, err := h.App.LineageHistory(c.Request.Context(), pc.Process.ID)
					if err != nil {
						h.fail(c, err)
						return
					}
					state := hist.State(e, f.Field, time.Now().UTC())
					page.State = &state
				}
				h.render(c, http.StatusOK, "measure_show", page)
				return
			}
		}
	}
	h.fail(c, domain.ErrNotFound)
}

// historyView is what the measure-history template shows; only staff
// pages name who reported.
type historyView struct {
	State       domain.MeasureState
	ShowAuthors bool
}

// History is the public history: without the names of staff members.
func (p measurePage) History() historyView {
	if p.State == nil {
		return historyView{}
	}
	return historyView{State: *p.State}
}
