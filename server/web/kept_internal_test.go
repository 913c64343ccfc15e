package web

import (
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
		k.put(fmt.Sprint(i), &keptPage{header: http.Header{"Content-Type": {"text/html"}}, plain: page})
		if k.used > k.budget {
			t.Fatalf("after %d pages of 1 MB the kept pages count %d bytes, budget %d", i+1, k.used, k.budget)
		}
	}
	if _, ok := k.get("99"); !ok {
		t.Error("the newest page is not kept")
	}
	if _, ok := k.get("0"); ok {
		t.Error("the oldest page is still kept past the budget")
	}
	if len(k.byKey) != len(k.order) || len(k.byKey) != keptBudget/(2<<20) {
		t.Errorf("%d pages kept (%d in order), want %d", len(k.byKey), len(k.order), keptBudget/(2<<20))
	}
}
