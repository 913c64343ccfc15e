package store

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// The data version is one number in the database that every write
// transaction (inTx) replaces as its last statement before it commits, so
// the change and the new number become visible together, on every
// instance. A reader that reads the number first and the data after can
// keep what it made from that data under the number: should a write land in
// between, the data is newer than the number, never older, and the next
// reader sees a new number and makes the page again.
//
// The number is random, not a count, and only compared for equality: a
// database put back to an earlier state (a restore, a replica that lagged
// behind) must not arrive at a number it had before with other data. So
// are migrations that applied anything (migrate). A change made by hand
// in SQL must replace it too — the README says how — or the instances be
// restarted.
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

func raiseDataVersion(ctx context.Context, h handle) error {
	var random [8]byte
	_, _ = rand.Read(random[:]) // crypto/rand does not fail
	n := int64(binary.BigEndian.Uint64(random[:]) >> 1)
	if _, err := exec(ctx, h, `UPDATE data_version SET n = ? WHERE id = 1`, n); err != nil {
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
