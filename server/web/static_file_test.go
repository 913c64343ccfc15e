package web_test

import (
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestStaticFilesAreFingerprinted: pages link the stylesheet under a name
// with its content's hash, which is cached for a year and leaves in the
// compressed form made at start; the plain name still answers (cached for
// a day), both revalidate with their ETag, and a made-up hash is a 404.
func TestStaticFilesAreFingerprinted(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	client := &http.Client{Transport: &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	fetch := func(path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	_, page := fetch(processPath + "/")
	css := regexp.MustCompile(`href="(/static/app\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(string(page))
	if css == nil {
		t.Fatalf("the page links no fingerprinted stylesheet")
	}
	want, err := os.ReadFile("../../static/app.css")
	if err != nil {
		t.Fatal(err)
	}

	res, body := fetch(css[1], "Accept-Encoding", "zstd")
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
		t.Errorf("fingerprinted Cache-Control = %q", cc)
	}
	if res.Header.Get("Content-Encoding") != "zstd" || res.Header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("fingerprinted: Content-Encoding %q, Content-Type %q", res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"))
	}
	dec, _ := zstd.NewReader(nil)
	if got, err := dec.DecodeAll(body, nil); err != nil || string(got) != string(want) {
		t.Errorf("the zstd stylesheet is not the file (%v)", err)
	}
	etag := res.Header.Get("ETag")
	if res, body := fetch(css[1], "If-None-Match", etag); res.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("If-None-Match %s: %d with %d bytes, want 304 and nothing", etag, res.StatusCode, len(body))
	}
	if res, body := fetch(css[1], "Accept-Encoding", "zstd;q=0, gzip;q=0"); res.Header.Get("Content-Encoding") != "" || string(body) != string(want) {
		t.Errorf("codings refused with q=0: %q", res.Header.Get("Content-Encoding"))
	}

	res, body = fetch("/static/app.css")
	if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "public, max-age=86400" || string(body) != string(want) {
		t.Errorf("plain name: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if res, _ := fetch("/static/app.css", "If-None-Match", `W/`+etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("plain name with the weak ETag: %d, want 304", res.StatusCode)
	}
	for _, path := range []string{"/static/app.0000000000.css", "/static/", "/static/../go.mod", "/static/nothing.js"} {
		if res, _ := fetch(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d %s, want 404", path, res.StatusCode, res.Header.Get("Location"))
		}
	}
	// The phone page hands its script the hyphenation files' fingerprinted URLs.
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	_, code := liveWorkshop(t, srv, mod, "3", "3")
	phone := newCitizen(t, srv)
	phone.joinGroup(code, 0)
	if !regexp.MustCompile(`data-hyphenation="/static/vendor/hyphen/hyphen\.[0-9a-f]{10}\.js /static/vendor/hyphen/de-1996\.[0-9a-f]{10}\.js /static/hyphenate\.[0-9a-f]{10}\.js"`).MatchString(phone.get("/w/" + code + "/gruppe").Body) {
		t.Errorf("the phone page does not hand workshop.js the hyphenation URLs")
	}
}
