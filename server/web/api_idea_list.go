package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiIdeaList returns one page of ideas: ?action_field, sort (neu |
// unterstuetzt), q, page.
func (h *Handler) apiIdeaList(c *gin.Context) {
	pc, _, list, ok := h.ideasAsked(c, apiIdeaParams)
	if !ok {
		return
	}
	out := apiIdeaList{Ideas: make([]apiIdea, 0, len(list.Ideas)), Total: list.Total, Page: list.Page,
		PerPage: list.PerPage, TotalPages: list.TotalPages}
	for _, idea := range list.Ideas {
		out.Ideas = append(out.Ideas, h.toAPIIdea(pc, idea, list.Supported[idea.ID]))
	}
	c.JSON(http.StatusOK, out)
}
