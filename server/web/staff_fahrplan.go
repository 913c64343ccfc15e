package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type fahrplanPage struct {
	curationContext
	Entries  []domain.Milestone
	ErrorKey string
	Saved    bool
}

// staffFahrplan lists the Fahrplan with a form per entry (workshops and
// council decisions come in automatically and are not edited here).
func (h *Handler) staffFahrplan(c *gin.Context) {
	h.renderFahrplan(c, http.StatusOK, "")
}

func (h *Handler) renderFahrplan(c *gin.Context, status int, errorKey string) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return
	}
	entries, err := h.fahrplan(c.Request.Context(), cc.processContext, langOf(c), time.Now())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_fahrplan", fahrplanPage{curationContext: cc, Entries: entries, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1"})
}

// staffFahrplanSave adds (:milestone "neu"), changes or deletes an entry.
func (h *Handler) staffFahrplanSave(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok || !h.parseForm(c) {
		return
	}
	ctx := c.Request.Context()
	actor := staffOf(c).Actor()
	form := c.Request.PostForm
	var err error
	if c.Param("milestone") == "neu" {
		m, key := milestoneFromForm(form, domain.Milestone{ProcessID: cc.Process.ID, Kind: "event"})
		if key != "" {
			h.renderFahrplan(c, http.StatusUnprocessableEntity, key)
			return
		}
		err = h.Store.AddMilestone(ctx, actor, cc.Municipality.ID, m)
	} else {
		id, perr := strconv.ParseInt(c.Param("milestone"), 10, 64)
		if perr != nil || id <= 0 {
			h.fail(c, domain.ErrNotFound)
			return
		}
		switch form.Get("action") {
		case "save":
			m, key := milestoneFromForm(form, domain.Milestone{ID: id, ProcessID: cc.Process.ID})
			if key != "" {
				h.renderFahrplan(c, http.StatusUnprocessableEntity, key)
				return
			}
			err = h.Store.UpdateMilestone(ctx, actor, cc.Municipality.ID, m)
		case "delete":
			err = h.Store.DeleteMilestone(ctx, actor, cc.Municipality.ID, cc.Process.ID, id)
		default:
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, cc.StaffBase+"/fahrplan?gespeichert=1")
}
