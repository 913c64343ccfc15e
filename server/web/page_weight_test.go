package web_test

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"testing"

	"zukunftswerk/server/testutil"
)

// TestPageWeight keeps every citizen page, with the stylesheet and icon it
// loads, under 50 KB compressed — an old phone on hall Wi-Fi must cope.
// Run with -v to see the figures reported in the README.
func TestPageWeight(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	assets := 0
	for _, path := range []string{"/static/app.css", "/static/favicon.svg"} {
		res := c.get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		assets += gzipSize(t, res.Body)
	}
	pages := []string{"/", "/ingersheim/", processPath + "/", processPath + "/ideen", processPath + "/ideen/neu", processPath + "/ideen/6"}
	for _, path := range pages {
		res := c.get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		html := gzipSize(t, res.Body)
		total := html + assets
		t.Logf("%-55s HTML %6d B raw, %5d B gzip; with CSS and icon %5d B gzip", path, len(res.Body), html, total)
		if total > 50*1024 {
			t.Errorf("%s weighs %d B compressed, over 50 KB", path, total)
		}
	}
}

func gzipSize(t *testing.T, s string) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.Len()
}
