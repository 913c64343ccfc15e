package web

import (
	"strconv"
	"unicode/utf8"
	"zukunftswerk/server/app"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

const ideasPerPage = 20

// ideaQueryParams names the query parameters of idea lists, German in the
// HTML pages and English in the API.
type ideaQueryParams struct {
	field, sort, search, page string
}

var (
	htmlIdeaParams = ideaQueryParams{field: "feld", sort: "sortierung", search: "suche", page: "seite"}
	apiIdeaParams  = ideaQueryParams{field: "action_field", sort: "sort", search: "q", page: "page"}
)

// parseIdeaQuery validates the filters of an idea list. Unknown values are
// refused with a message rather than silently ignored.
func parseIdeaQuery(c *gin.Context, pc processContext, p ideaQueryParams) (domain.IdeaQuery, error) {
	q := domain.IdeaQuery{ProcessID: pc.Process.ID, Sort: domain.SortNewest, Page: 1, PerPage: ideasPerPage}
	if v := c.Query(p.field); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || !pc.HasField(id) {
			return q, domain.Errorf(domain.CodeBadRequest, "ideas.error.unknown_field")
		}
		q.ActionFieldID = id
	}
	switch v := c.Query(p.sort); v {
	case "", domain.SortNewest:
	case domain.SortSupport:
		q.Sort = domain.SortSupport
	default:
		return q, domain.Errorf(domain.CodeBadRequest, "ideas.error.unknown_sort")
	}
	if v := c.Query(p.page); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100000 {
			return q, domain.Errorf(domain.CodeBadRequest, "ideas.error.bad_page")
		}
		q.Page = n
	}
	q.Search = c.Query(p.search)
	if !utf8.ValidString(q.Search) {
		return q, domain.Errorf(domain.CodeBadRequest, "error.invalid_characters")
	}
	if utf8.RuneCountInString(q.Search) > domain.MaxSearchTerm {
		return q, domain.Errorf(domain.CodeBadRequest, "ideas.error.search_too_long")
	}
	return q, nil
}

// ideasAsked is the page of ideas a request asks for, by the parameter
// names of its kind (the HTML list or the API); on failure it has
// answered the request.
func (h *Handler) ideasAsked(c *gin.Context, params ideaQueryParams) (processContext, domain.IdeaQuery, app.IdeaList, bool) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return pc, domain.IdeaQuery{}, app.IdeaList{}, false
	}
	q, err := parseIdeaQuery(c, pc, params)
	if err != nil {
		h.fail(c, err)
		return pc, q, app.IdeaList{}, false
	}
	list, err := h.App.Ideas(c.Request.Context(), q, h.deviceHash(c, false))
	if err != nil {
		h.fail(c, err)
		return pc, q, list, false
	}
	return pc, q, list, true
}
