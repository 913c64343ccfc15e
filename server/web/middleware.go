package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
)

// contentSecurityPolicy allows nothing but the server's own files: no inline
// script, no third parties, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// strictTransportSecurity keeps browsers on HTTPS for two years once they
// have seen the site over it (only sent when BASE_URL is https).
const strictTransportSecurity = "max-age=63072000; includeSubDomains"

// securityHeaders sets the headers every response carries, error pages and
// rejected requests included.
func securityHeaders(next http.Handler, https bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if https {
			h.Set("Strict-Transport-Security", strictTransportSecurity)
		}
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		next.ServeHTTP(w, r)
	})
}

// capBody limits every request body; handlers see *http.MaxBytesError when
// a client streams more than announced. A body announced as too large is
// refused before it is read.
func (h *Handler) capBody(next http.Handler) http.Handler {
	limit := h.Config.MaxBodyBytes
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > limit {
			lang := h.requestLanguage(r)
			w.Header().Set("Connection", "close")
			h.writeError(w, r, lang, nil, http.StatusRequestEntityTooLarge,
				apiErrorBody{Code: string(domain.CodeTooLarge), Message: h.Catalog.Message(lang, "error.too_large")})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r)
	})
}

// headKey marks, in a request's context, a HEAD request that is served as
// a GET (see headAsGet).
type headKey struct{}

// headAsGet answers HEAD wherever GET works (RFC 9110 §9.3.2): the request
// is routed as a GET, and net/http, which still knows the original request
// was HEAD, sends the headers and drops the body. Live streams look at
// isHead and end after their headers.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		get := r.WithContext(context.WithValue(r.Context(), headKey{}, true))
		get.Method = http.MethodGet
		next.ServeHTTP(w, get)
	})
}

// isHead reports whether the request came as HEAD.
func isHead(r *http.Request) bool {
	head, _ := r.Context().Value(headKey{}).(bool)
	return head
}

// observe logs one line per request and records metrics. It logs the route
// pattern, never the client address or query string.
func (h *Handler) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	elapsed := time.Since(start)
	status := c.Writer.Status()
	method := metricMethod(c.Request.Method)
	if isHead(c.Request) {
		method = http.MethodHead
	}
	h.metrics.requests.WithLabelValues(method, route, metricStatus(status)).Inc()
	h.metrics.duration.WithLabelValues(method, route).Observe(elapsed.Seconds())
	h.Log.Info("request", "method", method, "route", route, "status", status,
		"duration_ms", float64(elapsed.Microseconds())/1000)
}

// recover turns a panic into a logged 500 page instead of a dropped
// connection.
func (h *Handler) recover(c *gin.Context) {
	defer func() {
		if p := recover(); p != nil {
			h.Log.Error("panic while serving request", "route", c.FullPath(), "panic", p)
			c.Abort()
			h.fail(c, domain.Errorf(domain.CodeInternal, "error.internal"))
		}
	}()
	c.Next()
}

const (
	langCookie = "zw_lang"
	langKey    = "lang"
)

// language picks the UI language: ?lang= (remembered in a cookie), the
// cookie, then Accept-Language, then German.
func (h *Handler) language(c *gin.Context) {
	if strings.HasPrefix(c.Request.URL.Path, "/static/") {
		// Files are the same in every language: no cookie, no Vary, so
		// that caches keep one copy.
		c.Next()
		return
	}
	chosen := c.Query("lang")
	if i18n.Supported(chosen) {
		http.SetCookie(c.Writer, &http.Cookie{
			Name: langCookie, Value: chosen, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, Secure: h.Config.SecureCookies(), SameSite: http.SameSiteLaxMode,
		})
	} else {
		chosen = languageCookie(c.Request)
	}
	lang := h.Catalog.Negotiate(chosen, c.Request)
	c.Set(langKey, lang)
	c.Header("Content-Language", i18n.HTMLLang(lang))        // a page shown in another language says so itself
	c.Writer.Header().Add("Vary", "Accept-Language, Cookie") // next to compression's Accept-Encoding
	c.Next()
}

// requestLanguage is the language of an answer given before gin's
// middleware ran (a refused cross-site post, an oversized body): the
// same choice, without remembering it.
func (h *Handler) requestLanguage(r *http.Request) string {
	chosen := r.URL.Query().Get("lang")
	if !i18n.Supported(chosen) {
		chosen = languageCookie(r)
	}
	return h.Catalog.Negotiate(chosen, r)
}

func languageCookie(r *http.Request) string {
	if ck, err := r.Cookie(langCookie); err == nil {
		return ck.Value
	}
	return ""
}

func langOf(c *gin.Context) string {
	if v, ok := c.Get(langKey); ok {
		return v.(string)
	}
	return i18n.Languages[0]
}
