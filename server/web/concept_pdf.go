package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/conceptpdf"
	"zukunftswerk/server/domain"
)

// conceptPDF downloads a public version of the concept as a PDF
// (?version=N, the newest public one by default).
func (h *Handler) conceptPDF(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	concept, _, ok := h.publicConcept(c, pc)
	if !ok {
		return
	}
	if concept == nil {
		h.fail(c, domain.ErrNotFound)
		return
	}
	lang := langOf(c)
	// The PDF is made from this data alone: the same data, the same file,
	// laid out once and then kept (versioned.go).
	tag, err := h.contentTag("conceptPDF", lang, pc.ProcessScope, concept)
	if err != nil {
		h.fail(c, err)
		return
	}
	if notModified(c, tag, revalidate) {
		return
	}
	name := fmt.Sprintf("handlungskonzept-%s-v%d.pdf", pc.Process.Slug, concept.Version.Number)
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	if kept, ok := h.renderings.get(tag); ok {
		c.Data(http.StatusOK, "application/pdf", kept.body)
		return
	}
	doc := conceptpdf.Document{Town: pc.Municipality.Name, ProcessTitle: pc.Process.Title, Concept: *concept,
		T:    func(key string, args ...any) string { return h.Catalog.Message(lang, key, args...) },
		Date: func(t time.Time) string { return formatDate(lang, t) }, Generated: time.Now(), Lang: lang}
	pdf, err := conceptpdf.Bytes(doc)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.renderings.put(tag, rendering{body: pdf})
	c.Data(http.StatusOK, "application/pdf", pdf)
}
