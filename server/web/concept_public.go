package web

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// publicConcept loads the public version asked for (?version=N) or the
// newest public one, with the list of public versions; concept is nil when
// the process has none yet. On failure it has answered the request.
func (h *Handler) publicConcept(c *gin.Context, pc processContext) (*domain.Concept, []domain.ConceptVersion, bool) {
	view, err := h.App.PublicConcept(c.Request.Context(), pc.ProcessScope, versionAsked(c))
	if err != nil {
		h.fail(c, err)
		return nil, nil, false
	}
	return view.Concept, view.Versions, true
}

// versionAsked is the number of ?version=N: app.NewestVersion without
// one, and -1, which no version has, for anything but a positive number.
func versionAsked(c *gin.Context) int {
	raw := c.Query("version")
	if raw == "" {
		return app.NewestVersion
	}
	number, err := strconv.Atoi(raw)
	if err != nil || number <= 0 {
		return -1
	}
	return number
}
