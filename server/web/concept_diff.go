package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type publicDiffPage struct {
	processContext
	app.ConceptComparison
}

// conceptDiffPublic shows citizens what a Fortschreibung changed, between
// two versions they may read (from "vorgelegt" on).
func (h *Handler) conceptDiffPublic(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	from, to := versionsCompared(c)
	diff, err := h.App.CompareConcepts(c.Request.Context(), pc.ProcessScope, from, to, domain.ConceptVersion.Public)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "concept_diff", publicDiffPage{processContext: pc, ConceptComparison: diff})
}

// versionsCompared reads the version numbers ?von= and ?zu=; anything but
// a number is 0, which CompareConcepts refuses as a bad request.
func versionsCompared(c *gin.Context) (from, to int) {
	number := func(param string) int {
		n, err := strconv.Atoi(c.Query(param))
		if err != nil {
			return 0
		}
		return n
	}
	return number("von"), number("zu")
}
