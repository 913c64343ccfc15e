package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// apiIdeaList returns one page of ideas: ?action_field, sort (neu |
// unterstuetzt), q, page.
func (h *Handler) apiIdeaList(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	q, err := parseIdeaQuery(c, pc, apiIdeaParams)
	if err != nil {
		h.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	result, err := h.Store.Ideas(ctx, q)
	if err != nil {
		h.fail(c, err)
		return
	}
	if !result.Exists() {
		h.fail(c, domain.ErrPageMissing)
		return
	}
	ids := make([]int64, len(result.Ideas))
	for i, idea := range result.Ideas {
		ids[i] = idea.ID
	}
	supported, err := h.Store.SupportedBy(ctx, h.deviceHash(c, false), ids)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := apiIdeaList{Ideas: make([]apiIdea, 0, len(result.Ideas)), Total: result.Total, Page: result.Page,
		PerPage: result.PerPage, TotalPages: result.TotalPages}
	for _, idea := range result.Ideas {
		out.Ideas = append(out.Ideas, h.toAPIIdea(pc, idea, supported[idea.ID]))
	}
	c.JSON(http.StatusOK, out)
}
