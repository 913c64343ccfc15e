package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopControl runs the workshop: open it, move between phases,
// open and close voting, show or hide tallies, run the timer, close it.
// A step the workshop's state does not allow answers 409 on the console.
func (h *Handler) staffWorkshopControl(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	m := municipalityOf(c)
	minutes, _ := strconv.Atoi(c.Request.PostForm.Get("minutes"))
	control := domain.Control{Action: c.Request.PostForm.Get("action"), Minutes: minutes}
	if control.Action == domain.ControlClose && w.State == domain.WorkshopLive && !h.confirmed(c, h.path("staffWorkshopConsole", m.Slug, w.ID),
		"workshop.close_confirm.title", "workshop.close_confirm.text", "workshop.close", w.Title) {
		return
	}
	updated, err := h.App.ControlWorkshop(c.Request.Context(), staffOf(c).Actor(), m.ID, w, control)
	if domain.ErrorCode(err) == domain.CodeConflict {
		h.renderConsole(c, http.StatusConflict, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	if updated.State == domain.WorkshopClosed {
		c.Redirect(http.StatusSeeOther, h.path("staffWorkshopDoc", m.Slug, w.ID))
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshopConsole", m.Slug, w.ID))
}
