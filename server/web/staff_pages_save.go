package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// staffPagesSave replaces one legal text (see app.SaveLegalPageText); an
// empty text restores the built-in default.
func (h *Handler) staffPagesSave(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	err := h.App.SaveLegalPageText(c.Request.Context(), staffOf(c).Actor(), form.Get("page"), form.Get("lang"), form.Get("body"))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffPages")+"?gespeichert=1")
}
