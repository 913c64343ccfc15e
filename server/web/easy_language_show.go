package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// easyLanguageShow explains the site in Leichte Sprache, as BITV 2.0 §4
// asks of public bodies: what is here, how to use it, how accessible it
// is. The page is in Leichte Sprache whatever language the reader chose,
// except in English, which has an easy-read version of its own.
func (h *Handler) easyLanguageShow(c *gin.Context) {
	lang := "ls"
	if langOf(c) == "en" {
		lang = "en"
	}
	h.renderPage(c.Writer, c.Request, lang, nil, http.StatusOK, "easy_language", nil)
}
