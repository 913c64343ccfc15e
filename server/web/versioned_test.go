package web_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestConceptPageAndPDFAreVersioned: the public Handlungskonzept and its
// PDF carry an ETag made from what they show; asking again with it gets a
// 304 and nothing else; the PDF is laid out once and then served as kept;
// another language is another version; a change to what the page shows
// (here the process's title) makes a new version at once.
func TestConceptPageAndPDFAreVersioned(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	get := func(path, etag string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	for _, path := range []string{processPath + "/handlungskonzept", processPath + "/handlungskonzept.pdf"} {
		first, body := get(path, "")
		etag := first.Header.Get("ETag")
		if first.StatusCode != http.StatusOK || !strings.HasPrefix(etag, `"`) || first.Header.Get("Cache-Control") != "no-cache" {
			t.Fatalf("%s: %d, ETag %q, Cache-Control %q", path, first.StatusCode, etag, first.Header.Get("Cache-Control"))
		}
		if res, again := get(path, etag); res.StatusCode != http.StatusNotModified || len(again) != 0 {
			t.Errorf("%s with its ETag: %d and %d bytes, want 304 and nothing", path, res.StatusCode, len(again))
		}
		if res, again := get(path, `"something else"`); res.StatusCode != http.StatusOK || !bytes.Equal(again, body) {
			t.Errorf("%s with a stale ETag: %d, the same body: %v", path, res.StatusCode, bytes.Equal(again, body))
		}
		if res, _ := get(path+"?lang=en", etag); res.StatusCode != http.StatusOK || res.Header.Get("ETag") == etag {
			t.Errorf("%s in English: %d with ETag %q, want a version of its own", path, res.StatusCode, res.Header.Get("ETag"))
		}
	}

	page, _ := get(processPath+"/handlungskonzept", "")
	pdf, _ := get(processPath+"/handlungskonzept.pdf", "")
	ctx := context.Background()
	p, err := srv.Store.ProcessBySlug(ctx, 1, strings.TrimPrefix(processPath, "/ingersheim/"))
	if err != nil {
		t.Fatal(err)
	}
	p.Title = "Ingersheim 2030: neu betitelt"
	if err := srv.Store.UpdateProcess(ctx, store.Actor{Name: "test"}, p); err != nil {
		t.Fatal(err)
	}
	// The process lookup may be cached for a moment; then the new title
	// is a new version of both.
	deadline := time.Now().Add(5 * time.Second)
	for {
		res, body := get(processPath+"/handlungskonzept", page.Header.Get("ETag"))
		if res.StatusCode == http.StatusOK && strings.Contains(string(body), "neu betitelt") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the renamed process: %d, still the old page", res.StatusCode)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if res, _ := get(processPath+"/handlungskonzept.pdf", pdf.Header.Get("ETag")); res.StatusCode != http.StatusOK || res.Header.Get("ETag") == pdf.Header.Get("ETag") {
		t.Errorf("the PDF after the rename: %d, ETag unchanged: %v", res.StatusCode, res.Header.Get("ETag") == pdf.Header.Get("ETag"))
	}
}
