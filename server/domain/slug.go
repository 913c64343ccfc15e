package domain

// ReservedSlugs are first path segments the server uses itself; no
// municipality may take one as its slug (the admin form of issue 3 refuses
// them). TestReservedSlugsCoverRoutes keeps the list in step with routes.go.
var ReservedSlugs = []string{
	"api", "static", "healthz", "readyz", "metrics", "favicon.ico",
	"datenschutz", "barrierefreiheit", "meine-beitraege",
}

// IsReservedSlug reports whether slug is taken by the server.
func IsReservedSlug(slug string) bool {
	for _, r := range ReservedSlugs {
		if r == slug {
			return true
		}
	}
	return false
}
