package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// QueueItem is a contribution that needs or had a moderator's attention.
type QueueItem struct {
	ID           int64     `db:"id"`
	Title        string    `db:"title"`
	Body         string    `db:"body"`
	Pseudonym    string    `db:"pseudonym"`
	Visibility   string    `db:"visibility"`
	HiddenReason string    `db:"hidden_reason"`
	ReportCount  int       `db:"report_count"`
	Reasons      string    `db:"reasons"` // comma-separated report reasons
	Notes        string    `db:"notes"`   // the reporters' notes, separated by blank lines
	CreatedAt    time.Time `db:"created_at"`
	ProcessTitle string    `db:"process_title"`
	ProcessPath  string    `db:"process_path"`
}

// ModerationQueue lists the municipality's pending, reported and hidden
// contributions: pending first, then by reports, newest first.
func (s *Store) ModerationQueue(ctx context.Context, municipalityID int64) ([]QueueItem, error) {
	var list []QueueItem
	err := selectAll(ctx, s.reader, &list, `SELECT c.id, c.title, c.body, c.pseudonym, c.visibility, c.hidden_reason, c.report_count,
		COALESCE((SELECT `+s.groupConcat("r.reason")+` FROM report r WHERE r.contribution_id = c.id), '') AS reasons,
		COALESCE((SELECT `+s.groupConcatNotes("r.note")+` FROM report r WHERE r.contribution_id = c.id AND r.note <> ''), '') AS notes,
		c.created_at, p.title AS process_title, '/' || m.slug || '/' || p.slug AS process_path
		FROM contribution c JOIN process p ON p.id = c.process_id JOIN municipality m ON m.id = p.municipality_id
		WHERE p.municipality_id = ? AND (c.visibility <> 'visible' OR c.report_count > 0)
		ORDER BY CASE c.visibility WHEN 'pending' THEN 0 WHEN 'visible' THEN 1 ELSE 2 END, c.report_count DESC, c.created_at DESC`,
		municipalityID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list the moderation queue: %w", err)
	}
	return list, nil
}

// Moderation actions.
const (
	ModerationRelease = "release" // pending → visible
	ModerationHide    = "hide"    // → hidden with a public reason
	ModerationRestore = "restore" // hidden or reported → visible, reports cleared
)

// Moderate applies one action to several contributions of the municipality,
// all or nothing, each audited. An id outside the municipality is not found.
func (s *Store) Moderate(ctx context.Context, actor Actor, municipalityID int64, ids []int64, action, reason string) error {
	var query string
	args := []any{}
	switch action {
	case ModerationRelease:
		query = `UPDATE contribution SET visibility = 'visible', hidden_reason = '' WHERE id = ? AND visibility = 'pending'`
	case ModerationHide:
		query = `UPDATE contribution SET visibility = 'hidden', hidden_reason = ? WHERE id = ?`
		args = append(args, reason)
	case ModerationRestore:
		query = `UPDATE contribution SET visibility = 'visible', hidden_reason = '', report_count = 0 WHERE id = ?`
	default:
		return domain.Errorf(domain.CodeBadRequest, "moderation.error.action")
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, id := range ids {
			var owned int
			if err := get(ctx, tx, &owned, `SELECT COUNT(*) FROM contribution c JOIN process p ON p.id = c.process_id
				WHERE c.id = ? AND p.municipality_id = ?`, id, municipalityID); err != nil {
				return fmt.Errorf("store: unable to check contribution: %w", err)
			}
			if owned == 0 {
				return fmt.Errorf("store: contribution %d: %w", id, errNotFound)
			}
			if _, err := exec(ctx, tx, query, append(append([]any{}, args...), id)...); err != nil {
				return fmt.Errorf("store: unable to moderate: %w", err)
			}
			if action == ModerationRestore {
				if _, err := exec(ctx, tx, `DELETE FROM report WHERE contribution_id = ?`, id); err != nil {
					return fmt.Errorf("store: unable to clear reports: %w", err)
				}
			}
			if err := s.insertAudit(ctx, tx, actor, municipalityID, "contribution."+action, "contribution", strconv.FormatInt(id, 10), reason); err != nil {
				return err
			}
		}
		return nil
	})
}
