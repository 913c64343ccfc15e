package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
)

// legalPages may be replaced per installation by its admin.
var legalPages = []string{"privacy", "accessibility"}

type pagesEditPage struct {
	Texts    map[string]string // "privacy/de" → text ("" = default)
	Pages    []string
	Langs    []string
	Saved    bool
	ErrorKey string
}

// staffPages shows the editable legal texts (installation admin).
func (h *Handler) staffPages(c *gin.Context) {
	page := pagesEditPage{Texts: map[string]string{}, Pages: legalPages, Langs: i18n.Languages, Saved: c.Query("gespeichert") == "1"}
	for _, p := range legalPages {
		for _, lang := range i18n.Languages {
			text, err := h.Store.PageText(c.Request.Context(), p, lang)
			if err != nil {
				h.fail(c, err)
				return
			}
			page.Texts[p+"/"+lang] = text
		}
	}
	h.render(c, http.StatusOK, "staff_pages", page)
}

// staffPagesSave replaces one legal text; an empty text restores the
// built-in default.
func (h *Handler) staffPagesSave(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	page, lang, body := form.Get("page"), form.Get("lang"), form.Get("body")
	known := false
	for _, p := range legalPages {
		known = known || p == page
	}
	if !known || !i18n.Supported(lang) {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	if key := domain.ValidateLongText(body, 20000); key != "" {
		h.fail(c, domain.Errorf(domain.CodeInvalid, key))
		return
	}
	if err := h.Store.SetPageText(c.Request.Context(), staffOf(c).Actor(), page, lang, body); err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/intern/seiten?gespeichert=1")
}
