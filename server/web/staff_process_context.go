package web

import (
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// curationContext is what every staff page of one process needs: the
// process as its public pages see it, and the base of its staff pages. As
// a pathScope it stands for ":municipality/:process" (staff and public
// routes alike).
type curationContext struct {
	processContext
	StaffBase string // /intern/k/<town>/verfahren/<process>
}

// loadCuration resolves :process within the guarded municipality with its
// action fields; on failure it has answered the request.
func (h *Handler) loadCuration(c *gin.Context) (curationContext, bool) {
	p, err := h.App.ProcessOf(c.Request.Context(), municipalityOf(c), c.Param("process"))
	if err != nil {
		h.fail(c, err)
		return curationContext{}, false
	}
	pc := processContext{ProcessScope: p}
	pc.BaseURL = strings.TrimSuffix(h.path("processShow", pc), "/")
	return curationContext{processContext: pc, StaffBase: strings.TrimSuffix(h.path("staffProcess", pc), "/")}, true
}

// staffProcessLoad resolves :process within the guarded municipality.
func (h *Handler) staffProcessLoad(c *gin.Context) (domain.Process, bool) {
	cc, ok := h.loadCuration(c)
	return cc.Process, ok
}
