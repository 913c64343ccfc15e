// Package web is the HTTP side of Zukunftswerk: the gin engine, its routes,
// one handler per file, and the middleware every response passes through.
package web

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"zukunftswerk/server/app"
	"zukunftswerk/server/config"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
)

// Handler holds everything the handlers need; nothing is global. Handlers
// decode a request, call App's use cases for that one operation (a lookup
// of what the URL names, then the operation) and render the answer; they
// never reach the store or Redis themselves.
type Handler struct {
	App     *app.App
	Config  config.Config
	Catalog *i18n.Catalog
	Log     *slog.Logger

	pages   *pages
	paths   paths
	static  *assets
	tokens  formTokens
	metrics *metrics
	streams streamLimit // open live streams, per client address
	// renderings are versioned responses kept by their ETag (versioned.go).
	renderings *renderings
	// kept are public pages kept by data version (kept.go).
	kept *keptPages
}

// Deps are the parts New wires together.
type Deps struct {
	App       *app.App
	Catalog   *i18n.Catalog
	Log       *slog.Logger
	Templates fs.FS
	Static    fs.FS
	Registry  *prometheus.Registry
}

// Server is the complete HTTP side of the server.
type Server struct {
	http.Handler
	app *app.App
	// Metrics serves the Prometheus metrics. It is meant for a listener of
	// its own (METRICS_ADDR), not the public one: request counts and
	// process figures are nobody else's business.
	Metrics http.Handler
}

// CloseStreams ends every live event stream of this instance, so that a
// graceful shutdown does not wait for phones that never hang up; they
// reconnect to another instance (or this one after its restart) and resume
// with Last-Event-ID.
func (s *Server) CloseStreams() { s.app.CloseStreams() }

// New parses all templates (a broken or missing template fails here, not at
// request time) and returns the complete HTTP side of the server.
func New(ctx context.Context, d Deps) (*Server, error) {
	secret, err := d.App.Secret(ctx, "form-token")
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(d.Registry, d.App.Connections)
	if err != nil {
		return nil, fmt.Errorf("web: unable to register metrics: %w", err)
	}
	h := &Handler{
		App:     d.App,
		Config:  d.App.Config,
		Catalog: d.Catalog,
		Log:     d.Log,
		tokens:  formTokens{secret: secret},
		streams: streamLimit{perClient: d.App.Config.StreamsPerClient},
		metrics: m,

		renderings: newRenderings(),
		kept:       newKeptPages(),
	}
	if h.static, err = loadAssets(d.Static); err != nil {
		return nil, err
	}
	engine := h.routes()
	if h.pages, err = parsePages(d.Templates, d.Catalog, h.paths, h.static, d.App.Config.Location); err != nil {
		return nil, err
	}
	handler, err := h.wrap(engine)
	if err != nil {
		return nil, err
	}
	return &Server{Handler: handler, app: d.App, Metrics: promhttp.HandlerFor(d.Registry, promhttp.HandlerOpts{})}, nil
}

// wrap adds what must apply even to requests gin never sees: security
// headers, the cross-origin check, the body cap and compression.
func (h *Handler) wrap(engine *gin.Engine) (http.Handler, error) {
	protection := http.NewCrossOriginProtection()
	protection.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := h.requestLanguage(r)
		h.writeError(w, r, lang, nil, http.StatusForbidden,
			apiErrorBody{Code: string(domain.CodeForbidden), Message: h.Catalog.Message(lang, "error.cross_origin")})
	}))
	var next http.Handler = engine
	next = protection.Handler(next)
	next = h.capBody(next)
	next = headAsGet(next)
	next, err := compressed(next)
	if err != nil {
		return nil, err
	}
	return securityHeaders(next, h.Config.SecureCookies()), nil
}
