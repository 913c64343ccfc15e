package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// formRefusal is how a staff form (login, password, invitation) answers a
// refusal it shows on the form itself: the status and the message key for
// a login limit (with Retry-After), a wrong password or an invalid value.
// ok is false for every other error, which takes the usual way (h.fail).
func formRefusal(c *gin.Context, err error) (status int, messageKey string, ok bool) {
	var de *domain.Error
	if !errors.As(err, &de) {
		return 0, "", false
	}
	switch de.Code {
	case domain.CodeRateLimited:
		setRetryAfter(c, de.RetryAfter)
		return http.StatusTooManyRequests, de.MessageKey, true
	case domain.CodeUnauthorized:
		return http.StatusUnauthorized, de.MessageKey, true
	case domain.CodeInvalid:
		return http.StatusUnprocessableEntity, de.MessageKey, true
	}
	return 0, "", false
}
