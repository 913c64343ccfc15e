package web_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestResponsesAreCompressed: pages and files leave in zstd or gzip when
// the client offers it, say so in Vary, and come back whole; a client
// offering nothing gets them plain; the live stream is never compressed,
// so each event leaves at once.
func TestResponsesAreCompressed(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	// A transport of its own that adds no Accept-Encoding and decodes
	// nothing: the test sees the bytes as they travel.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	fetch := func(path, accept string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	plainRes, plain := fetch(processPath+"/", "")
	if plainRes.Header.Get("Content-Encoding") != "" || !strings.Contains(string(plain), "<html") {
		t.Fatalf("without Accept-Encoding: %q", plainRes.Header.Get("Content-Encoding"))
	}
	res, body := fetch(processPath+"/", "gzip")
	if res.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(strings.Join(res.Header.Values("Vary"), ", "), "Accept-Encoding") {
		t.Fatalf("gzip offered: Content-Encoding %q, Vary %q", res.Header.Get("Content-Encoding"), res.Header.Values("Vary"))
	}
	zr, err := gzip.NewReader(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if !strings.Contains(string(unzipped), "<html") || len(body) >= len(plain)/2 {
		t.Errorf("gzip: %d bytes for %d plain", len(body), len(plain))
	}
	res, body = fetch("/static/app.css", "zstd")
	if res.Header.Get("Content-Encoding") != "zstd" {
		t.Fatalf("zstd offered for the stylesheet: %q", res.Header.Get("Content-Encoding"))
	}
	dec, _ := zstd.NewReader(nil)
	css, err := dec.DecodeAll(body, nil)
	if err != nil || !strings.Contains(string(css), ".site-header") {
		t.Errorf("zstd stylesheet does not decode: %v", err)
	}

	// The live stream: plain, and its first event arrives without waiting.
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	_, code := liveWorkshop(t, srv, mod, "3", "3")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/w/"+code+"/ereignisse", nil)
	req.Header.Set("Accept-Encoding", "zstd, gzip")
	stream, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	if stream.Header.Get("Content-Encoding") != "" {
		t.Errorf("the stream is compressed: %q", stream.Header.Get("Content-Encoding"))
	}
	line, err := bufio.NewReader(stream.Body).ReadString('\n')
	if err != nil || !strings.Contains(line, ":") {
		t.Errorf("first line of the stream: %q %v", line, err)
	}
}
