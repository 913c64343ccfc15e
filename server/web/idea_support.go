package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// ideaSupport sets or withdraws the device's support (form field support=1
// or 0; an explicit state, so a double tap cannot undo itself) and returns
// the citizen to the page they came from.
func (h *Handler) ideaSupport(c *gin.Context) {
	pc, id, ok := h.loadIdeaRoute(c)
	if !ok {
		return
	}
	if !h.parseForm(c) {
		return
	}
	on, err := supportState(c.Request.PostForm.Get("support"))
	if err != nil {
		h.fail(c, err)
		return
	}
	if _, err := h.App.SetSupport(c.Request.Context(), pc.ProcessScope, id, on, h.citizen(c, true)); err != nil {
		h.fail(c, err)
		return
	}
	back := c.Request.PostForm.Get("back")
	if !strings.HasPrefix(back, h.path("processShow", pc)) || !localPath(back) {
		back = h.path("ideaShow", pc, id)
	}
	c.Redirect(http.StatusSeeOther, back+fmt.Sprintf("#idee-%d", id))
}

func supportState(v string) (bool, error) {
	switch v {
	case "1":
		return true, nil
	case "0":
		return false, nil
	}
	return false, domain.Errorf(domain.CodeBadRequest, "idea.error.support_value")
}
