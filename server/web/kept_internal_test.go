package web

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"testing"
)

// TestKeptPagesStayWithinTheirBudget: an attacker asking for endless
// addresses fills the kept pages up to keptBudget and no further; the
// oldest leave first.
func TestKeptPagesStayWithinTheirBudget(t *testing.T) {
	k := newKeptPages()
	page := make([]byte, 1<<20)
	for i := range 100 {
		k.put(keptKey(sha256.Sum256([]byte(fmt.Sprint(i)))), &keptPage{header: http.Header{"Content-Type": {"text/html"}}, plain: page})
		if k.used > k.budget {
			t.Fatalf("after %d pages of 1 MB the kept pages count %d bytes, budget %d", i+1, k.used, k.budget)
		}
	}
	if _, ok := k.get(keptKey(sha256.Sum256([]byte("99")))); !ok {
		t.Error("the newest page is not kept")
	}
	if _, ok := k.get(keptKey(sha256.Sum256([]byte("0")))); ok {
		t.Error("the oldest page is still kept past the budget")
	}
	if want := keptBudget / (2<<20 + keptOverhead); len(k.byKey) != len(k.order) || len(k.byKey) != want {
		t.Errorf("%d pages kept (%d in order), want %d", len(k.byKey), len(k.order), want)
	}
}

// TestAcceptsCodingReadsQualityInAnyCase: "gzip;Q=0" refuses gzip as
// "gzip;q=0" does (RFC 9110: the parameter name is case-insensitive).
func TestAcceptsCodingReadsQualityInAnyCase(t *testing.T) {
	for header, want := range map[string]bool{"gzip": true, "gzip;q=0": false, "gzip;Q=0": false, "gzip; Q=0.000": false,
		"br, GZIP;q=0.5": true, "zstd": false} {
		if got := acceptsCoding(header, "gzip"); got != want {
			t.Errorf("acceptsCoding(%q, gzip) = %v, want %v", header, got, want)
		}
	}
}
