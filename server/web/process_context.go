package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// processContext is the municipality, process and action fields that every
// page below /:municipality/:process/ needs.
type processContext struct {
	Municipality domain.Municipality
	Process      domain.Process
	Fields       []domain.ActionField
	BaseURL      string // "/ingersheim/heute-leben-morgen-gestalten"
}

func (pc processContext) field(id int64) (domain.ActionField, bool) {
	for _, f := range pc.Fields {
		if f.ID == id {
			return f, true
		}
	}
	return domain.ActionField{}, false
}

// FieldTitle is the title of the action field with the given id.
func (pc processContext) FieldTitle(id int64) string {
	f, _ := pc.field(id)
	return f.Title
}

func (pc processContext) hasField(id int64) bool {
	_, ok := pc.field(id)
	return ok
}

// loadProcess resolves the :municipality and :process parameters; on failure
// it has already answered the request and returns false.
func (h *Handler) loadProcess(c *gin.Context) (processContext, bool) {
	ctx := c.Request.Context()
	var pc processContext
	m, err := h.Store.MunicipalityBySlug(ctx, c.Param("municipality"))
	if err != nil {
		h.fail(c, err)
		return pc, false
	}
	p, err := h.Store.ProcessBySlug(ctx, m.ID, c.Param("process"))
	if err != nil {
		h.fail(c, err)
		return pc, false
	}
	fields, err := h.Store.ActionFields(ctx, p.ID)
	if err != nil {
		h.fail(c, err)
		return pc, false
	}
	return processContext{Municipality: m, Process: p, Fields: fields, BaseURL: "/" + m.Slug + "/" + p.Slug}, true
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
