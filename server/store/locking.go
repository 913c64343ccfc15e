package store

// forUpdate is the engine seam of row locks. SQLite runs one writing
// transaction at a time (immediate transactions), so its rows need no lock.
// PostgreSQL runs writers side by side at READ COMMITTED: a transaction that
// reads rows to decide a change locks them first, so a second one waits,
// and the statements it runs after waiting see what the first committed
// (a recount then counts both).
func (s *Store) forUpdate() string {
	if s.engine == Postgres {
		return " FOR UPDATE"
	}
	return ""
}
