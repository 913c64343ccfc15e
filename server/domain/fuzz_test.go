package domain_test

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"zukunftswerk/server/domain"
)

// The parsers of untrusted input in domain, fuzzed (go test -fuzz; the
// seeds and testdata/fuzz run with every go test). Each checks a property
// that must hold for any input, not just "no panic".

// FuzzIdeaDraft: a draft the form or the API accepts holds valid UTF-8
// within the limits and no control characters outside the text's lines.
func FuzzIdeaDraft(f *testing.F) {
	f.Add("Bänke am Neckar", "Mehr Bänke\r\nbitte", "Oma Else", "")
	f.Add("\x00", "\xff\xfe", strings.Repeat("x", 41), "a@b.de")
	f.Add(" a\u0308 ", "\u202eRTL", "", "not an address")
	f.Fuzz(func(t *testing.T, title, body, pseudonym, email string) {
		d := domain.IdeaDraft{ActionFieldID: 1, Title: title, Body: body, Pseudonym: pseudonym, NotifyEmail: email, PrivacyAccepted: true}.Normalize()
		if len(d.Validate(func(int64) bool { return true })) > 0 {
			return
		}
		for name, s := range map[string]string{"title": d.Title, "pseudonym": d.Pseudonym} {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\t\x00") {
				t.Fatalf("accepted %s %q", name, s)
			}
		}
		if d.Title == "" || utf8.RuneCountInString(d.Title) > domain.MaxIdeaTitle || utf8.RuneCountInString(d.Body) > domain.MaxIdeaBody {
			t.Fatalf("accepted a draft outside the limits: %q", d.Title)
		}
		for _, r := range d.Body {
			if unicode.IsControl(r) && r != '\n' && r != '\t' {
				t.Fatalf("accepted a control character %U in the body", r)
			}
		}
	})
}

// FuzzCardText: what a phone may post as a card is what the wall can show.
func FuzzCardText(f *testing.F) {
	f.Add("Zu wenig Bänke\r\n am Neckar")
	f.Add("\x1b[31mrot")
	f.Add(strings.Repeat("ä", 141))
	f.Fuzz(func(t *testing.T, raw string) {
		text := domain.NormalizeCardText(raw)
		if domain.ValidateCardText(text) != "" {
			return
		}
		if text == "" || !utf8.ValidString(text) || utf8.RuneCountInString(text) > domain.MaxCardText || strings.ContainsRune(text, '\r') {
			t.Fatalf("accepted card %q", text)
		}
		if domain.NormalizeCardText(text) != text {
			t.Fatalf("normalising twice changes %q", text)
		}
	})
}

// FuzzSearchTerms: whatever a citizen types, the terms that reach the
// full-text query are at most eight words of letters and digits.
func FuzzSearchTerms(f *testing.F) {
	f.Add("Straße OR \"Bäcker\" -x*")
	f.Add("ẞ ß ÄÖÜ a\u0308")
	f.Add("\xff'; DROP TABLE contribution; --")
	f.Fuzz(func(t *testing.T, query string) {
		terms := domain.SearchTerms(query)
		if len(terms) > 8 {
			t.Fatalf("%d terms", len(terms))
		}
		for _, term := range terms {
			if term == "" || !utf8.ValidString(term) || strings.ContainsAny(term, "ßäöü") {
				t.Fatalf("term %q of %q", term, query)
			}
			for _, r := range term {
				if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
					t.Fatalf("term %q of %q holds %U", term, query, r)
				}
			}
		}
	})
}

// FuzzParseDay: an accepted day is a real day within the valid years,
// written exactly as it was typed.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2014-07-19", "0000-01-01", "9999-12-31", "2014-02-30", "2014-7-19", "+2014-07-19", " 2014-07-19"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		day, ok := domain.ParseDay(s)
		if !ok {
			return
		}
		if !domain.ValidDay(day) || day.Format(time.DateOnly) != s {
			t.Fatalf("ParseDay(%q) = %v", s, day)
		}
	})
}

// FuzzNormalizeEmail: an accepted address is one line, normalised, and
// stays the same when normalised again (it goes into SMTP headers).
func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{"Ida@Example.DE ", "a@b\r\nBcc: x@y", "\"x y\"@example.de", "<a@b.de>", "Name <a@b.de>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		email, ok := domain.NormalizeEmail(s)
		if !ok {
			return
		}
		if strings.ContainsAny(email, "\r\n<> ") || len(email) > 254 || !strings.Contains(email, "@") {
			t.Fatalf("NormalizeEmail(%q) = %q", s, email)
		}
		if again, ok := domain.NormalizeEmail(email); !ok || again != email {
			t.Fatalf("normalising %q again gives %q, %v", email, again, ok)
		}
	})
}

// FuzzNormalizeJoinCode: whatever is typed on the join page, the code
// looked up is short and of plain letters and digits.
func FuzzNormalizeJoinCode(f *testing.F) {
	for _, s := range []string{"kx7-m4p", "KX7M4P", "ÄÖÜ", strings.Repeat("a", 1000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code := domain.NormalizeJoinCode(s)
		if len(code) > 13 {
			t.Fatalf("code of %d bytes", len(code))
		}
		for _, r := range code {
			if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				t.Fatalf("code %q holds %q", code, r)
			}
		}
	})
}
