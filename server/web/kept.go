package web

import (
	"bytes"
	"crypto/sha256"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Public pages made from the database alone — the idea list, the
// Handlungskonzept and its PDF, the implementation dashboard — are kept
// once made, under the data version they were made at
// (store/data_version.go). While the version stands still, a request costs
// one read of that number: no queries, no template, no compression (a kept
// page is compressed once, on its second request, and the smaller coding
// the client accepts leaves as it is). Any write anywhere raises the
// version, so a citizen who just supported an idea sees it on the next
// page, on any instance. During a live workshop the dots raise it many
// times a second; the concept page and the PDF then still skip the layout
// by their content tag (versioned.go).
//
// The key is the version, the language, the address and what else the page
// depends on (vary): the device's supports for the idea list, the town's
// date for the dashboard. An answer that is not a 200, sets a cookie or is
// larger than maxKeptPage is passed on and not kept.

// keptPages holds kept answers under the hash of their key, the oldest
// leaving first once they together pass keptBudget bytes (bodies, their
// compressed forms and keptOverhead each): an attacker asking for endless
// addresses costs us at most that much memory.
type keptPages struct {
	mu     sync.Mutex
	used   int
	byKey  map[keptKey]*keptPage
	order  []keptKey
	zstd   *zstd.Encoder
	budget int
}

// keptKey is the SHA-256 of what a kept page depends on: a long address or
// a device with many supports costs 32 bytes.
type keptKey [sha256.Size]byte

const (
	keptBudget  = 32 << 20
	maxKeptPage = 2 << 20
	// keptOverhead is what a kept page costs beside its bytes: the map
	// entry, its key twice, the header.
	keptOverhead = 512
)

// keptHeaders are the fields of an answer that are kept with its body.
var keptHeaders = []string{"Content-Type", "Content-Language", "Content-Disposition", "ETag", "Cache-Control"}

// keptPage is one kept answer. Its compressed forms are made on the first
// request that can use them.
type keptPage struct {
	header     http.Header
	plain      []byte
	compress   sync.Once
	gzip, zstd []byte
}

func newKeptPages() *keptPages {
	// Without options NewWriter cannot fail.
	enc, _ := zstd.NewWriter(nil)
	return &keptPages{byKey: map[keptKey]*keptPage{}, zstd: enc, budget: keptBudget}
}

// keptSize is what a kept page counts against the budget: it may grow by
// its compressed forms, never beyond twice its size.
func keptSize(p *keptPage) int { return 2*len(p.plain) + keptOverhead }

func (k *keptPages) get(key keptKey) (*keptPage, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	p, ok := k.byKey[key]
	return p, ok
}

func (k *keptPages) put(key keptKey, p *keptPage) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.byKey[key]; ok {
		return
	}
	size := keptSize(p)
	for k.used+size > k.budget && len(k.order) > 0 {
		oldest := k.order[0]
		k.used -= keptSize(k.byKey[oldest])
		delete(k.byKey, oldest)
		k.order = k.order[1:]
	}
	k.byKey[key] = p
	k.order = append(k.order, key)
	k.used += size
}

// body is the page in the smaller coding the request accepts.
func (p *keptPage) body(k *keptPages, acceptEncoding string) ([]byte, string) {
	if !strings.HasPrefix(p.header.Get("Content-Type"), "text/") {
		return p.plain, "" // the PDF: its streams are deflated already
	}
	zstdOK, gzipOK := acceptsCoding(acceptEncoding, "zstd"), acceptsCoding(acceptEncoding, "gzip")
	if !zstdOK && !gzipOK {
		return p.plain, ""
	}
	p.compress.Do(func() {
		p.zstd = k.zstd.EncodeAll(p.plain, nil)
		var gz bytes.Buffer
		w := gzip.NewWriter(&gz)
		_, _ = w.Write(p.plain) // a bytes.Buffer does not fail
		_ = w.Close()
		p.gzip = gz.Bytes()
	})
	if zstdOK && (!gzipOK || len(p.zstd) <= len(p.gzip)) {
		return p.zstd, "zstd"
	}
	return p.gzip, "gzip"
}

