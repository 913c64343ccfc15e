package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

const contributionColumns = `id, process_id, action_field_id, kind, title, body, origin, pseudonym,
	visibility, status, support_count, report_count, hidden_reason, created_at,
	workshop_id, group_title, phase_title, dot_total,
	merged_into_id, theme, importance, feasibility, assessment_note, answer, decided_at`

// CreateIdea stores a validated draft as a contribution of the process. The
// idempotency key identifies a submission: sending the same form twice
// returns the first idea with created=false instead of a copy. The key must
// be unique across the installation (random, or scoped by the caller).
func (s *Store) CreateIdea(ctx context.Context, processID int64, d domain.IdeaDraft, deviceHash, idempotencyKey string) (idea domain.Contribution, created bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		var id int64
		err := get(ctx, tx, &id,
			`INSERT INTO contribution (process_id, action_field_id, kind, title, body, origin, pseudonym,
			                           device_hash, idempotency_key, visibility, status, created_at, notify_email)
			 VALUES (?, ?, 'idee', ?, ?, 'online', ?, ?, ?,
			         (SELECT CASE WHEN moderation = 'pre' THEN 'pending' ELSE 'visible' END FROM process WHERE id = ?), ?, ?, ?)
			 ON CONFLICT (idempotency_key) DO NOTHING
			 RETURNING id`,
			processID, d.ActionFieldID, d.Title, d.Body, d.Pseudonym, deviceHash, idempotencyKey,
			processID, domain.StatusSubmitted, s.now(), emailOf(d))
		if errors.Is(err, sql.ErrNoRows) {
			return get(ctx, tx, &idea,
				`SELECT `+contributionColumns+` FROM contribution WHERE idempotency_key = ?`, idempotencyKey)
		}
		if err != nil {
			return fmt.Errorf("store: unable to create idea: %w", err)
		}
		if _, err := exec(ctx, tx, `INSERT INTO contribution_fts (docid, content) VALUES (?, ?)`,
			id, domain.SearchText(d.Title+"\n"+d.Body)); err != nil {
			return fmt.Errorf("store: unable to index idea: %w", err)
		}
		created = true
		return get(ctx, tx, &idea, `SELECT `+contributionColumns+` FROM contribution WHERE id = ?`, id)
	})
	if err != nil {
		return domain.Contribution{}, false, err
	}
	return idea, created, nil
}

// emailOf is the draft's address in its stored form (lower case).
func emailOf(d domain.IdeaDraft) string {
	email, _ := domain.NormalizeEmail(d.NotifyEmail)
	return email
}

// IdeaForViewer loads an idea of the process that is visible, or that the
// viewing device wrote (so an author sees a pending or hidden idea and why).
func (s *Store) IdeaForViewer(ctx context.Context, processID, id int64, deviceHash string) (domain.Contribution, error) {
	var c domain.Contribution
	err := get(ctx, s.reader, &c,
		`SELECT `+contributionColumns+` FROM contribution
		 WHERE id = ? AND process_id = ? AND (visibility = 'visible' OR (device_hash = ? AND device_hash <> ''))`,
		id, processID, deviceHash)
	if err != nil {
		return c, notFoundIfNoRows(err, "idea")
	}
	return c, nil
}

// Ideas returns one page of the visible ideas matching q.
func (s *Store) Ideas(ctx context.Context, q domain.IdeaQuery) (domain.IdeaPage, error) {
	// Challenges (a workshop's Kritik) belong to the concept, not to the
	// ideas citizens support.
	where := []string{"process_id = ?", "visibility = 'visible'", "merged_into_id IS NULL", "kind <> '" + domain.KindChallenge + "'"}
	args := []any{q.ProcessID}
	if q.ActionFieldID > 0 {
		where = append(where, "action_field_id = ?")
		args = append(args, q.ActionFieldID)
	}
	if terms := domain.SearchTerms(q.Search); len(terms) > 0 {
		condition, arg := s.searchCondition(terms)
		where = append(where, condition)
		args = append(args, arg)
	}
	filter := strings.Join(where, " AND ")

	page := domain.IdeaPage{Page: max(q.Page, 1), PerPage: q.PerPage}
	if err := get(ctx, s.reader, &page.Total, `SELECT COUNT(*) FROM contribution WHERE `+filter, args...); err != nil {
		return page, fmt.Errorf("store: unable to count ideas: %w", err)
	}
	page.TotalPages = (page.Total + q.PerPage - 1) / q.PerPage

	order := "created_at DESC, id DESC"
	if q.Sort == domain.SortSupport {
		order = "support_count DESC, id DESC"
	}
	offset := (page.Page - 1) * q.PerPage
	err := selectAll(ctx, s.reader, &page.Ideas,
		`SELECT `+contributionColumns+` FROM contribution WHERE `+filter+
			` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, q.PerPage, offset)...)
	if err != nil {
		return page, fmt.Errorf("store: unable to list ideas: %w", err)
	}
	return page, nil
}

// IdeaByIdempotencyKey finds the idea stored under key, if any.
func (s *Store) IdeaByIdempotencyKey(ctx context.Context, key string) (domain.Contribution, bool, error) {
	var c domain.Contribution
	err := get(ctx, s.reader, &c, `SELECT `+contributionColumns+` FROM contribution WHERE idempotency_key = ?`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("store: unable to look up idempotency key: %w", err)
	}
	return c, true, nil
}
