package web

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/csv"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
	"zukunftswerk/server/app"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// The parsers of untrusted input in web, fuzzed like those in domain (and
// FuzzDecodeJSON in api_decode_test.go).

// FuzzLocalPath: a redirect target localPath accepts stays on this host,
// however a browser resolves it.
func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/intern/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/%2F/evil", "https://evil.example", "/a//b", "\\\\evil"} {
		f.Add(s)
	}
	base, _ := url.Parse("https://beteiligung.example.de/ingersheim/")
	f.Fuzz(func(t *testing.T, p string) {
		if !localPath(p) {
			return
		}
		// Browsers drop tabs and line breaks and read "\" as "/" before
		// resolving; localPath must have refused anything that changes.
		cleaned := strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(p)
		target, err := base.Parse(cleaned)
		if err != nil {
			return
		}
		if target.Host != base.Host || target.Scheme != base.Scheme {
			t.Fatalf("localPath(%q) but it leads to %s", p, target)
		}
	})
}

// FuzzFormToken: only tokens this server issued verify, and never one
// that was changed.
func FuzzFormToken(f *testing.F) {
	tokens := formTokens{secret: []byte("0123456789abcdef0123456789abcdef")}
	now := time.Date(2014, 7, 19, 10, 0, 0, 0, time.UTC)
	// The same token in every fuzzing process: Issue's random part fixed.
	payload := make([]byte, 24)
	binary.BigEndian.PutUint64(payload, uint64(now.UnixMilli()))
	copy(payload[8:], "idempotency-key!")
	good := base64.RawURLEncoding.EncodeToString(payload) + "." + base64.RawURLEncoding.EncodeToString(tokens.sign(payload))
	f.Add(good, 0, byte(1))
	f.Add("x.y", 3, byte(0))
	f.Add(strings.Repeat("A", 300), 10, byte(7))
	f.Fuzz(func(t *testing.T, token string, at int, flip byte) {
		if _, _, ok := tokens.verifyAt(token, now); ok && token != good {
			t.Fatalf("a token that was never issued verifies: %q", token)
		}
		if at >= 0 && at < len(good) && flip != 0 {
			changed := []byte(good)
			changed[at] ^= flip
			if _, _, ok := tokens.verifyAt(string(changed), now); ok && string(changed) != good {
				t.Fatalf("a changed token verifies: %q", changed)
			}
		}
	})
}

// FuzzIdeaQuery: the filters of the idea list (page number, field, sort,
// search), as the HTML page and the API read them: accepted values are
// within their bounds, anything else is a 400, never a panic.
func FuzzIdeaQuery(f *testing.F) {
	f.Add("seite=2&feld=1&sortierung=unterstuetzt&suche=B%C3%A4nke")
	f.Add("seite=-1&feld=99999999999999999999")
	f.Add("seite=100001&suche=%FF%FE")
	f.Add("page=1e3&action_field=1&q=" + strings.Repeat("x", 101))
	gin.SetMode(gin.ReleaseMode)
	pc := processContext{ProcessScope: app.ProcessScope{Process: domain.Process{ID: 1}, Fields: []domain.ActionField{{ID: 1}, {ID: 2}}}}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		for _, params := range []ideaQueryParams{htmlIdeaParams, apiIdeaParams} {
			c, _ := gin.CreateTestContext(httptest.NewRecorder())
			c.Request = httptest.NewRequest("GET", "/x", nil)
			c.Request.URL.RawQuery = rawQuery
			q, err := parseIdeaQuery(c, pc, params)
			if err != nil {
				if domain.ErrorCode(err) != domain.CodeBadRequest {
					t.Fatalf("%q: %v, want a bad request", rawQuery, err)
				}
				continue
			}
			if q.Page < 1 || q.Page > 100000 || (q.ActionFieldID != 0 && !pc.HasField(q.ActionFieldID)) ||
				!utf8.ValidString(q.Search) || utf8.RuneCountInString(q.Search) > domain.MaxSearchTerm {
				t.Fatalf("%q accepted as %+v", rawQuery, q)
			}
		}
	})
}

// FuzzSpreadsheetCSV: whatever a citizen writes, no cell of an export
// starts a formula, whether the reader splits at commas (RFC 4180) or at
// semicolons (German Excel), and the comma reading gives the cell back.
func FuzzSpreadsheetCSV(f *testing.F) {
	for _, s := range []string{"Mehr Bäume;=1+1;ok", "=cmd|' /C calc'!A0", "a,\"b\";  @SUM(1)", "\t=x", "-1", "Zeile\r\n=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		if !utf8.ValidString(cell) {
			return
		}
		out := string(spreadsheetCSV([][]string{{"1", cell}}))
		startsFormula := func(part string) bool {
			c := strings.TrimLeft(part, " ")
			return c != "" && strings.ContainsRune("=+-@", rune(c[0]))
		}
		// An RFC 4180 reader gets the cell back, made safe.
		records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(records) != 1 || len(records[0]) != 2 || startsFormula(records[0][1]) {
			t.Fatalf("cell %q: the export %q reads back as %q (%v)", cell, out, records, err)
		}
		// A reader that splits at every semicolon and line break, quotes or
		// not, finds no formula either.
		for _, part := range strings.FieldsFunc(out, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
			if startsFormula(part) {
				t.Fatalf("cell %q: the export %q has a part starting a formula when split at semicolons: %q", cell, out, part)
			}
		}
	})
}
