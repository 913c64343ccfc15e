package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/i18n"
)

// legalPage is a privacy or accessibility page: the installation admin's
// text when there is one, the catalog's default otherwise.
type legalPage struct {
	Custom string
	// Unreviewed names the languages nobody who speaks them has checked
	// (the accessibility page says so).
	Unreviewed string
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
	data := legalPage{Custom: text}
	if page == "accessibility" {
		var names []string
		for _, l := range i18n.All() {
			if !i18n.Reviewed[l] {
				names = append(names, h.Catalog.Message(l, "language.name"))
			}
		}
		data.Unreviewed = strings.Join(names, i18n.Comma(langOf(c)))
	}
	h.render(c, http.StatusOK, page, data)
}
