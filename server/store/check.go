package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// CheckTemplateInput is a whole check template as it is stored or
// imported: its fields in order, each with its items in order.
type CheckTemplateInput struct {
	domain.CheckTemplate
	Fields []CheckFieldInput
}

// CheckFieldInput is one field of a template with its items.
type CheckFieldInput struct {
	Position int
	Title    string
	Items    []domain.CheckItem
}

// EnsureCheckTemplate stores the template unless one with its slug exists,
// and returns the stored one's id either way.
// Several instances starting at once may all try: one stores it, the others
// find it.
func (s *Store) EnsureCheckTemplate(ctx context.Context, t CheckTemplateInput) (int64, error) {
	var id int64
	err := get(ctx, s.reader, &id, `SELECT id FROM check_template WHERE slug = ?`, t.Slug)
	if err == nil {
		return id, nil
	}
	if err := notFoundIfNoRows(err, "check template"); !errors.Is(err, errNotFound) {
		return 0, err
	}
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		err := get(ctx, tx, &id, `INSERT INTO check_template (slug, title, description, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (slug) DO NOTHING RETURNING id`, t.Slug, t.Title, t.Description, s.now())
		if errors.Is(notFoundIfNoRows(err, "check template"), errNotFound) {
			return get(ctx, tx, &id, `SELECT id FROM check_template WHERE slug = ?`, t.Slug) // another instance stored it
		}
		if err != nil {
			return fmt.Errorf("store: unable to create check template: %w", err)
		}
		return insertCheckFields(ctx, tx, id, t.Fields)
	})
	return id, err
}

// insertCheckFields stores a new template's fields with their items.
func insertCheckFields(ctx context.Context, tx *sqlx.Tx, templateID int64, fields []CheckFieldInput) error {
	for _, f := range fields {
		var fieldID int64
		if err := get(ctx, tx, &fieldID, `INSERT INTO check_field (template_id, position, title) VALUES (?, ?, ?) RETURNING id`,
			templateID, f.Position, f.Title); err != nil {
			return fmt.Errorf("store: unable to create check field: %w", err)
		}
		for i, item := range f.Items {
			if _, err := exec(ctx, tx, `INSERT INTO check_item (field_id, topic, position, question, hint) VALUES (?, ?, ?, ?, ?)`,
				fieldID, item.Topic, i+1, item.Question, item.Hint); err != nil {
				return fmt.Errorf("store: unable to create check item: %w", err)
			}
		}
	}
	return nil
}

// CheckTemplates lists the installation's check templates by title.
func (s *Store) CheckTemplates(ctx context.Context) ([]domain.CheckTemplate, error) {
	var list []domain.CheckTemplate
	if err := selectAll(ctx, s.reader, &list, `SELECT id, slug, title, description, created_at FROM check_template ORDER BY title, id`); err != nil {
		return nil, fmt.Errorf("store: unable to list check templates: %w", err)
	}
	return list, nil
}

// CheckFields lists a template's fields in order.
func (s *Store) CheckFields(ctx context.Context, templateID int64) ([]domain.CheckField, error) {
	var list []domain.CheckField
	if err := selectAll(ctx, s.reader, &list, `SELECT id, template_id, position, title FROM check_field
		WHERE template_id = ? ORDER BY position`, templateID); err != nil {
		return nil, fmt.Errorf("store: unable to list check fields: %w", err)
	}
	return list, nil
}

// CheckItems lists the items of a template as a municipality asks them:
// in its own wording where it has one, without those it hid, with the
// items it added, by field and position.
func (s *Store) CheckItems(ctx context.Context, templateID, municipalityID int64) ([]domain.CheckItem, error) {
	var list []domain.CheckItem
	err := selectAll(ctx, s.reader, &list, `SELECT i.id, i.field_id, i.topic, i.position,
			COALESCE(NULLIF(l.question, ''), i.question) AS question, COALESCE(NULLIF(l.hint, ''), i.hint) AS hint,
			CASE WHEN i.municipality_id IS NULL THEN 0 ELSE 1 END AS own
		FROM check_item i JOIN check_field f ON f.id = i.field_id
		LEFT JOIN check_item_local l ON l.item_id = i.id AND l.municipality_id = ?
		WHERE f.template_id = ? AND (i.municipality_id IS NULL OR i.municipality_id = ?)
			AND (l.hidden IS NULL OR l.hidden = FALSE)
		ORDER BY f.position, i.position, i.id`, municipalityID, templateID, municipalityID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list check items: %w", err)
	}
	return list, nil
}

