package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiProcessShow returns a process with its municipality.
func (h *Handler) apiProcessShow(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	p := pc.Process
	c.JSON(http.StatusOK, apiProcess{
		Municipality: pc.Municipality, Slug: p.Slug, Title: p.Title, Description: p.Description,
		Cycle: p.Cycle, Status: p.Status, URL: h.Config.BaseURL + h.path("processShow", pc),
	})
}
