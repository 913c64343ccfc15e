package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// The data version is one number in the database that every write
// transaction (inTx) raises as its last statement before it commits, so
// the change and the new number become visible together, on every
// instance. A reader that reads the number first and the data after can
// keep what it made from that data under the number: should a write land in
// between, the data is newer than the number, never older, and the next
// reader sees a new number and makes the page again.
//
// On PostgreSQL the row's lock is held from that last statement to the end
// of the commit, so concurrent writers commit one after another; the
// benchmark of idea submission on PostgreSQL in the README shows what that
// costs.

// DataVersion is the database's current data version.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var n int64
	if err := get(ctx, s.reader, &n, `SELECT n FROM data_version WHERE id = 1`); err != nil {
		return 0, fmt.Errorf("store: unable to read the data version: %w", err)
	}
	return n, nil
}

func raiseDataVersion(ctx context.Context, tx *sqlx.Tx) error {
	if _, err := exec(ctx, tx, `UPDATE data_version SET n = n + 1 WHERE id = 1`); err != nil {
		return fmt.Errorf("store: unable to raise the data version: %w", err)
	}
	return nil
}

// execInTx runs one writing statement as a transaction of its own, so that
// it raises the data version like every other write.
func (s *Store) execInTx(ctx context.Context, query string, args ...any) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := exec(ctx, tx, query, args...)
		return err
	})
}