// CreateCheckRound starts a round of the check for a process (audited). A
// round that continues an earlier one (PreviousID: of the same process and
// template) starts as a copy of its answers, so that the later sitting
// only records what changed.
func (s *Store) CreateCheckRound(ctx context.Context, actor Actor, municipalityID int64, r domain.CheckRound) (domain.CheckRound, error) {
	r.CreatedAt = s.now()
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if r.PreviousID != nil {
			var n int
			if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM check_round WHERE id = ? AND process_id = ? AND template_id = ?`,
				*r.PreviousID, r.ProcessID, r.TemplateID); err != nil {
				return fmt.Errorf("store: unable to check the previous round: %w", err)
			}
			if n == 0 {
				return domain.ValidationError([]domain.FieldError{{Field: "previous", MessageKey: "check.error.previous"}})
			}
		}
		if err := get(ctx, tx, &r.ID, `INSERT INTO check_round (process_id, template_id, title, held_on, previous_id, public, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, r.ProcessID, r.TemplateID, r.Title, r.HeldOn, r.PreviousID, r.Public, r.CreatedAt); err != nil {
			return fmt.Errorf("store: unable to create check round: %w", err)
		}
		if r.PreviousID != nil {
			if _, err := exec(ctx, tx, `INSERT INTO check_answer (round_id, item_id, status, need, note, owner, version, updated_at, updated_by)
				SELECT ?, item_id, status, need, note, owner, 1, ?, ? FROM check_answer WHERE round_id = ?`,
				r.ID, r.CreatedAt, actor.Name, *r.PreviousID); err != nil {
				return fmt.Errorf("store: unable to copy the previous round: %w", err)
			}
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "check_round.create", "check_round", strconv.FormatInt(r.ID, 10), r.Title)
	})
	return r, err
}

const checkRoundColumns = `id, process_id, template_id, title, held_on, previous_id, public, created_at`

// CheckRounds lists a process's rounds, the newest first.
func (s *Store) CheckRounds(ctx context.Context, processID int64) ([]domain.CheckRound, error) {
	var list []domain.CheckRound
	if err := selectAll(ctx, s.reader, &list, `SELECT `+checkRoundColumns+` FROM check_round
		WHERE process_id = ? ORDER BY held_on DESC, id DESC`, processID); err != nil {
		return nil, fmt.Errorf("store: unable to list check rounds: %w", err)
	}
	return list, nil
}

// CheckRound loads a round of the process; a round of another process is
// not found.
func (s *Store) CheckRound(ctx context.Context, processID, roundID int64) (domain.CheckRound, error) {
	var r domain.CheckRound
	if err := get(ctx, s.reader, &r, `SELECT `+checkRoundColumns+` FROM check_round WHERE id = ? AND process_id = ?`, roundID, processID); err != nil {
		return r, notFoundIfNoRows(err, "check round")
	}
	return r, nil
}

// CheckAnswers are a round's stored answers by item.
func (s *Store) CheckAnswers(ctx context.Context, roundID int64) (map[int64]domain.CheckAnswer, error) {
	var list []domain.CheckAnswer
	if err := selectAll(ctx, s.reader, &list, `SELECT round_id, item_id, status, need, note, owner, version, updated_at, updated_by, challenge_id
		FROM check_answer WHERE round_id = ?`, roundID); err != nil {
		return nil, fmt.Errorf("store: unable to load check answers: %w", err)
	}
	byItem := make(map[int64]domain.CheckAnswer, len(list))
	for _, a := range list {
		byItem[a.ItemID] = a
	}
	return byItem, nil
}

// CheckSave is one person's save of an item: what they saw (Base, at
// BaseVersion) and what they want stored (Mine).
type CheckSave struct {
	RoundID, ItemID int64
	Base, Mine      domain.CheckValues
	BaseVersion     int
	By              string
}

