package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// localPath reports whether p is a path on this server that a browser
// cannot read as another host: one leading slash, no backslash (browsers
// treat "/\" like "//"), no control characters (browsers drop tabs and line
// breaks, which would let "/\t/evil" become "//evil"). Every redirect whose
// target comes from the request goes through it.
func localPath(p string) bool {
	if len(p) == 0 || p[0] != '/' || (len(p) > 1 && (p[1] == '/' || p[1] == '\\')) {
		return false
	}
	for _, r := range p {
		if r == '\\' || r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// addTrailingSlash sends /ingersheim to /ingersheim/ (the pages that are
// folders). It replaces gin's own trailing-slash redirect, which turned
// "//evil.example" into a redirect to another host and trusted
// X-Forwarded-Prefix from anyone.
func (h *Handler) addTrailingSlash(c *gin.Context) {
	h.redirectPath(c, c.Request.URL.Path+"/")
}

// redirectPath redirects to a path of this server, keeping the query; a
// target that is not a plain local path is not found.
func (h *Handler) redirectPath(c *gin.Context, path string) {
	if !localPath(path) {
		h.fail(c, domain.ErrNotFound)
		return
	}
	if q := c.Request.URL.RawQuery; q != "" {
		path += "?" + q
	}
	code := http.StatusMovedPermanently
	if c.Request.Method != http.MethodGet {
		code = http.StatusPermanentRedirect
	}
	c.Redirect(code, path)
}

// notFound answers unknown paths. A GET with a trailing slash is sent to
// the path without it ("/datenschutz/" → "/datenschutz"); that path either
// exists or answers 404 without a further redirect, so nothing loops.
func (h *Handler) notFound(c *gin.Context) {
	p := c.Request.URL.Path
	if c.Request.Method == http.MethodGet && len(p) > 1 && strings.HasSuffix(p, "/") {
		h.redirectPath(c, strings.TrimSuffix(p, "/"))
		return
	}
	h.fail(c, domain.ErrNotFound)
}
