package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type curationBoardPage struct {
	processContext
	Query    store.CurationQuery
	Result   domain.IdeaPage
	Themes   []string
	Statuses []string
	Kinds    []string
	Params   url.Values
	ErrorKey string
	Done     string
}

// curationFilters are the board's query parameters that a page link keeps.
var curationFilters = []string{"feld", "herkunft", "art", "status", "thema", "q", "sortierung"}

// curationBoard lists the process's contributions for the project group.
func (h *Handler) curationBoard(c *gin.Context) {
	h.renderCurationBoard(c, http.StatusOK, "")
}

func (h *Handler) renderCurationBoard(c *gin.Context, status int, errorKey string) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	q, ok := curationQuery(c)
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	board, err := h.App.CurationBoard(c.Request.Context(), cc.ProcessScope, q)
	if err != nil {
		h.fail(c, err)
		return
	}
	params := url.Values{}
	for _, k := range curationFilters {
		if v := c.Query(k); v != "" {
			params.Set(k, v)
		}
	}
	h.render(c, status, "staff_curation", curationBoardPage{processContext: cc, Query: board.Query, Result: board.Result,
		Themes: board.Themes, Kinds: board.Kinds, Statuses: app.CurationStatuses, Params: params, ErrorKey: errorKey, Done: c.Query("erledigt")})
}

// curationQuery reads the board's filters (app.CurationBoard checks their
// values); ok is false when a field or page is not a number.
func curationQuery(c *gin.Context) (store.CurationQuery, bool) {
	q := store.CurationQuery{Origin: c.Query("herkunft"), Kind: c.Query("art"), Status: c.Query("status"),
		Theme: c.Query("thema"), Search: c.Query("q"), Sort: c.Query("sortierung"), Page: 1}
	if v := c.Query("feld"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return q, false
		}
		q.ActionFieldID = id
	}
	if v := c.Query("seite"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return q, false
		}
		q.Page = n
	}
	return q, true
}
