package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	zukunftswerk "zukunftswerk"
	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

func TestPathFillsRoutes(t *testing.T) {
	h := &Handler{}
	h.routes()
	pc := processContext{ProcessScope: app.ProcessScope{Municipality: domain.Municipality{Slug: "ingersheim"}, Process: domain.Process{Slug: "heute"}}}
	for _, tc := range []struct {
		name   string
		params []any
		want   string
	}{
		{"processShow", []any{pc}, "/ingersheim/heute/"},
		{"ideaShow", []any{pc, int64(12)}, "/ingersheim/heute/ideen/12"},
		{"ideaShow", []any{"a b", "ä/ö", 3}, "/a%20b/%C3%A4%2F%C3%B6/ideen/3"},
		{"openDataExport", []any{pc, "beitraege.csv"}, "/ingersheim/heute/daten/beitraege.csv"},
		{"staffHome", nil, "/intern/"},
	} {
		got, err := h.paths.Path(tc.name, tc.params...)
		if err != nil || got != tc.want {
			t.Errorf("Path(%q, %v) = %q, %v; want %q", tc.name, tc.params, got, err, tc.want)
		}
	}
	for _, bad := range [][]any{{"ideaShow", pc}, {"ideaShow", pc, 1, 2}, {"noSuchRoute"}} {
		if got, err := h.paths.Path(bad[0].(string), bad[1:]...); err == nil {
			t.Errorf("Path(%v) = %q, want an error", bad, got)
		}
	}
}

// TestTemplatesNameRealRoutes: every {{path "name" …}} in a template names a
// route of routes.go (the number of parameters is checked when the page
// renders, which every page test does).
func TestTemplatesNameRealRoutes(t *testing.T) {
	h := &Handler{}
	h.routes()
	use := regexp.MustCompile(`\bpath "(\w+)"`)
	found := 0
	err := fs.WalkDir(zukunftswerk.Templates(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		raw, err := fs.ReadFile(zukunftswerk.Templates(), p)
		if err != nil {
			return err
		}
		for _, m := range use.FindAllStringSubmatch(string(raw), -1) {
			found++
			if _, ok := h.paths[m[1]]; !ok {
				t.Errorf("%s: no route named %q", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Fatal("no template uses path: the pattern does not match what templates write")
	}
}
