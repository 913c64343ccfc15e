package domain

import (
	"unicode/utf8"
)

// Reasons a citizen may give when reporting an idea.
var ReportReasons = []string{"spam", "beleidigung", "persoenliche-daten", "rechtswidrig", "sonstiges"}

// MaxReportNote is the length of the optional note, in characters.
const MaxReportNote = 500

// Report is a citizen's report of an idea.
type Report struct {
	Reason string
	Note   string
}

// Normalize trims the note and composes it to NFC.
func (r Report) Normalize() Report {
	r.Note = normalizeText(r.Note)
	return r
}

// Validate lists the problems of a report.
func (r Report) Validate() []FieldError {
	var problems []FieldError
	known := false
	for _, reason := range ReportReasons {
		known = known || reason == r.Reason
	}
	if !known {
		problems = append(problems, FieldError{Field: "reason", MessageKey: "report.error.reason_missing"})
	}
	switch {
	case !utf8.ValidString(r.Note) || hasForbiddenControl(r.Note, true):
		problems = append(problems, FieldError{Field: "note", MessageKey: "error.invalid_characters"})
	case utf8.RuneCountInString(r.Note) > MaxReportNote:
		problems = append(problems, FieldError{Field: "note", MessageKey: "report.error.note_too_long"})
	}
	return problems
}

// Visibility values of a contribution.
const (
	Visible = "visible"
	Hidden  = "hidden"
	// HiddenReported is the hidden_reason while reports wait for review.
	HiddenReported = "reported"
)
