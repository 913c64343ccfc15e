package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"zukunftswerk/server/testutil"
)

// keptCount reads how many public pages were answered from memory (hit) or
// made (miss) so far.
func keptCount(t *testing.T, c *citizen, outcome string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.srv.MetricsURL, nil)
	m := regexp.MustCompile(`zukunftswerk_kept_pages_total\{outcome="` + outcome + `"\} (\d+)`).FindStringSubmatch(c.do(req).Body)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestPublicPagesAreKeptUntilTheDataChanges: the idea list, the concept,
// its PDF and the dashboard are answered from memory the second time, in
// the coding the client asks for, and a write shows at once — to the
// device that wrote and to everyone else.
func TestPublicPagesAreKeptUntilTheDataChanges(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	reader := newCitizen(t, srv)
	for _, path := range []string{"/ideen", "/handlungskonzept", "/handlungskonzept.pdf", "/umsetzung"} {
		first := reader.get(processPath + path)
		hits := keptCount(t, reader, "hit")
		second := reader.get(processPath + path)
		if first.StatusCode != http.StatusOK || second.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d then %d", path, first.StatusCode, second.StatusCode)
		}
		if keptCount(t, reader, "hit") != hits+1 {
			t.Errorf("%s: the second request was not answered from the kept page", path)
		}
		if first.Body != second.Body || first.Header.Get("Content-Type") != second.Header.Get("Content-Type") {
			t.Errorf("%s: the kept answer differs from the made one", path)
		}
		if d := second.Header.Get("Content-Disposition"); path == "/handlungskonzept.pdf" && !strings.Contains(d, "attachment") {
			t.Errorf("the kept PDF lost its Content-Disposition: %q", d)
		}
	}

	// The codings: zstd and gzip decode to the same page, and without an
	// Accept-Encoding the page leaves plain.
	plain := reader.get(processPath + "/handlungskonzept").Body
	for _, coding := range []string{"zstd", "gzip", ""} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+processPath+"/handlungskonzept", nil)
		req.Header.Set("Accept-Language", "de")
		if coding != "" {
			req.Header.Set("Accept-Encoding", coding)
		} else {
			req.Header.Set("Accept-Encoding", "identity")
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if got := res.Header.Get("Content-Encoding"); got != coding {
			t.Errorf("asked for %q, got Content-Encoding %q", coding, got)
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%q: no Vary: Accept-Encoding on a kept page", coding)
		}
		var body []byte
		switch coding {
		case "zstd":
			dec, _ := zstd.NewReader(bytes.NewReader(raw))
			body, err = io.ReadAll(dec)
			dec.Close()
		case "gzip":
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(raw)); err == nil {
				body, err = io.ReadAll(zr)
			}
		default:
			body = raw
		}
		if err != nil || string(body) != plain {
			t.Errorf("%q: the kept page does not decode to the page (%v)", coding, err)
		}
	}

	// A kept concept page still answers If-None-Match with a 304.
	page := reader.get(processPath + "/handlungskonzept")
	req, _ := http.NewRequest(http.MethodGet, srv.URL+processPath+"/handlungskonzept", nil)
	req.Header.Set("If-None-Match", page.Header.Get("ETag"))
	if res := reader.do(req); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match on a kept page: %d, want 304", res.StatusCode)
	}

	// The language is part of the key.
	if en := reader.get(processPath + "/ideen?lang=en"); !strings.Contains(en.Body, `lang="en"`) {
		t.Error("the English idea list came from the German kept page")
	}

	// A write shows at once: the supporter's own list, and a reader who
	// kept the list before (newest first, so the new idea is on top).
	supporter := newCitizen(t, srv)
	ideaPath := supporter.submit(supporter.validIdea("Ein Trinkbrunnen am Rathaus"))
	ideaID := ideaPath[strings.LastIndex(ideaPath, "/")+1:]
	count := func(c *citizen) string {
		t.Helper()
		_, card, found := strings.Cut(c.get(processPath+"/ideen?sortierung=neu").Body, "/ideen/"+ideaID+"/unterstuetzung")
		if !found {
			t.Fatalf("the new idea %s is not on the list", ideaID)
		}
		_, rest, _ := strings.Cut(card, `<span class="support__count">`)
		n, _, _ := strings.Cut(rest, " ")
		return n
	}
	if count(reader) != "0" || count(reader) != "0" {
		t.Fatal("the new idea is not listed without supporters")
	}
	if res := supporter.post(ideaPath+"/unterstuetzung", map[string][]string{"support": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("support: %d", res.StatusCode)
	}
	if got := count(supporter); got != "1" {
		t.Errorf("the supporter's own list shows %s supporters, want 1", got)
	}
	if got := count(reader); got != "1" {
		t.Errorf("another reader's kept list shows %s supporters after the support, want 1", got)
	}
}
