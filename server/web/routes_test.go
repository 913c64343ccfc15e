package web

import (
	"strings"
	"testing"

	"zukunftswerk/server/domain"
)

func TestReservedSlugsCoverRoutes(t *testing.T) {
	engine := (&Handler{}).routes()
	seen := 0
	for _, r := range engine.Routes() {
		first := strings.SplitN(strings.TrimPrefix(r.Path, "/"), "/", 2)[0]
		if first == "" || strings.HasPrefix(first, ":") {
			continue
		}
		seen++
		if !domain.IsReservedSlug(first) {
			t.Errorf("route %s %s uses /%s, which is not in domain.ReservedSlugs", r.Method, r.Path, first)
		}
	}
	if seen < 8 {
		t.Fatalf("only %d fixed routes found; the check is broken", seen)
	}
}
