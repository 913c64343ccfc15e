package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// ReportIdea records one device's report of a visible idea (a device counts
// once, however often it reports) and hides the idea pending review when it
// reaches threshold reports. It says whether the idea is hidden now.
func (s *Store) ReportIdea(ctx context.Context, processID, ideaID int64, deviceHash string, r domain.Report, threshold int) (hidden bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		var exists int
		if err := get(ctx, tx, &exists,
			`SELECT COUNT(*) FROM contribution WHERE id = ? AND process_id = ? AND visibility = 'visible'`,
			ideaID, processID); err != nil {
			return fmt.Errorf("store: unable to find idea to report: %w", err)
		}
		if exists == 0 {
			return fmt.Errorf("store: idea to report: %w", errNotFound)
		}
		res, err := exec(ctx, tx, `INSERT INTO report (contribution_id, device_hash, reason, note, created_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (contribution_id, device_hash) DO NOTHING`,
			ideaID, deviceHash, r.Reason, r.Note, s.now())
		if err != nil {
			return fmt.Errorf("store: unable to save report: %w", err)
		}
		if added, _ := res.RowsAffected(); added == 0 {
			return nil
		}
		if _, err := exec(ctx, tx, `UPDATE contribution SET report_count = report_count + 1,
			visibility = CASE WHEN report_count + 1 >= ? THEN 'hidden' ELSE visibility END,
			hidden_reason = CASE WHEN report_count + 1 >= ? THEN 'reported' ELSE hidden_reason END
			WHERE id = ?`, threshold, threshold, ideaID); err != nil {
			return fmt.Errorf("store: unable to count report: %w", err)
		}
		var visibility string
		if err := get(ctx, tx, &visibility, `SELECT visibility FROM contribution WHERE id = ?`, ideaID); err != nil {
			return fmt.Errorf("store: unable to read visibility: %w", err)
		}
		hidden = visibility == domain.Hidden
		return nil
	})
	return hidden, err
}
