package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staticFile serves the embedded static files from memory. Pages link them
// under fingerprinted names (the content's hash in the name): those never
// change, so browsers keep them for a year without asking again. The plain
// name still works for URLs a script builds itself, cached for a day and
// revalidated with the ETag. Text files leave in the zstd or gzip form made
// once at start.
func (h *Handler) staticFile(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("filepath"), "/")
	f, fingerprinted, ok := h.static.lookup(name)
	if !ok {
		// Not notFound: its trailing-slash redirect would send /static/
		// to /static, a municipality's address, and back.
		h.fail(c, domain.ErrNotFound)
		return
	}
	header := c.Writer.Header()
	header.Set("Content-Type", f.contentType)
	if f.gzip != nil {
		header.Add("Vary", "Accept-Encoding")
	}
	cacheControl := "public, max-age=86400"
	if fingerprinted {
		cacheControl = "public, max-age=31536000, immutable"
	}
	if notModified(c, f.etag, cacheControl) {
		return
	}
	body, coding := f.body(c.GetHeader("Accept-Encoding"))
	if coding != "" {
		header.Set("Content-Encoding", coding)
	}
	c.Data(http.StatusOK, f.contentType, body)
}

// etagMatches reports whether an If-None-Match header names etag (or *);
// a weak validator matches too, as RFC 9110 asks for GET.
func etagMatches(header, etag string) bool {
	for _, candidate := range strings.Split(header, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == etag || candidate == "*" {
			return true
		}
	}
	return false
}
