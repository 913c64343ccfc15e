package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// legalPage is a privacy or accessibility page: the installation admin's
// text when there is one, the catalog's default otherwise.
type legalPage struct {
	Custom string
}

// privacyShow is the privacy notice (Datenschutzerklärung).
func (h *Handler) privacyShow(c *gin.Context) {
	h.showLegalPage(c, "privacy")
}

// accessibilityShow is the accessibility statement that BITV 2.0 requires.
func (h *Handler) accessibilityShow(c *gin.Context) {
	h.showLegalPage(c, "accessibility")
}

func (h *Handler) showLegalPage(c *gin.Context, page string) {
	text, err := h.App.PageText(c.Request.Context(), page, langOf(c))
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, page, legalPage{Custom: text})
}
