package web

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// conceptObjectiveSave changes the title and description of an objective
// of the draft.
func (h *Handler) conceptObjectiveSave(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	o := objectiveFromForm(c)
	o.ID = postedID(c, "objective")
	err := h.App.SaveObjective(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, o)
	h.conceptSaved(c, cc, err)
}

// objectiveFromForm reads an objective's version, action field, title and
// description from the posted form.
func objectiveFromForm(c *gin.Context) domain.Objective {
	form := c.Request.PostForm
	o := domain.Objective{VersionID: postedID(c, "version"),
		Title: strings.TrimSpace(form.Get("title")), Description: strings.TrimSpace(form.Get("description"))}
	o.ActionFieldID, _ = strconv.ParseInt(form.Get("field"), 10, 64)
	return o
}
