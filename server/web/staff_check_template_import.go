package web

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/checktemplate"
	"zukunftswerk/server/domain"
)

// staffCheckTemplateImport reads a template from an uploaded JSON or CSV
// file and stores it; a file with problems stores nothing and the page
// lists them by line.
func (h *Handler) staffCheckTemplateImport(c *gin.Context) {
	// The body is capped in front (MAX_BODY_BYTES); the parts stay in
	// memory up to that.
	if err := c.Request.ParseMultipartForm(h.Config.MaxBodyBytes); err != nil {
		h.fail(c, bodyError(err))
		return
	}
	page := checkTemplatesPage{Slug: strings.TrimSpace(c.Request.FormValue("slug")), Title: strings.TrimSpace(c.Request.FormValue("title"))}
	file, _, err := c.Request.FormFile("file")
	if err != nil {
		page.Problems = []checktemplate.LineError{{Key: "check.import.no_file"}}
		h.renderCheckTemplates(c, http.StatusUnprocessableEntity, page)
		return
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		h.fail(c, bodyError(err))
		return
	}
	id, problems, err := h.App.ImportCheckTemplate(c.Request.Context(), staffOf(c).Actor(), data, page.Slug, page.Title)
	if domain.ErrorCode(err) == domain.CodeConflict {
		problems, err = []checktemplate.LineError{{Key: domain.ErrorMessageKey(err)}}, nil
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	if len(problems) > 0 {
		page.Problems = problems
		h.renderCheckTemplates(c, http.StatusUnprocessableEntity, page)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffCheckTemplates")+"?eingelesen="+strconv.FormatInt(id, 10))
}
