package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopGroupField ties a working group to an action field: its
// cards take it, at the close they become contributions of that field.
func (h *Handler) staffWorkshopGroupField(c *gin.Context) {
	h.workshopFieldChange(c, "group", func(w domain.Workshop, id int64, field *int64) error {
		return h.App.SetGroupField(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, w, id, field)
	})
}

// staffWorkshopClusterField gives every card of a cluster an action field.
func (h *Handler) staffWorkshopClusterField(c *gin.Context) {
	h.workshopFieldChange(c, "cluster", func(w domain.Workshop, id int64, field *int64) error {
		return h.App.SetClusterField(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, w, id, field)
	})
}

// workshopFieldChange decodes the posted field ("": none) and changes the
// :param object with it (see workshopObjectChange).
func (h *Handler) workshopFieldChange(c *gin.Context, param string, change func(w domain.Workshop, id int64, field *int64) error) {
	h.workshopObjectChange(c, param, func(w domain.Workshop, id int64) error {
		fieldID, set, err := optionalID(c.Request.PostForm.Get("field"))
		if err != nil {
			return domain.Errorf(domain.CodeInvalid, "workshop.error.field")
		}
		var field *int64
		if set {
			field = &fieldID
		}
		return change(w, id, field)
	})
}

// workshopObjectChange decodes the :param object (a group or cluster) of
// the workshop, runs change and goes back to the console: with the
// reason on it when the change is refused, with "Gespeichert." when done.
func (h *Handler) workshopObjectChange(c *gin.Context, param string, change func(w domain.Workshop, id int64) error) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(c.Param(param), 10, 64)
	if err != nil {
		h.fail(c, domain.ErrNotFound)
		return
	}
	err = change(w, id)
	if code := domain.ErrorCode(err); code == domain.CodeInvalid || code == domain.CodeConflict {
		h.renderConsole(c, statusFor(code), domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshopConsole", municipalityOf(c).Slug, w.ID)+"?gespeichert=1")
}
