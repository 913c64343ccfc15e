package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopCluster names a new cluster in a group's current phase.
func (h *Handler) staffWorkshopCluster(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	m := municipalityOf(c)
	group, _ := strconv.ParseInt(c.Request.PostForm.Get("group"), 10, 64)
	err := h.App.CreateCluster(c.Request.Context(), staffOf(c).Actor(), m.ID, w, group, c.Request.PostForm.Get("title"))
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderConsole(c, http.StatusUnprocessableEntity, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshopConsole", m.Slug, w.ID)+"?gespeichert=1")
}
