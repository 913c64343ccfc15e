package web

import (
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

// fail answers a request with err: JSON under /api/, an HTML page elsewhere.
// Internal errors are logged and shown only as a generic message.
func (h *Handler) fail(c *gin.Context, err error) {
	code := domain.ErrorCode(err)
	status := statusFor(code)
	if status >= 500 {
		h.Log.Error("request failed", "route", c.FullPath(), "error", err)
	}
	lang := langOf(c)
	message := h.Catalog.Message(lang, domain.ErrorMessageKey(err))
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		body := apiError{Error: apiErrorBody{Code: string(code), Message: message}}
		var de *domain.Error
		if errors.As(err, &de) {
			for _, f := range de.Fields {
				body.Error.Fields = append(body.Error.Fields, apiFieldError{Field: f.Field, Message: h.Catalog.Message(lang, f.MessageKey)})
			}
		}
		c.AbortWithStatusJSON(status, body)
		return
	}
	c.Abort()
	h.render(c, status, "error", errorPage{Status: status, Message: message})
}

type errorPage struct {
	Status  int
	Message string
}

// setRetryAfter tells the client how many whole seconds to wait.
func setRetryAfter(c *gin.Context, retryAfter time.Duration) {
	c.Header("Retry-After", strconv.Itoa(int((retryAfter+time.Second-1)/time.Second)))
}

// rateLimited answers 429 with Retry-After.
func (h *Handler) rateLimited(c *gin.Context, retryAfter time.Duration) {
	setRetryAfter(c, retryAfter)
	h.fail(c, domain.Errorf(domain.CodeRateLimited, "error.rate_limited"))
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
	c.Abort()
	lang := langOf(c)
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		c.JSON(http.StatusMethodNotAllowed, apiError{Error: apiErrorBody{Code: "method_not_allowed", Message: h.Catalog.Message(lang, "error.method_not_allowed")}})
		return
	}
	h.render(c, http.StatusMethodNotAllowed, "error", errorPage{Status: http.StatusMethodNotAllowed, Message: h.Catalog.Message(lang, "error.method_not_allowed")})
}
