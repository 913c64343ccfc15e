// Package domain holds the plain types of Zukunftswerk, their validation and
// the error codes every layer speaks. It imports neither gin nor sqlx.
package domain

import (
	"errors"
	"fmt"
	"time"
)

// Code classifies an error; the web layer maps each code to one HTTP status.
type Code string

const (
	CodeBadRequest   Code = "bad_request"
	CodeInvalid      Code = "invalid"
	CodeNotFound     Code = "not_found"
	CodeConflict     Code = "conflict"
	CodeRateLimited  Code = "rate_limited"
	CodeTooLarge     Code = "too_large"
	CodeUnauthorized Code = "unauthorized"
	CodeForbidden    Code = "forbidden"
	CodeUnavailable  Code = "unavailable"
	CodeInternal     Code = "internal"
)

// FieldError names one invalid form field and the catalog key of the message
// that explains the problem to a citizen.
type FieldError struct {
	Field      string
	MessageKey string
}

// Error is an error a user can be told about. MessageKey points into the
// message catalog, so the text is rendered in the user's language.
type Error struct {
	Code       Code
	MessageKey string
	Fields     []FieldError
	RetryAfter time.Duration // CodeRateLimited: how long to wait
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Code, e.MessageKey)
}

// Errorf builds an *Error with the given code and catalog key.
func Errorf(code Code, messageKey string) *Error {
	return &Error{Code: code, MessageKey: messageKey}
}

// RateLimited is the error of a refused event: try again after retryAfter.
func RateLimited(retryAfter time.Duration) *Error {
	return &Error{Code: CodeRateLimited, MessageKey: "error.rate_limited", RetryAfter: retryAfter}
}

// ErrorCode returns the code of err, or CodeInternal when err carries none.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrorMessageKey returns the catalog key for err, falling back to a generic
// message for internal errors whose details must not reach the user.
func ErrorMessageKey(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.MessageKey
	}
	return "error.internal"
}

// ErrNotFound is returned by lookups that find nothing.
var ErrNotFound = Errorf(CodeNotFound, "error.not_found")
