package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type implementationPage struct {
	processContext
	Concept *domain.Concept
	States  []domain.MeasureState
}

// staffImplementation lists the adopted measures with where they stand,
// for the administration and the project group.
func (h *Handler) staffImplementation(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	im, err := h.App.Implementation(c.Request.Context(), cc.Process.ID, time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "staff_implementation", implementationPage{processContext: cc, Concept: im.Concept, States: im.States})
}
