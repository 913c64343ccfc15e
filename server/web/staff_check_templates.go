package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/checktemplate"
	"zukunftswerk/server/domain"
)

type checkTemplatesPage struct {
	Templates []domain.CheckTemplate
	Items     map[int64]int
	Problems  []checktemplate.LineError
	Slug      string
	Title     string
	Imported  int64
}

// staffCheckTemplates lists the installation's check templates with their
// downloads and offers to read in another (installation admins).
func (h *Handler) staffCheckTemplates(c *gin.Context) {
	imported, _ := strconv.ParseInt(c.Query("eingelesen"), 10, 64)
	h.renderCheckTemplates(c, http.StatusOK, checkTemplatesPage{Imported: imported})
}

func (h *Handler) renderCheckTemplates(c *gin.Context, status int, page checkTemplatesPage) {
	var err error
	if page.Templates, page.Items, err = h.App.CheckTemplateOverview(c.Request.Context()); err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_check_templates", page)
}
