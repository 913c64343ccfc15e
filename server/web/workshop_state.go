package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/live"
)

// workshopState is the state as JSON, for a phone that comes back after a
// gap in the event stream.
func (h *Handler) workshopState(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, live.NewStateEvent(wc.Workshop, nowUTC()))
}
