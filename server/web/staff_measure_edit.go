package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

func (h *Handler) loadMeasure(c *gin.Context) (curationContext, domain.Measure, domain.ConceptVersion, bool) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return cc, domain.Measure{}, domain.ConceptVersion{}, false
	}
	id, err := strconv.ParseInt(c.Param("measure"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(c, domain.ErrNotFound)
		return cc, domain.Measure{}, domain.ConceptVersion{}, false
	}
	m, v, err := h.Store.Measure(c.Request.Context(), cc.Process.ID, id)
	if err != nil {
		h.fail(c, err)
		return cc, m, v, false
	}
	return cc, m, v, true
}

// measureEdit shows a measure: a form while its version is a draft, the
// frozen record otherwise.
func (h *Handler) measureEdit(c *gin.Context) {
	cc, m, v, ok := h.loadMeasure(c)
	if !ok {
		return
	}
	h.renderMeasureForm(c, http.StatusOK, cc, v, m, nil, nil, "")
}

// measureUpdate saves or deletes a measure of the draft, or links and
// unlinks contributions.
func (h *Handler) measureUpdate(c *gin.Context) {
	cc, m, v, ok := h.loadMeasure(c)
	if !ok || !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	ctx := c.Request.Context()
	actor, municipalityID, processID := staffOf(c).Actor(), cc.Municipality.ID, cc.Process.ID
	back := cc.StaffBase + "/konzept/massnahmen/" + strconv.FormatInt(m.ID, 10) + "?gespeichert=1"
	var err error
	switch form.Get("action") {
	case "save":
		changed := measureFromForm(c, m)
		if problems := changed.Validate(); len(problems) > 0 {
			h.renderMeasureForm(c, http.StatusUnprocessableEntity, cc, v, changed, nil, problems, "error.validation")
			return
		}
		_, err = h.Store.SaveMeasure(ctx, actor, municipalityID, processID, changed, nil)
	case "delete":
		err = h.Store.DeleteMeasure(ctx, actor, municipalityID, processID, v.ID, m.ID)
		back = cc.StaffBase + "/konzept?gespeichert=1"
	case "link":
		id, perr := strconv.ParseInt(form.Get("contribution"), 10, 64)
		if perr != nil || id <= 0 {
			h.renderMeasureForm(c, http.StatusUnprocessableEntity, cc, v, m, nil, nil, "concept.error.contribution_number")
			return
		}
		err = h.Store.LinkSources(ctx, actor, municipalityID, processID, v.ID, m.ID, []int64{id})
	case "unlink":
		id, perr := strconv.ParseInt(form.Get("contribution"), 10, 64)
		if perr != nil || id <= 0 {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		err = h.Store.UnlinkSource(ctx, actor, municipalityID, processID, v.ID, m.ID, id)
	default:
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	if err != nil {
		code := domain.ErrorCode(err)
		if code == domain.CodeConflict || code == domain.CodeInvalid || code == domain.CodeNotFound {
			h.renderMeasureForm(c, statusFor(code), cc, v, m, nil, nil, domain.ErrorMessageKey(err))
			return
		}
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, back)
}
