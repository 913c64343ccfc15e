package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// staticFile serves the embedded static files. They change only with a new
// binary, so browsers may keep them for a day.
func (h *Handler) staticFile(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("filepath"), "/")
	if name == "" || strings.HasSuffix(name, "/") {
		h.notFound(c)
		return
	}
	f, err := h.static.Open(name)
	if err != nil {
		h.notFound(c)
		return
	}
	f.Close()
	c.Header("Cache-Control", "public, max-age=86400")
	http.ServeFileFS(c.Writer, c.Request, h.static, name)
}