// SaveCheckAnswer stores an answer unless someone else saved the item
// since the form was loaded; then the two saves are merged field by field
// (merged true), or, where both changed the same field, refused with a
// *domain.CheckConflict that holds what is stored now. The write is
// conditional on the version read, so of concurrent saves exactly one
// wins each version and the others go round again.
func (s *Store) SaveCheckAnswer(ctx context.Context, sv CheckSave) (answer domain.CheckAnswer, merged bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.checkItemInRound(ctx, tx, sv.RoundID, sv.ItemID); err != nil {
			return err
		}
		for {
			current := domain.CheckAnswer{RoundID: sv.RoundID, ItemID: sv.ItemID}
			err := get(ctx, tx, &current, `SELECT round_id, item_id, status, need, note, owner, version, updated_at, updated_by, challenge_id
				FROM check_answer WHERE round_id = ? AND item_id = ?`, sv.RoundID, sv.ItemID)
			if err != nil && !errors.Is(notFoundIfNoRows(err, "check answer"), errNotFound) {
				return err
			}
			values := sv.Mine
			if current.Version != sv.BaseVersion {
				var conflicts []string
				values, conflicts = domain.MergeCheckValues(sv.Base, sv.Mine, current.CheckValues)
				if len(conflicts) > 0 {
					return &domain.CheckConflict{Current: current, Fields: conflicts}
				}
				merged = true
			}
			now := s.now()
			answer = domain.CheckAnswer{RoundID: sv.RoundID, ItemID: sv.ItemID, CheckValues: values,
				Version: current.Version + 1, UpdatedAt: &now, UpdatedBy: sv.By, ChallengeID: current.ChallengeID}
			res, err := exec(ctx, tx, `INSERT INTO check_answer (round_id, item_id, status, need, note, owner, version, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (round_id, item_id) DO UPDATE SET status = excluded.status, need = excluded.need, note = excluded.note,
					owner = excluded.owner, version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by
				WHERE check_answer.version = ?`,
				sv.RoundID, sv.ItemID, values.Status, values.Need, values.Note, values.Owner, answer.Version, now, sv.By, current.Version)
			if err != nil {
				return fmt.Errorf("store: unable to save check answer: %w", err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("store: unable to save check answer: %w", err)
			} else if n == 1 {
				return nil
			}
			// Another writer saved this version first (PostgreSQL runs
			// writers side by side): read again and merge with theirs.
		}
	})
	return answer, merged, err
}