// keptByVersion answers a public GET from a kept page while the data
// version has not moved, else lets next make the page and keeps it. vary
// names what else the page depends on; it may answer the request itself
// (false) when it fails.
func (h *Handler) keptByVersion(vary func(*gin.Context) (string, bool), next gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		version, err := h.App.DataVersion(c.Request.Context())
		if err != nil {
			h.Log.Warn("data version unreadable, page made afresh", "error", err)
			next(c)
			return
		}
		also := ""
		if vary != nil {
			var ok bool
			if also, ok = vary(c); !ok {
				return
			}
		}
		key := keptKey(sha256.Sum256([]byte(strconv.FormatInt(version, 10) + "\x00" + langOf(c) + "\x00" +
			c.Request.URL.RequestURI() + "\x00" + also)))
		if p, ok := h.kept.get(key); ok {
			h.metrics.keptPages.WithLabelValues("hit").Inc()
			h.writeKept(c, p)
			return
		}
		h.metrics.keptPages.WithLabelValues("miss").Inc()
		cookies := len(c.Writer.Header().Values("Set-Cookie"))
		rec := &recordingWriter{ResponseWriter: c.Writer}
		c.Writer = rec
		next(c)
		c.Writer = rec.ResponseWriter
		if rec.Status() != http.StatusOK || rec.tooLarge || len(rec.Header().Values("Set-Cookie")) != cookies {
			return
		}
		p := &keptPage{header: http.Header{}, plain: bytes.Clone(rec.body.Bytes())}
		for _, name := range keptHeaders {
			if v := rec.Header().Get(name); v != "" {
				p.header.Set(name, v)
			}
		}
		h.kept.put(key, p)
	}
}

// writeKept answers with a kept page: a 304 when the browser has it.
func (h *Handler) writeKept(c *gin.Context, p *keptPage) {
	header := c.Writer.Header()
	for name, values := range p.header {
		header[name] = values
	}
	if tag := p.header.Get("ETag"); tag != "" && notModified(c, tag, p.header.Get("Cache-Control")) {
		return
	}
	accepted := c.GetHeader("Accept-Encoding")
	if isHead(c.Request) {
		accepted = "" // as gzhttp answers a HEAD: uncompressed
	}
	body, coding := p.body(h.kept, accepted)
	if strings.HasPrefix(p.header.Get("Content-Type"), "text/") && !slices.Contains(header.Values("Vary"), "Accept-Encoding") {
		header.Add("Vary", "Accept-Encoding")
	}
	if coding != "" {
		// Set, the compressor in front passes the bytes on as they are.
		header.Set("Content-Encoding", coding)
	}
	c.Writer.WriteHeader(http.StatusOK)
	_, _ = c.Writer.Write(body)
}

// recordingWriter passes an answer on and keeps a copy of its body, up to
// maxKeptPage bytes.
type recordingWriter struct {
	gin.ResponseWriter
	body     bytes.Buffer
	tooLarge bool
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	w.record(b)
	return w.ResponseWriter.Write(b)
}

func (w *recordingWriter) WriteString(s string) (int, error) {
	w.record([]byte(s))
	return w.ResponseWriter.WriteString(s)
}

func (w *recordingWriter) record(b []byte) {
	if w.tooLarge {
		return
	}
	if w.body.Len()+len(b) > maxKeptPage {
		w.tooLarge = true
		w.body = bytes.Buffer{}
		return
	}
	w.body.Write(b)
}

// deviceSupportsVary is what makes one device's idea list differ from
// another's: the ideas of the process it supports.
func (h *Handler) deviceSupportsVary(c *gin.Context) (string, bool) {
	ids, err := h.App.SupportedInProcess(c.Request.Context(), c.Param("municipality"), c.Param("process"), h.deviceHash(c, false))
	if err != nil {
		h.fail(c, err)
		return "", false
	}
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte(',')
	}
	return b.String(), true
}

// townDateVary is today's date in the town's time zone: what is due or
// overdue on the dashboard changes at midnight, not only with the data.
func (h *Handler) townDateVary(c *gin.Context) (string, bool) {
	// The dashboard counts in UTC, the page shows the town's dates: both.
	now := time.Now()
	return now.UTC().Format("2006-01-02") + "/" + now.In(h.Config.Location).Format("2006-01-02"), true
}
