package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// asset is one embedded static file, read once at start: its fingerprinted
// URL (the content's hash in the name, so it can be cached for ever) and,
// for text, its gzip and zstd forms compressed once at their best level
// instead of on every request.
type asset struct {
	name, url, etag, contentType string
	plain, gzip, zstd            []byte
}

// assets are the static files by their name ("app.css") and by the
// fingerprinted name their URL carries ("app.1a2b3c4d5e.css").
type assets struct {
	byName, byFingerprint map[string]*asset
}

// compressible are the types worth storing compressed; images such as PNG
// are compressed already.
var compressible = map[string]bool{".css": true, ".js": true, ".svg": true, ".txt": true, ".json": true}

func loadAssets(static fs.FS) (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byFingerprint: map[string]*asset{}}
	zw, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		return nil, fmt.Errorf("web: unable to set up zstd: %w", err)
	}
	defer zw.Close()
	err = fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		plain, err := fs.ReadFile(static, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(plain)
		hash := hex.EncodeToString(sum[:5])
		ext := path.Ext(name)
		fingerprinted := strings.TrimSuffix(name, ext) + "." + hash + ext
		f := &asset{name: name, url: "/static/" + fingerprinted, etag: `"` + hash + `"`, plain: plain,
			contentType: mime.TypeByExtension(ext)}
		if f.contentType == "" {
			f.contentType = "application/octet-stream"
		}
		if compressible[ext] {
			var gz bytes.Buffer
			w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
			if _, err := w.Write(plain); err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			f.gzip = gz.Bytes()
			f.zstd = zw.EncodeAll(plain, nil)
		}
		a.byName[name] = f
		a.byFingerprint[fingerprinted] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: unable to read the static files: %w", err)
	}
	return a, nil
}

// url is the fingerprinted URL of a static file; templates call it as
// {{asset "app.css"}}. A name that is not there is a mistake in a
// template, shown as such rather than a broken link that looks fine.
func (a *assets) url(name string) (string, error) {
	f, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("web: no static file %q", name)
	}
	return f.url, nil
}

// lookup finds a static file by the name in its URL: fingerprinted (true)
// or plain (a script that builds the URL itself, a bookmark, an old page).
func (a *assets) lookup(name string) (*asset, bool, bool) {
	if f, ok := a.byFingerprint[name]; ok {
		return f, true, true
	}
	f, ok := a.byName[name]
	return f, false, ok
}

// body is the file in the smallest coding the request accepts: at their
// best levels gzip and zstd come out within a few per cent of each other,
// and on a phone the bytes count, not the decoder's speed.
func (f *asset) body(acceptEncoding string) ([]byte, string) {
	zstdOK := f.zstd != nil && acceptsCoding(acceptEncoding, "zstd")
	gzipOK := f.gzip != nil && acceptsCoding(acceptEncoding, "gzip")
	switch {
	case zstdOK && (!gzipOK || len(f.zstd) <= len(f.gzip)):
		return f.zstd, "zstd"
	case gzipOK:
		return f.gzip, "gzip"
	}
	return f.plain, ""
}

// acceptsCoding reports whether an Accept-Encoding header offers coding
// (and does not refuse it with q=0).
func acceptsCoding(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(params), " ", ""))
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
