package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"
)

// compressed answers in zstd or gzip when the client offers it, through
// klauspost/compress's gzhttp (negotiation, Vary: Accept-Encoding, ETag
// suffixes, nothing below 512 bytes) — except the live streams (their
// events are a few hundred bytes each and must leave at once) and what is
// compressed already: PDF (its streams are deflated) and PNG (the QR code).
func compressed(next http.Handler) (http.Handler, error) {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(512), gzhttp.ExceptContentTypes([]string{"text/event-stream", "application/pdf", "image/png"}))
	if err != nil {
		return nil, fmt.Errorf("web: unable to set up compression: %w", err)
	}
	compress := wrap(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The streams do not even pass through the compressor: a hall of
		// phones gets every event through it, and every layer costs.
		if strings.HasSuffix(r.URL.Path, "/ereignisse") {
			next.ServeHTTP(w, r)
			return
		}
		compress.ServeHTTP(w, r)
	}), nil
}
