package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type joinPage struct {
	workshopContext
	Code     string
	Name     string
	Current  int64 // the group of a phone that changes its group
	ErrorKey string
}

// workshopJoin makes this phone a participant of the chosen group.
func (h *Handler) workshopJoin(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	if !h.parseForm(c) {
		return
	}
	name := c.Request.PostForm.Get("name")
	groupID, _ := strconv.ParseInt(c.Request.PostForm.Get("group"), 10, 64)
	err := h.App.JoinWorkshop(c.Request.Context(), wc, groupID, name, h.citizen(c, true))
	if domain.ErrorCode(err) == domain.CodeInvalid && !wantsJSON(c.Request) {
		page := joinPage{workshopContext: wc, Code: wc.Workshop.Code(), Name: strings.TrimSpace(name), ErrorKey: domain.ErrorMessageKey(err)}
		h.render(c, http.StatusUnprocessableEntity, "workshop_join", page)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("workshopParticipant", wc.Workshop.Code()))
}
