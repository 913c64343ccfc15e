package domain

import (
	"unicode"
	"unicode/utf8"
)

// ReservedSlugs are first path segments the server uses itself; no
// municipality may take one as its slug (the admin form of issue 3 refuses
// them). TestReservedSlugsCoverRoutes keeps the list in step with routes.go.
var ReservedSlugs = []string{
	"api", "static", "healthz", "readyz", "metrics", "favicon.ico",
	"datenschutz", "barrierefreiheit", "leichte-sprache", "meine-beitraege", "intern", "w",
}

// IsReservedSlug reports whether slug is taken by the server.
func IsReservedSlug(slug string) bool {
	for _, r := range ReservedSlugs {
		if r == slug {
			return true
		}
	}
	return false
}

// ValidateSlug returns the catalog key of a slug's problem, or "". Slugs
// are lower-case letters, digits and single hyphens, 2 to 60 long.
func ValidateSlug(slug string) string {
	if len(slug) < 2 || len(slug) > 60 {
		return "admin.error.slug"
	}
	prevHyphen := true
	for _, r := range slug {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			prevHyphen = false
		case r == '-' && !prevHyphen:
			prevHyphen = true
		default:
			return "admin.error.slug"
		}
	}
	if prevHyphen {
		return "admin.error.slug"
	}
	if IsReservedSlug(slug) {
		return "admin.error.slug_reserved"
	}
	return ""
}

// ValidateText returns the catalog key of a required one-line text's
// problem (titles, names), or "".
func ValidateText(s string, max int) string {
	switch {
	case !utf8.ValidString(s) || hasForbiddenControl(s, false):
		return "error.invalid_characters"
	case blank(s):
		return "admin.error.text_missing"
	case utf8.RuneCountInString(s) > max:
		return "admin.error.text_long"
	}
	return ""
}

// blank reports a text that shows nothing: only spaces and invisible
// format characters (a zero-width space, a byte order mark).
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// lengthNamed replaces the general "too long" of ValidateText and
// ValidateLongText by long, a message that says how many characters fit.
func lengthNamed(key, long string) string {
	if key == "admin.error.text_long" {
		return long
	}
	return key
}

// ValidateLongText checks optional multi-line text.
func ValidateLongText(s string, max int) string {
	switch {
	case !utf8.ValidString(s) || hasForbiddenControl(s, true):
		return "error.invalid_characters"
	case utf8.RuneCountInString(s) > max:
		return "admin.error.text_long"
	}
	return ""
}
