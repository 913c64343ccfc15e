package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffProcessCreate adds a process to the municipality (admin; see
// app.CreateProcess) and opens its settings; invalid settings or a taken
// slug show the municipality's page with the form again.
func (h *Handler) staffProcessCreate(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	m := municipalityOf(c)
	form := c.Request.PostForm
	p := domain.Process{
		MunicipalityID: m.ID,
		Slug:           form.Get("slug"),
		Title:          form.Get("title"),
		Description:    form.Get("description"),
		Moderation:     form.Get("moderation"),
	}
	created, err := h.App.CreateProcess(c.Request.Context(), staffOf(c).Actor(), p)
	switch domain.ErrorCode(err) {
	case domain.CodeInvalid:
		h.renderMunicipalityAdmin(c, http.StatusUnprocessableEntity, created, domain.ErrorMessageKey(err))
		return
	case domain.CodeConflict:
		h.renderMunicipalityAdmin(c, http.StatusConflict, created, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffProcess", m.Slug, created.Slug))
}
