package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"

	"zukunftswerk/server/domain"
)

// decodeJSON reads exactly one JSON object into v, strictly: invalid UTF-8
// and escapes of lone surrogates ("\ud800") are refused rather than quietly
// turned into U+FFFD as encoding/json does; unknown fields and anything
// after the object are refused rather than ignored.
func decodeJSON(raw []byte, v any) error {
	if !utf8.Valid(raw) || hasLoneSurrogateEscape(raw) {
		return domain.Errorf(domain.CodeBadRequest, "error.invalid_characters")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return domain.Errorf(domain.CodeBadRequest, "error.bad_json")
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return domain.Errorf(domain.CodeBadRequest, "error.bad_json")
	}
	return nil
}

// hasLoneSurrogateEscape reports whether a JSON text holds a \uD800–\uDFFF
// escape inside a string that is not a high surrogate followed by a low
// one: such text names no character at all.
func hasLoneSurrogateEscape(raw []byte) bool {
	inString := false
	for i := 0; i < len(raw); i++ {
		switch b := raw[i]; {
		case !inString:
			inString = b == '"'
		case b == '"':
			inString = false
		case b == '\\' && i+1 < len(raw):
			i++
			r, ok := unicodeEscape(raw, i-1)
			if !ok {
				continue // another escape, or a bad one the decoder refuses
			}
			i += 4
			switch {
			case r >= 0xDC00 && r <= 0xDFFF:
				return true // a low surrogate without its high one
			case r >= 0xD800 && r <= 0xDBFF:
				low, ok := unicodeEscape(raw, i+1)
				if !ok || low < 0xDC00 || low > 0xDFFF {
					return true
				}
				i += 6
			}
		}
	}
	return false
}

// unicodeEscape reads the escape "\uXXXX" that starts at raw[at].
func unicodeEscape(raw []byte, at int) (int, bool) {
	if at+6 > len(raw) || raw[at] != '\\' || raw[at+1] != 'u' {
		return 0, false
	}
	n := 0
	for _, c := range raw[at+2 : at+6] {
		switch {
		case c >= '0' && c <= '9':
			n = n<<4 | int(c-'0')
		case c >= 'a' && c <= 'f':
			n = n<<4 | int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			n = n<<4 | int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return n, true
}
