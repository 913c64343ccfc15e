package web

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/checktemplate"
)

// staffCheckTemplateExportCSV downloads a template as the CSV the import
// reads (checktemplate.CSVColumns), safe to open in a spreadsheet.
func (h *Handler) staffCheckTemplateExportCSV(c *gin.Context) {
	in, ok := h.loadCheckTemplate(c)
	if !ok {
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="vorlage-%s.csv"`, in.Slug))
	c.Data(http.StatusOK, "text/csv; charset=utf-8", spreadsheetCSV(checktemplate.Rows(in)))
}
