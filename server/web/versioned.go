package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
)

// A versioned response is made only from data the handler has loaded: a
// hash of that data (and of this process's start, because a new binary may
// render the same data differently) is its ETag, so a browser asking again
// with If-None-Match gets a 304, and the rendered bytes can be kept. Any
// change to the data changes the hash: nothing needs invalidating.

// contentTag is the strong ETag of a response made from parts.
func (h *Handler) contentTag(parts ...any) (string, error) {
	sum := sha256.New()
	sum.Write(h.renderings.instance[:])
	enc := json.NewEncoder(sum)
	for _, p := range parts {
		if err := enc.Encode(p); err != nil {
			return "", fmt.Errorf("web: unable to hash a response's content: %w", err)
		}
	}
	return `"` + hex.EncodeToString(sum.Sum(nil)[:16]) + `"`, nil
}

// notModified sets the ETag and the caching rule and answers 304 when the
// request already holds that version.
func notModified(c *gin.Context, tag, cacheControl string) bool {
	c.Header("ETag", tag)
	c.Header("Cache-Control", cacheControl)
	if match := c.GetHeader("If-None-Match"); match != "" && etagMatches(match, tag) {
		c.Status(http.StatusNotModified)
		return true
	}
	return false
}

// revalidate is the caching rule of versioned pages: the browser may keep
// them but must ask again, since a change makes a new version.
const revalidate = "no-cache"

// renderings keeps rendered responses by their ETag, the oldest leaving
// first once maxRenderings are kept: a few dozen concept PDFs of 50–200 KB
// each at most, whatever an attacker asks for (every key is made from data
// the database holds, not from the request alone).
type renderings struct {
	instance [16]byte
	mu       sync.Mutex
	byTag    map[string]rendering
	order    []string
}

// rendering is a kept response: its body and the language it speaks (the
// Content-Language of a page; empty for a file).
type rendering struct {
	body     []byte
	htmlLang string
}

const maxRenderings = 64

func newRenderings() *renderings {
	r := &renderings{byTag: map[string]rendering{}}
	_, _ = rand.Read(r.instance[:])
	return r
}

func (r *renderings) get(tag string) (rendering, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	kept, ok := r.byTag[tag]
	return kept, ok
}

func (r *renderings) put(tag string, kept rendering) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.byTag[tag]; ok {
		return
	}
	if len(r.order) == maxRenderings {
		delete(r.byTag, r.order[0])
		r.order = r.order[1:]
	}
	r.byTag[tag] = kept
	r.order = append(r.order, tag)
}
