package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type curationItemPage struct {
	curationContext
	Item      domain.Contribution
	Survivor  *domain.Contribution
	Merged    []domain.Contribution
	Trail     []store.TrailMeasure
	Sent      []store.Notification
	Themes    []string
	Decisions []string
	ErrorKey  string
	Saved     bool
}

// curationItem shows one contribution with everything the project group
// can do to it.
func (h *Handler) curationItem(c *gin.Context) {
	h.renderCurationItem(c, http.StatusOK, "")
}

func (h *Handler) loadCurationItem(c *gin.Context) (curationContext, domain.Contribution, bool) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return cc, domain.Contribution{}, false
	}
	id, err := strconv.ParseInt(c.Param("contribution"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(c, domain.ErrNotFound)
		return cc, domain.Contribution{}, false
	}
	item, err := h.Store.Contribution(c.Request.Context(), cc.Process.ID, id)
	if err != nil {
		h.fail(c, err)
		return cc, item, false
	}
	return cc, item, true
}

func (h *Handler) renderCurationItem(c *gin.Context, status int, errorKey string) {
	cc, item, ok := h.loadCurationItem(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	page := curationItemPage{curationContext: cc, Item: item, Decisions: domain.Decisions, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1"}
	var err error
	if item.MergedIntoID != nil {
		survivor, serr := h.Store.Contribution(ctx, cc.Process.ID, *item.MergedIntoID)
		if serr != nil {
			h.fail(c, serr)
			return
		}
		page.Survivor = &survivor
	}
	if page.Merged, err = h.Store.MergedInto(ctx, item.ID); err != nil {
		h.fail(c, err)
		return
	}
	if page.Trail, err = h.Store.IdeaTrail(ctx, item.ID); err != nil {
		h.fail(c, err)
		return
	}
	if page.Sent, err = h.Store.Notifications(ctx, item.ID); err != nil {
		h.fail(c, err)
		return
	}
	if page.Themes, err = h.Store.Themes(ctx, cc.Process.ID); err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_curation_item", page)
}

// curationItemUpdate assesses, decides, files under a theme or undoes a
// merge.
func (h *Handler) curationItemUpdate(c *gin.Context) {
	cc, item, ok := h.loadCurationItem(c)
	if !ok || !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	ctx := c.Request.Context()
	actor, municipalityID := staffOf(c).Actor(), cc.Municipality.ID
	var err error
	switch form.Get("action") {
	case "assess":
		importance, ierr := strconv.Atoi(form.Get("importance"))
		feasibility, ferr := strconv.Atoi(form.Get("feasibility"))
		a := domain.Assessment{Importance: importance, Feasibility: feasibility, Note: strings.TrimSpace(form.Get("note"))}
		if ierr != nil || ferr != nil {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		if key := a.Validate(); key != "" {
			h.renderCurationItem(c, http.StatusUnprocessableEntity, key)
			return
		}
		err = h.Store.Assess(ctx, actor, municipalityID, cc.Process.ID, item.ID, a)
	case "decide":
		d := domain.Decision{Status: form.Get("decision"), Answer: strings.TrimSpace(form.Get("answer"))}
		if key := d.Validate(); key != "" {
			h.renderCurationItem(c, http.StatusUnprocessableEntity, key)
			return
		}
		err = h.Store.Decide(ctx, actor, municipalityID, cc.Process.ID, []int64{item.ID}, d)
	case "theme":
		theme := strings.TrimSpace(form.Get("theme"))
		if key := domain.ValidateLongText(theme, domain.MaxTheme); key != "" {
			h.renderCurationItem(c, http.StatusUnprocessableEntity, key)
			return
		}
		err = h.Store.SetTheme(ctx, actor, municipalityID, cc.Process.ID, []int64{item.ID}, theme)
	case "unmerge":
		merged, perr := strconv.ParseInt(form.Get("merged"), 10, 64)
		if perr != nil || merged <= 0 {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		err = h.Store.Unmerge(ctx, actor, municipalityID, cc.Process.ID, merged)
	default:
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	if err != nil {
		if domain.ErrorCode(err) == domain.CodeConflict {
			h.renderCurationItem(c, http.StatusConflict, domain.ErrorMessageKey(err))
			return
		}
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, cc.StaffBase+"/beitraege/"+strconv.FormatInt(item.ID, 10)+"?gespeichert=1")
}
