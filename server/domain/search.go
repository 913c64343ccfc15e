package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// germanFolding makes "Straße", "Strasse", "Bäcker" and "Baecker" meet in the
// search index: umlauts and ß are spelled out the way Germans do on keyboards
// without them.
var germanFolding = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "ẞ", "ss")

// SearchText turns text into the normalised form that is indexed and searched:
// NFC, lower case, German umlauts and ß folded.
func SearchText(s string) string {
	return germanFolding.Replace(strings.ToLower(norm.NFC.String(s)))
}

// SearchTerms splits a user's query into folded words suitable for a prefix
// search; punctuation and query syntax are dropped, so nothing a citizen types
// can break the full-text query. At most 8 terms are kept.
func SearchTerms(query string) []string {
	if !utf8.ValidString(query) {
		return nil
	}
	if utf8.RuneCountInString(query) > MaxSearchTerm {
		query = string([]rune(query)[:MaxSearchTerm])
	}
	words := strings.FieldsFunc(SearchText(query), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(words) > 8 {
		words = words[:8]
	}
	return words
}
