package store

import "strings"

// searchCondition is the engine seam of full-text search. Both engines index
// the folded text of domain.SearchText in contribution_fts (docid = id);
// terms are letters and digits only (domain.SearchTerms), so neither query
// language can be injected. Every term must match, as a prefix.
//
//   - SQLite: FTS4 with the unicode61 tokenizer, "term*".
//   - PostgreSQL: tsvector with the German configuration (stemming, stop
//     words) and prefix matching, "term:*".
func (s *Store) searchCondition(terms []string) (condition string, arg string) {
	if s.engine == Postgres {
		return `id IN (SELECT docid FROM contribution_fts
		        WHERE to_tsvector('german', content) @@ to_tsquery('german', ?))`,
			strings.Join(terms, ":* & ") + ":*"
	}
	return `id IN (SELECT docid FROM contribution_fts WHERE contribution_fts MATCH ?)`,
		strings.Join(terms, "* ") + "*"
}
