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
	pc, q, list, ok := h.ideasAsked(c, htmlIdeaParams)
	if !ok {
		return
	}
	field, _ := pc.Field(q.ActionFieldID)
	params := url.Values{}
	for _, k := range []string{htmlIdeaParams.field, htmlIdeaParams.sort, htmlIdeaParams.search} {
		if v := c.Query(k); v != "" {
			params.Set(k, v)
		}
	}
	h.render(c, http.StatusOK, "idea_list", ideaListPage{
		processContext: pc, Query: q, Result: list.IdeaPage, Field: field, Supported: list.Supported,
		ListURL: h.path("ideaList", pc), Here: c.Request.URL.RequestURI(), Params: params,
		Reported: c.Query("gemeldet") == "1",
	})
}
