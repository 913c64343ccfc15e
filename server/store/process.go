package store

import (
	"context"
	"fmt"

	"zukunftswerk/server/domain"
)

const processColumns = `id, municipality_id, slug, title, description, cycle, status, moderation`

// Processes lists the processes of a municipality, newest cycle first.
func (s *Store) Processes(ctx context.Context, municipalityID int64) ([]domain.Process, error) {
	var list []domain.Process
	err := selectAll(ctx, s.reader, &list,
		`SELECT `+processColumns+` FROM process WHERE municipality_id = ? ORDER BY cycle DESC, id DESC`, municipalityID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list processes: %w", err)
	}
	return list, nil
}

// ProcessBySlug loads one process of a municipality.
func (s *Store) ProcessBySlug(ctx context.Context, municipalityID int64, slug string) (domain.Process, error) {
	var p domain.Process
	err := get(ctx, s.reader, &p,
		`SELECT `+processColumns+` FROM process WHERE municipality_id = ? AND slug = ?`, municipalityID, slug)
	if err != nil {
		return p, notFoundIfNoRows(err, "process")
	}
	return p, nil
}

// ProcessSlugs are the slugs of a process's municipality and its own, for
// links to its pages.
func (s *Store) ProcessSlugs(ctx context.Context, processID int64) (municipality, process string, err error) {
	var row struct {
		Municipality string `db:"municipality"`
		Process      string `db:"process"`
	}
	err = get(ctx, s.reader, &row, `SELECT m.slug AS municipality, p.slug AS process FROM process p
		JOIN municipality m ON m.id = p.municipality_id WHERE p.id = ?`, processID)
	if err != nil {
		return "", "", notFoundIfNoRows(err, "process")
	}
	return row.Municipality, row.Process, nil
}

// EnsureProcess creates the process unless its slug exists in the
// municipality and returns it either way.
func (s *Store) EnsureProcess(ctx context.Context, p domain.Process) (domain.Process, error) {
	err := s.execInTx(ctx,
		`INSERT INTO process (municipality_id, slug, title, description, cycle, status, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (municipality_id, slug) DO NOTHING`,
		p.MunicipalityID, p.Slug, p.Title, p.Description, p.Cycle, p.Status, s.now())
	if err != nil {
		return domain.Process{}, fmt.Errorf("store: unable to create process: %w", err)
	}
	return s.ProcessBySlug(ctx, p.MunicipalityID, p.Slug)
}

// ActionFields lists the action fields of a process by number.
func (s *Store) ActionFields(ctx context.Context, processID int64) ([]domain.ActionField, error) {
	var list []domain.ActionField
	err := selectAll(ctx, s.reader, &list,
		`SELECT id, process_id, position, title, question, colour FROM action_field
		 WHERE process_id = ? ORDER BY position`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list action fields: %w", err)
	}
	return list, nil
}

// EnsureActionField creates the action field unless its number is taken.
func (s *Store) EnsureActionField(ctx context.Context, f domain.ActionField) error {
	err := s.execInTx(ctx,
		`INSERT INTO action_field (process_id, position, title, question, colour)
		 VALUES (?, ?, ?, ?, ?) ON CONFLICT (process_id, position) DO NOTHING`,
		f.ProcessID, f.Position, f.Title, f.Question, f.Colour)
	if err != nil {
		return fmt.Errorf("store: unable to create action field: %w", err)
	}
	return nil
}

// Milestones lists the Fahrplan of a process in its order.
func (s *Store) Milestones(ctx context.Context, processID int64) ([]domain.Milestone, error) {
	var list []domain.Milestone
	err := selectAll(ctx, s.reader, &list,
		`SELECT id, process_id, position, occurs_on, date_precision, kind, title, description, done
		 FROM milestone WHERE process_id = ? ORDER BY position`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list milestones: %w", err)
	}
	return list, nil
}

// EnsureMilestone creates the milestone unless its position is taken.
func (s *Store) EnsureMilestone(ctx context.Context, m domain.Milestone) error {
	err := s.execInTx(ctx,
		`INSERT INTO milestone (process_id, position, occurs_on, date_precision, kind, title, description, done)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (process_id, position) DO NOTHING`,
		m.ProcessID, m.Position, m.OccursOn, m.DatePrecision, m.Kind, m.Title, m.Description, m.Done)
	if err != nil {
		return fmt.Errorf("store: unable to create milestone: %w", err)
	}
	return nil
}
