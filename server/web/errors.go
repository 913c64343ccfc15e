package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// statusFor is the one place where error codes become HTTP statuses.
func statusFor(code domain.Code) int {
	switch code {
	case domain.CodeBadRequest:
		return http.StatusBadRequest
	case domain.CodeInvalid:
		return http.StatusUnprocessableEntity
	case domain.CodeNotFound:
		return http.StatusNotFound
	case domain.CodeConflict:
		return http.StatusConflict
	case domain.CodeRateLimited:
		return http.StatusTooManyRequests
	case domain.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case domain.CodeUnauthorized:
		return http.StatusUnauthorized
	case domain.CodeForbidden:
		return http.StatusForbidden
	case domain.CodeUnavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

// apiError is the JSON shape of every API error.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string          `json:"code"`
	Message string          `json:"message"`
	Fields  []apiFieldError `json:"fields,omitempty"`
}

type apiFieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// fail answers a request with err through writeError. Internal errors are
// logged and shown only as a generic message.
func (h *Handler) fail(c *gin.Context, err error) {
	code := domain.ErrorCode(err)
	status := statusFor(code)
	if status >= 500 {
		h.Log.Error("request failed", "route", c.FullPath(), "error", err)
	}
	lang := langOf(c)
	body := apiErrorBody{Code: string(code), Message: h.Catalog.Message(lang, domain.ErrorMessageKey(err))}
	var de *domain.Error
	if errors.As(err, &de) {
		for _, f := range de.Fields {
			body.Fields = append(body.Fields, apiFieldError{Field: f.Field, Message: h.Catalog.Message(lang, f.MessageKey)})
		}
		if de.RetryAfter > 0 {
			setRetryAfter(c, de.RetryAfter)
		}
	}
	c.Abort()
	h.writeError(c.Writer, c.Request, lang, staffIfAny(c), status, body)
}

// writeError is the one place where an error reaches the client, from a
// handler or from a middleware in front of gin: JSON in the API's shape
// ({"error":{"code","message","fields"}}) for the API and for every request
// that asks for JSON (workshop.js), the error page in the person's language
// otherwise.
func (h *Handler) writeError(w http.ResponseWriter, r *http.Request, lang string, staff *staffContext, status int, body apiErrorBody) {
	w.Header().Set("Cache-Control", "no-store")
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(apiError{Error: body})
		return
	}
	h.renderPage(w, r, lang, staff, status, "error", errorPage{Status: status, Message: body.Message})
}

// wantsJSON tells requests for JSON (the API, and workshop.js, which sends
// Accept: application/json) from those of a browser.
func wantsJSON(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json")
}

type errorPage struct {
	Status  int
	Message string
}

// setRetryAfter tells the client how many whole seconds to wait.
func setRetryAfter(c *gin.Context, retryAfter time.Duration) {
	c.Header("Retry-After", strconv.Itoa(int((retryAfter+time.Second-1)/time.Second)))
}

// bodyError classifies an error from reading a request body.
func bodyError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return domain.Errorf(domain.CodeTooLarge, "error.too_large")
	}
	return domain.Errorf(domain.CodeBadRequest, "error.bad_request")
}

func (h *Handler) methodNotAllowed(c *gin.Context) {
	// gin reports a GET of "/datenschutz/" as 405 (another method's tree
	// matches the path loosely); no route of ours that ends in a slash is
	// anything but GET, so it is a page with one slash too many.
	if c.Request.Method == http.MethodGet && strings.HasSuffix(c.Request.URL.Path, "/") {
		h.notFound(c)
		return
	}
	// HEAD works wherever GET does (headAsGet), which gin does not know.
	if allow := c.Writer.Header().Get("Allow"); strings.Contains(allow, http.MethodGet) {
		c.Header("Allow", allow+", "+http.MethodHead)
	}
	c.Abort()
	lang := langOf(c)
	h.writeError(c.Writer, c.Request, lang, staffIfAny(c), http.StatusMethodNotAllowed,
		apiErrorBody{Code: "method_not_allowed", Message: h.Catalog.Message(lang, "error.method_not_allowed")})
}
