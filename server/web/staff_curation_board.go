package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type curationBoardPage struct {
	curationContext
	Query    store.CurationQuery
	Result   domain.IdeaPage
	Themes   []string
	Statuses []string
	Params   url.Values
	ErrorKey string
	Done     string
}

// curationStatuses are the statuses the board filters by.
var curationStatuses = []string{domain.StatusSubmitted, domain.StatusTaken, domain.StatusDeferred, domain.StatusDeclined, domain.StatusMerged}

const curationPerPage = 50

// curationBoard lists the process's contributions for the project group.
func (h *Handler) curationBoard(c *gin.Context) {
	h.renderCurationBoard(c, http.StatusOK, "")
}

func (h *Handler) renderCurationBoard(c *gin.Context, status int, errorKey string) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return
	}
	q, ok := h.curationQuery(c, cc)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	result, err := h.Store.Curation(ctx, q)
	if err != nil {
		h.fail(c, err)
		return
	}
	if !result.Exists() {
		h.fail(c, domain.ErrPageMissing)
		return
	}
	themes, err := h.Store.Themes(ctx, cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	params := url.Values{}
	for _, k := range []string{"feld", "herkunft", "art", "status", "thema", "q", "sortierung"} {
		if v := c.Query(k); v != "" {
			params.Set(k, v)
		}
	}
	h.render(c, status, "staff_curation", curationBoardPage{curationContext: cc, Query: q, Result: result,
		Themes: themes, Statuses: curationStatuses, Params: params, ErrorKey: errorKey, Done: c.Query("erledigt")})
}

// curationQuery reads the board's filters; unknown values are refused.
func (h *Handler) curationQuery(c *gin.Context, cc curationContext) (store.CurationQuery, bool) {
	q := store.CurationQuery{ProcessID: cc.Process.ID, Origin: c.Query("herkunft"), Kind: c.Query("art"),
		Status: c.Query("status"), Theme: c.Query("thema"), Search: c.Query("q"), Sort: c.Query("sortierung"),
		Page: 1, PerPage: curationPerPage}
	bad := false
	if v := c.Query("feld"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		bad = bad || err != nil || !cc.HasField(id)
		q.ActionFieldID = id
	}
	if v := c.Query("seite"); v != "" {
		n, err := strconv.Atoi(v)
		bad = bad || err != nil || n < 1 || n > 100000
		q.Page = n
	}
	bad = bad || (q.Origin != "" && q.Origin != "online" && q.Origin != "workshop")
	bad = bad || (q.Status != "" && !slices.Contains(curationStatuses, q.Status))
	bad = bad || (q.Sort != "" && q.Sort != store.CurationSortNewest && q.Sort != store.CurationSortSupport && q.Sort != store.CurationSortDots)
	bad = bad || domain.ValidateLongText(q.Search, domain.MaxSearchTerm) != "" || domain.ValidateLongText(q.Theme, domain.MaxTheme) != "" ||
		domain.ValidateLongText(q.Kind, 40) != ""
	if bad {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return q, false
	}
	return q, true
}
