package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// maxSelection bounds one bulk action.
const maxSelection = 500

// formIDs reads the positive ids posted under name; ok is false when one
// is not a number or there are too many.
func formIDs(values []string) ([]int64, bool) {
	if len(values) > maxSelection {
		return nil, false
	}
	ids := make([]int64, 0, len(values))
	for _, v := range values {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}

// distinct returns ids without repetitions, in their first order.
func distinct(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// curationBulk applies one action to the contributions selected on the
// board: file under a theme, merge into the chosen main contribution,
// decide with a public answer, or create a measure from them.
func (h *Handler) curationBulk(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok || !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	ids, ok := formIDs(form["id"])
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	if len(ids) == 0 {
		h.renderCurationBoard(c, http.StatusUnprocessableEntity, "curation.error.none_selected")
		return
	}
	ctx := c.Request.Context()
	actor, municipalityID := staffOf(c).Actor(), cc.Municipality.ID
	var err error
	switch form.Get("action") {
	case "theme":
		theme := strings.TrimSpace(form.Get("theme"))
		if key := domain.ValidateLongText(theme, domain.MaxTheme); key != "" {
			h.renderCurationBoard(c, http.StatusUnprocessableEntity, key)
			return
		}
		err = h.Store.SetTheme(ctx, actor, municipalityID, cc.Process.ID, ids, theme)
	case "merge":
		survivor, perr := strconv.ParseInt(form.Get("survivor"), 10, 64)
		if perr != nil || survivor <= 0 {
			h.renderCurationBoard(c, http.StatusUnprocessableEntity, "curation.error.survivor_missing")
			return
		}
		err = h.Store.Merge(ctx, actor, municipalityID, cc.Process.ID, survivor, ids)
	case "decide":
		d := domain.Decision{Status: form.Get("decision"), Answer: strings.TrimSpace(form.Get("answer"))}
		if key := d.Validate(); key != "" {
			h.renderCurationBoard(c, http.StatusUnprocessableEntity, key)
			return
		}
		err = h.Store.Decide(ctx, actor, municipalityID, cc.Process.ID, ids, d)
	case "measure":
		q := url.Values{}
		for _, id := range ids {
			q.Add("beitrag", strconv.FormatInt(id, 10))
		}
		c.Redirect(http.StatusSeeOther, cc.StaffBase+"/konzept/massnahmen/neu?"+q.Encode())
		return
	default:
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	if err != nil {
		if code := domain.ErrorCode(err); code == domain.CodeConflict || code == domain.CodeBadRequest {
			h.renderCurationBoard(c, statusFor(code), domain.ErrorMessageKey(err))
			return
		}
		h.fail(c, err)
		return
	}
	back := url.Values{"erledigt": {form.Get("action")}}
	c.Redirect(http.StatusSeeOther, cc.StaffBase+"/kuratierung?"+back.Encode())
}
