package store

import (
	"context"
	"fmt"
	"zukunftswerk/server/domain"

	"github.com/jmoiron/sqlx"
)

// SetSupport records (on=true) or withdraws (on=false) the support of one
// device for a visible idea and returns the idea's new support count. The
// primary key (contribution_id, device_hash) makes a device count once, no
// matter how many requests race; the count column moves only when a row
// was really added or removed.
func (s *Store) SetSupport(ctx context.Context, processID, ideaID int64, deviceHash string, on bool) (int, error) {
	var count int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// The idea's row is locked (PostgreSQL), so the recount below sees
		// every support committed before it.
		var id int64
		if err := get(ctx, tx, &id,
			`SELECT id FROM contribution WHERE id = ? AND process_id = ? AND visibility = 'visible' AND merged_into_id IS NULL
			 AND kind <> ?`+s.forUpdate(),
			ideaID, processID, domain.KindChallenge); err != nil {
			return notFoundIfNoRows(err, "idea to support")
		}
		query := `INSERT INTO support (contribution_id, device_hash, created_at) VALUES (?, ?, ?)
		          ON CONFLICT (contribution_id, device_hash) DO NOTHING`
		args := []any{ideaID, deviceHash, s.now()}
		if !on {
			query = `DELETE FROM support WHERE contribution_id = ? AND device_hash = ?`
			args = []any{ideaID, deviceHash}
		}
		res, err := exec(ctx, tx, query, args...)
		if err != nil {
			return fmt.Errorf("store: unable to change support: %w", err)
		}
		if changed, _ := res.RowsAffected(); changed == 1 {
			if err := recountSupport(ctx, tx, ideaID); err != nil {
				return err
			}
		}
		return get(ctx, tx, &count, `SELECT support_count FROM contribution WHERE id = ?`, ideaID)
	})
	return count, err
}

// SupportedBy returns which of the given ideas the device supports.
func (s *Store) SupportedBy(ctx context.Context, deviceHash string, ideaIDs []int64) (map[int64]bool, error) {
	supported := make(map[int64]bool, len(ideaIDs))
	if len(ideaIDs) == 0 || deviceHash == "" {
		return supported, nil
	}
	query, args, err := sqlx.In(`SELECT contribution_id FROM support WHERE device_hash = ? AND contribution_id IN (?)`,
		deviceHash, ideaIDs)
	if err != nil {
		return nil, fmt.Errorf("store: unable to build support query: %w", err)
	}
	var ids []int64
	if err := selectAll(ctx, s.reader, &ids, query, args...); err != nil {
		return nil, fmt.Errorf("store: unable to load supports: %w", err)
	}
	for _, id := range ids {
		supported[id] = true
	}
	return supported, nil
}

// recountSupport sets a contribution's support count to the number of
// devices that support it or any contribution merged into it: a device that
// supported two duplicates counts once.
func recountSupport(ctx context.Context, tx *sqlx.Tx, id int64) error {
	if _, err := exec(ctx, tx, `UPDATE contribution SET support_count = (
			SELECT COUNT(DISTINCT s.device_hash) FROM support s JOIN contribution c ON c.id = s.contribution_id
			WHERE c.id = ? OR c.merged_into_id = ?)
		WHERE id = ?`, id, id, id); err != nil {
		return fmt.Errorf("store: unable to recount supports: %w", err)
	}
	return nil
}

// SupportedInProcess lists the ideas of a process (named by its and its
// municipality's slugs) that a device supports, by id: what makes one
// device's idea list differ from another's. The index support_device finds
// the device's supports.
func (s *Store) SupportedInProcess(ctx context.Context, municipalitySlug, processSlug, deviceHash string) ([]int64, error) {
	if deviceHash == "" {
		return nil, nil
	}
	var ids []int64
	err := selectAll(ctx, s.reader, &ids, `SELECT s.contribution_id FROM support s
		JOIN contribution c ON c.id = s.contribution_id
		JOIN process p ON p.id = c.process_id
		JOIN municipality m ON m.id = p.municipality_id
		WHERE s.device_hash = ? AND p.slug = ? AND m.slug = ? ORDER BY s.contribution_id`, deviceHash, processSlug, municipalitySlug)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load a device's supports: %w", err)
	}
	return ids, nil
}
