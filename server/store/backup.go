package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of a SQLite database to dest while the
// server keeps running (VACUUM INTO reads one snapshot; writers are not
// blocked for long). dest must not exist. To restore, stop the server and
// put the copy in place of the database file (removing any -wal and -shm
// files beside it). PostgreSQL installations use pg_dump and pg_restore.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.engine != SQLite {
		return errors.New("store: backup is for SQLite; use pg_dump for PostgreSQL (see README)")
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup target %s exists already", dest)
	}
	// A connection of its own: the read pool is query-only, and the writer
	// must stay free for citizens while the copy is written.
	conn, err := sql.Open("sqlite3", "file:"+s.sqlitePath+"?_busy_timeout=5000")
	if err != nil {
		return fmt.Errorf("store: unable to open database for backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("store: unable to back up to %s: %w", dest, err)
	}
	return nil
}
