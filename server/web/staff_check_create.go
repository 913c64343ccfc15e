package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffCheckCreate starts a round of the check and opens it.
func (h *Handler) staffCheckCreate(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok || !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	r := domain.CheckRound{Title: strings.TrimSpace(form.Get("title"))}
	r.HeldOn, _ = time.Parse(time.DateOnly, form.Get("held_on"))
	r.TemplateID, _ = strconv.ParseInt(form.Get("template"), 10, 64)
	if previous, err := strconv.ParseInt(form.Get("previous"), 10, 64); err == nil && previous > 0 {
		r.PreviousID = &previous
	}
	r, err := h.App.CreateCheckRound(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, r)
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderChecks(c, http.StatusUnprocessableEntity, cc, r, fieldProblems(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffCheckRound", cc, r.ID))
}
