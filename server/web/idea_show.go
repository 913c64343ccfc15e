package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type ideaPage struct {
	processContext
	Idea      domain.Contribution
	Field     domain.ActionField
	Supported bool
	Submitted bool
}

// ideaShow is the idea's own page.
func (h *Handler) ideaShow(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	id, err := ideaID(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	idea, err := h.Store.Idea(ctx, pc.Process.ID, id)
	if err != nil {
		h.fail(c, err)
		return
	}
	supported, err := h.Store.SupportedBy(ctx, h.deviceHash(c, false), []int64{idea.ID})
	if err != nil {
		h.fail(c, err)
		return
	}
	field, _ := pc.field(idea.ActionFieldID)
	h.render(c, http.StatusOK, "idea_show", ideaPage{
		processContext: pc, Idea: idea, Field: field, Supported: supported[idea.ID],
		Submitted: c.Query("eingereicht") == "1",
	})
}
