package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// CreateMunicipality creates a municipality and makes the actor its admin.
func (s *Store) CreateMunicipality(ctx context.Context, actor Actor, slug, name string) (domain.Municipality, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		err := get(ctx, tx, &id, `INSERT INTO municipality (slug, name, created_at) VALUES (?, ?, ?)
			ON CONFLICT (slug) DO NOTHING RETURNING id`, slug, name, s.now())
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.CodeConflict, "admin.error.slug_taken")
		}
		if err != nil {
			return fmt.Errorf("store: unable to create municipality: %w", err)
		}
		if _, err := exec(ctx, tx, `INSERT INTO staff_role (user_id, municipality_id, role) VALUES (?, ?, 'admin')`, actor.UserID, id); err != nil {
			return fmt.Errorf("store: unable to make the creator admin: %w", err)
		}
		return s.insertAudit(ctx, tx, actor, id, "municipality.create", "municipality", slug, name)
	})
	if err != nil {
		return domain.Municipality{}, err
	}
	return s.MunicipalityBySlug(ctx, slug)
}

// CreateProcess adds a process to a municipality.
func (s *Store) CreateProcess(ctx context.Context, actor Actor, p domain.Process) (domain.Process, error) {
	err := s.audited(ctx, actor, p.MunicipalityID, "process.create", "process", p.Slug, p.Title, func(tx *sqlx.Tx) error {
		var id int64
		err := get(ctx, tx, &id, `INSERT INTO process (municipality_id, slug, title, description, cycle, status, moderation, created_at)
			VALUES (?, ?, ?, ?, 1, 'active', ?, ?) ON CONFLICT (municipality_id, slug) DO NOTHING RETURNING id`,
			p.MunicipalityID, p.Slug, p.Title, p.Description, p.Moderation, s.now())
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.CodeConflict, "admin.error.slug_taken")
		}
		if err != nil {
			return fmt.Errorf("store: unable to create process: %w", err)
		}
		return nil
	})
	if err != nil {
		return domain.Process{}, err
	}
	return s.ProcessBySlug(ctx, p.MunicipalityID, p.Slug)
}

// UpdateProcess changes title, description and moderation mode.
func (s *Store) UpdateProcess(ctx context.Context, actor Actor, p domain.Process) error {
	return s.audited(ctx, actor, p.MunicipalityID, "process.update", "process", p.Slug, "moderation="+p.Moderation, func(tx *sqlx.Tx) error {
		res, err := exec(ctx, tx, `UPDATE process SET title = ?, description = ?, moderation = ? WHERE id = ? AND municipality_id = ?`,
			p.Title, p.Description, p.Moderation, p.ID, p.MunicipalityID)
		if err != nil {
			return fmt.Errorf("store: unable to update process: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: process: %w", errNotFound)
		}
		return nil
	})
}

// AddActionField appends an action field to a process.
func (s *Store) AddActionField(ctx context.Context, actor Actor, municipalityID int64, f domain.ActionField) error {
	return s.audited(ctx, actor, municipalityID, "action_field.create", "process", strconv.FormatInt(f.ProcessID, 10), f.Title, func(tx *sqlx.Tx) error {
		_, err := exec(ctx, tx, `INSERT INTO action_field (process_id, position, title, question, colour)
			VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM action_field WHERE process_id = ?), ?, ?, '#1d5c8c')`,
			f.ProcessID, f.ProcessID, f.Title, f.Question)
		if err != nil {
			return fmt.Errorf("store: unable to add action field: %w", err)
		}
		return nil
	})
}

// AddMilestone appends a Fahrplan entry to a process.
func (s *Store) AddMilestone(ctx context.Context, actor Actor, municipalityID int64, m domain.Milestone) error {
	return s.audited(ctx, actor, municipalityID, "milestone.create", "process", strconv.FormatInt(m.ProcessID, 10), m.Title, func(tx *sqlx.Tx) error {
		_, err := exec(ctx, tx, `INSERT INTO milestone (process_id, position, occurs_on, date_precision, kind, title, description, done)
			VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM milestone WHERE process_id = ?), ?, ?, ?, ?, ?, ?)`,
			m.ProcessID, m.ProcessID, m.OccursOn, m.DatePrecision, m.Kind, m.Title, m.Description, m.Done)
		if err != nil {
			return fmt.Errorf("store: unable to add milestone: %w", err)
		}
		return nil
	})
}

// PageText returns the admin's text for a legal page, or "" for the default.
func (s *Store) PageText(ctx context.Context, page, lang string) (string, error) {
	var body string
	err := get(ctx, s.reader, &body, `SELECT body FROM page_text WHERE page = ? AND lang = ?`, page, lang)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: unable to load page text: %w", err)
	}
	return body, nil
}

// SetPageText replaces a legal page's text; an empty body restores the
// default.
func (s *Store) SetPageText(ctx context.Context, actor Actor, page, lang, body string) error {
	return s.audited(ctx, actor, 0, "page.update", "page", page+"/"+lang, "", func(tx *sqlx.Tx) error {
		if _, err := exec(ctx, tx, `DELETE FROM page_text WHERE page = ? AND lang = ?`, page, lang); err != nil {
			return fmt.Errorf("store: unable to replace page text: %w", err)
		}
		if body == "" {
			return nil
		}
		if _, err := exec(ctx, tx, `INSERT INTO page_text (page, lang, body) VALUES (?, ?, ?)`, page, lang, body); err != nil {
			return fmt.Errorf("store: unable to save page text: %w", err)
		}
		return nil
	})
}

// UpdateMilestone changes a Fahrplan entry of the process.
func (s *Store) UpdateMilestone(ctx context.Context, actor Actor, municipalityID int64, m domain.Milestone) error {
	return s.audited(ctx, actor, municipalityID, "milestone.update", "milestone", strconv.FormatInt(m.ID, 10), m.Title, func(tx *sqlx.Tx) error {
		res, err := exec(ctx, tx, `UPDATE milestone SET occurs_on = ?, date_precision = ?, title = ?, description = ?, done = ?
			WHERE id = ? AND process_id = ?`, m.OccursOn, m.DatePrecision, m.Title, m.Description, m.Done, m.ID, m.ProcessID)
		if err != nil {
			return fmt.Errorf("store: unable to update milestone: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: milestone: %w", errNotFound)
		}
		return nil
	})
}

// DeleteMilestone removes a Fahrplan entry of the process.
func (s *Store) DeleteMilestone(ctx context.Context, actor Actor, municipalityID, processID, id int64) error {
	return s.audited(ctx, actor, municipalityID, "milestone.delete", "milestone", strconv.FormatInt(id, 10), "", func(tx *sqlx.Tx) error {
		res, err := exec(ctx, tx, `DELETE FROM milestone WHERE id = ? AND process_id = ?`, id, processID)
		if err != nil {
			return fmt.Errorf("store: unable to delete milestone: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: milestone: %w", errNotFound)
		}
		return nil
	})
}
