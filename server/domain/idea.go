package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits of an idea, counted in characters (runes) after normalisation.
const (
	MaxIdeaTitle  = 120
	MaxIdeaBody   = 2000
	MaxPseudonym  = 40
	MaxSearchTerm = 100
)

// IdeaDraft is what a citizen submits before it becomes a Contribution.
type IdeaDraft struct {
	ActionFieldID   int64
	Title           string
	Body            string
	Pseudonym       string
	PrivacyAccepted bool
	// NotifyEmail is optional: the only use is telling the citizen when the
	// idea's status changes. It is never shown or exported.
	NotifyEmail string
}

// Normalize returns the draft with Unicode in NFC (so "ä" typed as a + ¨
// counts and searches like "ä") and surrounding space trimmed. Invalid UTF-8
// is left in place for Validate to reject.
func (d IdeaDraft) Normalize() IdeaDraft {
	d.Title = normalizeLine(d.Title)
	d.Body = normalizeText(d.Body)
	d.Pseudonym = normalizeLine(d.Pseudonym)
	d.NotifyEmail = strings.TrimSpace(d.NotifyEmail)
	return d
}

// Validate lists every problem of the draft; an empty list means valid.
// Call Normalize first.
func (d IdeaDraft) Validate(fieldExists func(int64) bool) []FieldError {
	var problems []FieldError
	add := func(field, key string) { problems = append(problems, FieldError{Field: field, MessageKey: key}) }

	if d.ActionFieldID <= 0 || !fieldExists(d.ActionFieldID) {
		add("action_field", "idea.error.field_missing")
	}
	switch {
	case !utf8.ValidString(d.Title) || hasForbiddenControl(d.Title, false):
		add("title", "error.invalid_characters")
	case d.Title == "":
		add("title", "idea.error.title_missing")
	case utf8.RuneCountInString(d.Title) > MaxIdeaTitle:
		add("title", "idea.error.title_too_long")
	}
	switch {
	case !utf8.ValidString(d.Body) || hasForbiddenControl(d.Body, true):
		add("body", "error.invalid_characters")
	case utf8.RuneCountInString(d.Body) > MaxIdeaBody:
		add("body", "idea.error.body_too_long")
	}
	switch {
	case !utf8.ValidString(d.Pseudonym) || hasForbiddenControl(d.Pseudonym, false):
		add("pseudonym", "error.invalid_characters")
	case utf8.RuneCountInString(d.Pseudonym) > MaxPseudonym:
		add("pseudonym", "idea.error.pseudonym_too_long")
	}
	if d.NotifyEmail != "" {
		if _, ok := NormalizeEmail(d.NotifyEmail); !ok {
			add("notify_email", "idea.error.email_invalid")
		}
	}
	if !d.PrivacyAccepted {
		add("privacy", "idea.error.privacy_missing")
	}
	return problems
}

// ValidationError wraps field problems into an *Error.
func ValidationError(problems []FieldError) *Error {
	return &Error{Code: CodeInvalid, MessageKey: "error.validation", Fields: problems}
}

func normalizeLine(s string) string {
	if !utf8.ValidString(s) {
		return s
	}
	return strings.TrimSpace(norm.NFC.String(withoutBidiOverrides(s)))
}

func normalizeText(s string) string {
	if !utf8.ValidString(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(norm.NFC.String(withoutBidiOverrides(s)))
}

// bidiOverrides are the explicit embeddings and overrides (U+202A–U+202E).
// Arabic or Hebrew text needs none of them (the browser orders it by
// itself; marks and isolates stay), but one left open turns around what
// follows it on the screen: "Gemeinde" read backwards, a card's points or
// group name made to say something else.
var bidiOverrides = strings.NewReplacer("\u202A", "", "\u202B", "", "\u202C", "", "\u202D", "", "\u202E", "")

func withoutBidiOverrides(s string) string {
	if !strings.ContainsAny(s, "\u202A\u202B\u202C\u202D\u202E") {
		return s
	}
	return bidiOverrides.Replace(s)
}

// hasForbiddenControl reports control characters (NUL, escape sequences, …)
// that have no place in citizen text. Newlines and tabs are allowed in
// multi-line text only. Bidirectional marks and isolates stay allowed (RTL
// text needs them); the embeddings and overrides U+202A–U+202E, which turn
// around what follows them on a page, do not (citizens' texts lose them in
// normalizeText; names and titles are refused with them).
func hasForbiddenControl(s string, multiline bool) bool {
	for _, r := range s {
		if r == '\n' || r == '\t' {
			if multiline {
				continue
			}
			return true
		}
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) {
			return true
		}
	}
	return false
}
