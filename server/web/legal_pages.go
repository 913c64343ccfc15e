package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// privacyShow is the privacy notice (Datenschutzerklärung). The text comes
// from the message catalog; making it editable per installation is part of
// the admin work of issue 3.
func (h *Handler) privacyShow(c *gin.Context) {
	h.render(c, http.StatusOK, "privacy", nil)
}

// accessibilityShow is the accessibility statement that BITV 2.0 requires.
func (h *Handler) accessibilityShow(c *gin.Context) {
	h.render(c, http.StatusOK, "accessibility", nil)
}
