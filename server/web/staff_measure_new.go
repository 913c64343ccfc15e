package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// measureNew shows the form for a new measure of the draft, with the
// contributions selected on the curation board as its sources. Without a
// draft it changes nothing (it is a GET): it offers to start one, keeping
// the selection, or says why there can be none now.
func (h *Handler) measureNew(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	ids, ok := formIDs(c.QueryArray("beitrag"))
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	objectiveID, _ := strconv.ParseInt(c.Query("ziel"), 10, 64)
	m, v, err := h.App.NewMeasure(c.Request.Context(), cc.ProcessScope, objectiveID)
	if domain.ErrorMessageKey(err) == "concept.error.no_draft" {
		h.offerDraft(c, cc, ids, objectiveID)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	h.renderMeasureForm(c, http.StatusOK, cc, v, m, ids, nil, "")
}

// offerDraft is the page between the board's "Maßnahme anlegen" and a
// concept that has no draft: start the first version or a Fortschreibung
// (the selection travels along), or, while a version lies before the
// council, only the reason.
func (h *Handler) offerDraft(c *gin.Context, cc processContext, ids []int64, objectiveID int64) {
	st, err := h.App.DraftState(c.Request.Context(), cc.ProcessScope)
	if err != nil {
		h.fail(c, err)
		return
	}
	lang := langOf(c)
	page := confirmPage{Title: h.Catalog.Message(lang, "measure.no_draft.title"), Cancel: h.path("conceptEdit", cc)}
	switch {
	case st.Latest == nil:
		page.Message, page.Button = h.Catalog.Message(lang, "measure.no_draft.first"), h.Catalog.Message(lang, "measure.no_draft.start_first")
	case st.CanStart():
		page.Message = h.Catalog.Message(lang, "measure.no_draft.adopted", st.Latest.Number)
		page.Button = h.Catalog.Message(lang, "measure.no_draft.start_revision")
	default:
		page.Message = h.Catalog.Message(lang, "measure.no_draft.before_council", st.Latest.Number)
	}
	page.Action = h.path("measureStartDraft", cc)
	for _, id := range ids {
		page.Fields = append(page.Fields, [2]string{"beitrag", strconv.FormatInt(id, 10)})
	}
	if objectiveID > 0 {
		page.Fields = append(page.Fields, [2]string{"ziel", strconv.FormatInt(objectiveID, 10)})
	}
	status := http.StatusOK
	if !st.CanStart() {
		status = http.StatusConflict
	}
	h.render(c, status, "confirm", page)
}

// measureStartDraft starts the draft a new measure goes into (see
// app.StartDraft) and goes on to the measure form with the selection.
func (h *Handler) measureStartDraft(c *gin.Context) {
	cc, ids, ok := h.postedSources(c)
	if !ok {
		return
	}
	if err := h.App.StartDraft(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope); err != nil {
		h.fail(c, err)
		return
	}
	q := url.Values{}
	for _, id := range ids {
		q.Add("beitrag", strconv.FormatInt(id, 10))
	}
	if z := c.Request.PostForm.Get("ziel"); z != "" {
		q.Set("ziel", z)
	}
	c.Redirect(http.StatusSeeOther, h.path("measureNew", cc)+"?"+q.Encode())
}
