package web

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
)

// paths is the reverse of the route table: every named route's pattern, so
// that Go code and templates build URLs from the route's name and its
// parameters ({{path "ideaShow" .Municipality.Slug .Process.Slug .Idea.ID}})
// instead of concatenating them, and a route that moves takes its links
// along.
type paths map[string]string

// pathScope is a value that stands for the leading parameters of the
// routes below it: a processContext for ":municipality/:process", so that
// {{path "ideaShow" $d .ID}} is the idea's page in this page's process.
type pathScope interface{ PathParams() []any }

// Path fills the named route's parameters (":municipality", "*file") in
// order, path-escaped; a pathScope counts as its parameters. An unknown
// name or a wrong number of parameters is a programming error: the
// template fails to render, and Go code panics in the tests.
func (p paths) Path(name string, scoped ...any) (string, error) {
	var params []any
	for _, v := range scoped {
		if s, ok := v.(pathScope); ok {
			params = append(params, s.PathParams()...)
			continue
		}
		params = append(params, v)
	}
	pattern, ok := p[name]
	if !ok {
		return "", fmt.Errorf("web: no route named %q", name)
	}
	segments := strings.Split(pattern, "/")
	used := 0
	for i, s := range segments {
		if s == "" || (s[0] != ':' && s[0] != '*') {
			continue
		}
		if used == len(params) {
			return "", fmt.Errorf("web: route %q needs more than %d parameters", name, len(params))
		}
		segments[i] = url.PathEscape(fmt.Sprint(params[used]))
		used++
	}
	if used != len(params) {
		return "", fmt.Errorf("web: route %q takes %d parameters, not %d", name, used, len(params))
	}
	return strings.Join(segments, "/"), nil
}

// path is Path for Go code.
func (h *Handler) path(name string, params ...any) string {
	p, err := h.paths.Path(name, params...)
	if err != nil {
		panic(err)
	}
	return p
}

// router registers routes on a gin group and records the named ones in
// paths. A route's name is its handler's name unless a route needs its own.
type router struct {
	group *gin.RouterGroup
	paths paths
}

func (r router) Group(relative string, middleware ...gin.HandlerFunc) router {
	return router{group: r.group.Group(relative, middleware...), paths: r.paths}
}

// GET registers a named GET route ("" for a route nothing links to).
func (r router) GET(name, relative string, handler gin.HandlerFunc) {
	r.handle("GET", name, relative, handler)
}

// POST registers a named POST route.
func (r router) POST(name, relative string, handler gin.HandlerFunc) {
	r.handle("POST", name, relative, handler)
}

// PUT registers a named PUT route.
func (r router) PUT(name, relative string, handler gin.HandlerFunc) {
	r.handle("PUT", name, relative, handler)
}

// DELETE registers a named DELETE route.
func (r router) DELETE(name, relative string, handler gin.HandlerFunc) {
	r.handle("DELETE", name, relative, handler)
}

func (r router) handle(method, name, relative string, handler gin.HandlerFunc) {
	r.group.Handle(method, relative, handler)
	if name == "" {
		return
	}
	full := strings.TrimSuffix(r.group.BasePath(), "/") + relative
	if relative == "" {
		full = r.group.BasePath()
	}
	if old, taken := r.paths[name]; taken && old != full {
		panic(fmt.Sprintf("web: route name %q names both %s and %s", name, old, full))
	}
	r.paths[name] = full
}