// checkItemInRound makes sure the item is one the round asks: of its
// template, not another municipality's own, not one its municipality hid.
func (s *Store) checkItemInRound(ctx context.Context, tx *sqlx.Tx, roundID, itemID int64) error {
	var n int
	if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM check_item i
		JOIN check_field f ON f.id = i.field_id
		JOIN check_round r ON r.template_id = f.template_id
		JOIN process p ON p.id = r.process_id
		LEFT JOIN check_item_local l ON l.item_id = i.id AND l.municipality_id = p.municipality_id
		WHERE r.id = ? AND i.id = ? AND (i.municipality_id IS NULL OR i.municipality_id = p.municipality_id)
			AND (l.hidden IS NULL OR l.hidden = FALSE)`, roundID, itemID); err != nil {
		return fmt.Errorf("store: unable to check the check item: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("store: check item: %w", errNotFound)
	}
	return nil
}

// CheckChallenge is what an item of a round becomes in the concept: a
// challenge (domain.KindChallenge) of an action field.
type CheckChallenge struct {
	RoundID, ItemID, ProcessID, FieldID int64
	Title, Body                         string
}

// MakeCheckChallenge turns an answered item of a round into a challenge of
// the action field (audited) and links the two; an item that is one
// already keeps it. It returns the challenge's id.
func (s *Store) MakeCheckChallenge(ctx context.Context, actor Actor, municipalityID int64, ch CheckChallenge) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var row struct {
			ChallengeID *int64 `db:"challenge_id"`
			Need        string `db:"need"`
		}
		err := get(ctx, tx, &row, `SELECT challenge_id, need FROM check_answer WHERE round_id = ? AND item_id = ?`+s.forUpdate(),
			ch.RoundID, ch.ItemID)
		if err != nil {
			return notFoundIfNoRows(err, "check answer")
		}
		if row.ChallengeID != nil {
			id = *row.ChallengeID
			return nil
		}
		// Read again under the lock: a save to "kein Bedarf" may have
		// come between the caller's look and this transaction.
		if !(domain.CheckValues{Need: row.Need}).HasNeed() {
			return domain.Errorf(domain.CodeConflict, "check.error.no_need")
		}
		key := fmt.Sprintf("check:%d:%d", ch.RoundID, ch.ItemID)
		if err := get(ctx, tx, &id, `INSERT INTO contribution (process_id, action_field_id, kind, title, body, origin, pseudonym,
			device_hash, idempotency_key, visibility, status, created_at)
			VALUES (?, ?, ?, ?, ?, ?, '', '', ?, 'visible', ?, ?) RETURNING id`,
			ch.ProcessID, ch.FieldID, domain.KindChallenge, ch.Title, ch.Body, domain.OriginCheck, key, domain.StatusSubmitted, s.now()); err != nil {
			return fmt.Errorf("store: unable to create challenge: %w", err)
		}
		if _, err := exec(ctx, tx, `INSERT INTO contribution_fts (docid, content) VALUES (?, ?)`, id, domain.SearchText(ch.Title+" "+ch.Body)); err != nil {
			return fmt.Errorf("store: unable to index challenge: %w", err)
		}
		if _, err := exec(ctx, tx, `UPDATE check_answer SET challenge_id = ? WHERE round_id = ? AND item_id = ?`, id, ch.RoundID, ch.ItemID); err != nil {
			return fmt.Errorf("store: unable to link challenge: %w", err)
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "check_answer.challenge", "check_round", strconv.FormatInt(ch.RoundID, 10), ch.Title)
	})
	return id, err
}

// CheckOriginOf is the item of a round the contribution came from, if it
// is a challenge made from one.
func (s *Store) CheckOriginOf(ctx context.Context, contributionID int64) (domain.CheckOrigin, bool, error) {
	var o domain.CheckOrigin
	err := get(ctx, s.reader, &o, `SELECT a.round_id, a.item_id, r.title AS round_title,
			COALESCE(NULLIF(l.question, ''), i.question) AS question
		FROM check_answer a JOIN check_round r ON r.id = a.round_id JOIN check_item i ON i.id = a.item_id
		JOIN process p ON p.id = r.process_id
		LEFT JOIN check_item_local l ON l.item_id = i.id AND l.municipality_id = p.municipality_id
		WHERE a.challenge_id = ?`, contributionID)
	if errors.Is(notFoundIfNoRows(err, "check origin"), errNotFound) {
		return o, false, nil
	}
	if err != nil {
		return o, false, fmt.Errorf("store: unable to load a challenge's origin: %w", err)
	}
	return o, true, nil
}

// ErrSlugTaken is returned by ImportCheckTemplate for a slug in use.
var ErrSlugTaken = domain.Errorf(domain.CodeConflict, "check.import.slug_taken")

// ImportCheckTemplate stores a new template (audited); a slug in use is a
// conflict, and nothing is stored.
func (s *Store) ImportCheckTemplate(ctx context.Context, actor Actor, t CheckTemplateInput) (int64, error) {
	var n int
	if err := get(ctx, s.reader, &n, `SELECT COUNT(*) FROM check_template WHERE slug = ?`, t.Slug); err != nil {
		return 0, fmt.Errorf("store: unable to check the template's slug: %w", err)
	}
	if n > 0 {
		return 0, ErrSlugTaken
	}
	var id int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		err := get(ctx, tx, &id, `INSERT INTO check_template (slug, title, description, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (slug) DO NOTHING RETURNING id`, t.Slug, t.Title, t.Description, s.now())
		if errors.Is(notFoundIfNoRows(err, "check template"), errNotFound) {
			return ErrSlugTaken // another import took it meanwhile
		}
		if err != nil {
			return fmt.Errorf("store: unable to create check template: %w", err)
		}
		if err := insertCheckFields(ctx, tx, id, t.Fields); err != nil {
			return err
		}
		return s.insertAudit(ctx, tx, actor, 0, "check_template.import", "check_template", strconv.FormatInt(id, 10), t.Title)
	})
	return id, err
}

// CheckTemplateContent is a stored template with its fields and items as
// the template has them (without any municipality's own wording).
func (s *Store) CheckTemplateContent(ctx context.Context, templateID int64) (CheckTemplateInput, error) {
	var in CheckTemplateInput
	if err := get(ctx, s.reader, &in.CheckTemplate, `SELECT id, slug, title, description, created_at FROM check_template WHERE id = ?`, templateID); err != nil {
		return in, notFoundIfNoRows(err, "check template")
	}
	fields, err := s.CheckFields(ctx, templateID)
	if err != nil {
		return in, err
	}
	var items []domain.CheckItem
	if err := selectAll(ctx, s.reader, &items, `SELECT i.id, i.field_id, i.topic, i.position, i.question, i.hint
		FROM check_item i JOIN check_field f ON f.id = i.field_id
		WHERE f.template_id = ? AND i.municipality_id IS NULL ORDER BY f.position, i.position, i.id`, templateID); err != nil {
		return in, fmt.Errorf("store: unable to load the template's items: %w", err)
	}
	for _, f := range fields {
		fi := CheckFieldInput{Position: f.Position, Title: f.Title}
		for _, item := range items {
			if item.FieldID == f.ID {
				fi.Items = append(fi.Items, domain.CheckItem{Topic: item.Topic, Question: item.Question, Hint: item.Hint})
			}
		}
		in.Fields = append(in.Fields, fi)
	}
	return in, nil
}

// CheckTemplateItemCounts are the number of items of each template.
func (s *Store) CheckTemplateItemCounts(ctx context.Context) (map[int64]int, error) {
	var rows []struct {
		TemplateID int64 `db:"template_id"`
		N          int   `db:"n"`
	}
	if err := selectAll(ctx, s.reader, &rows, `SELECT f.template_id, COUNT(*) AS n FROM check_item i
		JOIN check_field f ON f.id = i.field_id WHERE i.municipality_id IS NULL GROUP BY f.template_id`); err != nil {
		return nil, fmt.Errorf("store: unable to count the templates' items: %w", err)
	}
	counts := make(map[int64]int, len(rows))
	for _, r := range rows {
		counts[r.TemplateID] = r.N
	}
	return counts, nil
}
