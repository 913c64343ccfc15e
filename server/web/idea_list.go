package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type ideaListPage struct {
	processContext
	Query     domain.IdeaQuery
	Result    domain.IdeaPage
	Field     domain.ActionField // zero unless filtered by field
	Supported map[int64]bool
	ListURL   string
	Here      string     // this page's URL, to come back to after supporting
	Params    url.Values // current filters, for pagination links
	Reported  bool       // the citizen has just reported an idea
}

// ideaList shows the ideas of a process, filtered, searched and paged.
func (h *Handler) ideaList(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	q, err := parseIdeaQuery(c, pc, htmlIdeaParams)
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
	field, _ := pc.field(q.ActionFieldID)
	params := url.Values{}
	for _, k := range []string{htmlIdeaParams.field, htmlIdeaParams.sort, htmlIdeaParams.search} {
		if v := c.Query(k); v != "" {
			params.Set(k, v)
		}
	}
	h.render(c, http.StatusOK, "idea_list", ideaListPage{
		processContext: pc, Query: q, Result: result, Field: field, Supported: supported,
		ListURL: pc.BaseURL + "/ideen", Here: c.Request.URL.RequestURI(), Params: params,
		Reported: c.Query("gemeldet") == "1",
	})
}
