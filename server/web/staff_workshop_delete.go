package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopDelete removes a workshop that was never opened, after
// asking once.
func (h *Handler) staffWorkshopDelete(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	m := municipalityOf(c)
	if !h.confirmed(c, h.path("staffWorkshopConsole", m.Slug, w.ID), "workshop.delete_confirm.title", "workshop.delete_confirm.text", "workshop.delete", w.Title) {
		return
	}
	err := h.App.DeleteWorkshop(c.Request.Context(), staffOf(c).Actor(), m.ID, w)
	if domain.ErrorCode(err) == domain.CodeConflict {
		h.renderConsole(c, http.StatusConflict, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshops", m.Slug))
}
