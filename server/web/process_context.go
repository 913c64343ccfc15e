package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// processContext is the process (municipality, process, action fields)
// with the URL that every page below /:municipality/:process/ needs.
type processContext struct {
	app.ProcessScope
}

// PathParams makes the process the scope of the routes below it (see
// paths).
func (pc processContext) PathParams() []any {
	return []any{pc.Municipality.Slug, pc.Process.Slug}
}

// loadProcess resolves the :municipality and :process parameters; on failure
// it has already answered the request and returns false.
func (h *Handler) loadProcess(c *gin.Context) (processContext, bool) {
	p, err := h.App.ProcessBySlugs(c.Request.Context(), c.Param("municipality"), c.Param("process"))
	if err != nil {
		h.fail(c, err)
		return processContext{}, false
	}
	return processContext{ProcessScope: p}, true
}

// loadIdeaRoute resolves the process and the :idea parameter; anything
// but a positive number is a page that does not exist. On failure it has
// already answered the request.
func (h *Handler) loadIdeaRoute(c *gin.Context) (processContext, int64, bool) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return pc, 0, false
	}
	id, err := strconv.ParseInt(c.Param("idea"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(c, domain.ErrNotFound)
		return pc, 0, false
	}
	return pc, id, true
}

// parseForm reads the posted form; a body that is too large or broken is
// answered here.
func (h *Handler) parseForm(c *gin.Context) bool {
	if err := c.Request.ParseForm(); err != nil {
		h.fail(c, bodyError(err))
		return false
	}
	// Browsers send a textarea's line breaks as CRLF (HTML's form
	// encoding); every text is stored with "\n", and the validators refuse
	// a lone CR as a control character.
	for _, values := range []url.Values{c.Request.PostForm, c.Request.Form} {
		for k, vs := range values {
			for i, v := range vs {
				if strings.Contains(v, "\r\n") {
					values[k][i] = strings.ReplaceAll(v, "\r\n", "\n")
				}
			}
		}
	}
	return true
}
