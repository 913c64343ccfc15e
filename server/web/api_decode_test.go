package web

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeJSONIsStrict(t *testing.T) {
	tests := []struct {
		body string
		ok   bool
	}{
		{`{"title":"Backhaus"}`, true},
		{`{"title":"Gr\u00fc\u00dfe \ud83c\udf5e"}`, true}, // a proper pair: 🍞
		{`{"title":"\\ud800"}`, true},                      // an escaped backslash, not an escape
		{`{"title":"\ud800"}`, false},
		{`{"title":"\udc00"}`, false},
		{`{"title":"\ud800\u0041"}`, false},
		{`{"title":"\ud800x"}`, false},
		{`{"title":"a"} {"title":"b"}`, false},
		{`{"title":"a"} x`, false},
		{`{"title":"a"}   ` + "\n", true},
		{`{"unknown":1}`, false},
		{"{\"title\":\"\xff\"}", false},
	}
	for _, tt := range tests {
		var v struct {
			Title string `json:"title"`
		}
		err := decodeJSON([]byte(tt.body), &v)
		if (err == nil) != tt.ok {
			t.Errorf("decodeJSON(%s) = %v, want ok=%v", tt.body, err, tt.ok)
		}
	}
}

// FuzzDecodeJSON: whatever arrives, decoding does not panic, and what it
// accepts holds valid UTF-8 without a replacement character that the text
// did not itself contain.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"title":"Backhaus","body":"x"}`, `{"title":"\ud800"}`, `{"title":"\ud83c\udf5e"}`,
		`{"title":"a"}{}`, `{"action_field_id":1e400}`, `{"title":"\uFFFD"}`, `{"title":"` + strings.Repeat(`\\`, 9) + `u"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var v apiIdeaInput
		if decodeJSON(raw, &v) != nil {
			return
		}
		for _, s := range []string{v.Title, v.Body, v.Pseudonym} {
			if !utf8.ValidString(s) {
				t.Fatalf("accepted invalid UTF-8 %q from %q", s, raw)
			}
			if strings.ContainsRune(s, utf8.RuneError) && !strings.ContainsRune(string(raw), utf8.RuneError) &&
				!strings.Contains(strings.ToLower(string(raw)), `\ufffd`) {
				t.Fatalf("accepted %q: a replacement character the text did not contain", raw)
			}
		}
	})
}
