package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/i18n"
)

type pagesEditPage struct {
	Texts    map[string]string // "privacy/de" → text ("" = default)
	Pages    []string
	Langs    []string
	Saved    bool
	ErrorKey string
}

// staffPages shows the editable legal texts (installation admin).
func (h *Handler) staffPages(c *gin.Context) {
	texts, err := h.App.LegalPageTexts(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "staff_pages", pagesEditPage{Texts: texts, Pages: app.EditableLegalPages, Langs: i18n.Languages,
		Saved: c.Query("gespeichert") == "1"})
}
