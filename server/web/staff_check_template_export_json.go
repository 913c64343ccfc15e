package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/checktemplate"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// staffCheckTemplateExportJSON downloads a template in the JSON form the
// import reads (checktemplate.File).
func (h *Handler) staffCheckTemplateExportJSON(c *gin.Context) {
	in, ok := h.loadCheckTemplate(c)
	if !ok {
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="vorlage-%s.json"`, in.Slug))
	c.JSON(http.StatusOK, checktemplate.ToFile(in))
}

// loadCheckTemplate loads the template the :template parameter names; on
// failure it has already answered.
func (h *Handler) loadCheckTemplate(c *gin.Context) (store.CheckTemplateInput, bool) {
	id, err := strconv.ParseInt(c.Param("template"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(c, domain.ErrNotFound)
		return store.CheckTemplateInput{}, false
	}
	in, err := h.App.CheckTemplateContent(c.Request.Context(), id)
	if err != nil {
		h.fail(c, err)
		return in, false
	}
	return in, true
}
