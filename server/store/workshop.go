package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

const workshopColumns = `id, process_id, kind, title, held_on, place, question, join_code, dot_budget, max_dots_per_card,
	state, current_phase, voting_open, tallies_visible, timer_ends_at, timer_left_ms, created_at`

// CreateWorkshop stores a draft workshop with its phases, groups and days
// (without days: its HeldOn, if any, as the one day).
func (s *Store) CreateWorkshop(ctx context.Context, actor Actor, municipalityID int64, w domain.Workshop, phases []domain.Phase, groups []domain.Group, days ...domain.WorkshopDay) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		err := get(ctx, tx, &id, `INSERT INTO workshop (process_id, kind, title, held_on, place, question, dot_budget, max_dots_per_card,
			state, current_phase, voting_open, tallies_visible, timer_left_ms, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, FALSE, ?, 0, ?) RETURNING id`,
			w.ProcessID, w.Kind, w.Title, w.HeldOn, w.Place, w.Question, w.DotBudget, w.MaxDotsPerCard, w.TalliesVisible, s.now())
		if err != nil {
			return fmt.Errorf("store: unable to create workshop: %w", err)
		}
		for i, p := range phases {
			becomes := p.Becomes
			if becomes == "" {
				becomes = domain.PhaseIdeas
			}
			if _, err := exec(ctx, tx, `INSERT INTO workshop_phase (workshop_id, position, title, prompt, card_kind, becomes) VALUES (?, ?, ?, ?, ?, ?)`,
				id, i+1, p.Title, p.Prompt, p.CardKind, becomes); err != nil {
				return fmt.Errorf("store: unable to add phase: %w", err)
			}
		}
		for i, g := range groups {
			if _, err := exec(ctx, tx, `INSERT INTO working_group (workshop_id, position, title, action_field_id) VALUES (?, ?, ?, ?)`,
				id, i+1, g.Title, g.ActionFieldID); err != nil {
				return fmt.Errorf("store: unable to add group: %w", err)
			}
		}
		if len(days) == 0 && w.HeldOn != nil {
			days = []domain.WorkshopDay{{Day: *w.HeldOn}}
		}
		if err := insertDays(ctx, tx, id, days); err != nil {
			return err
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "workshop.create", "workshop", strconv.FormatInt(id, 10), w.Title)
	})
	return id, err
}

// Workshop loads a workshop of the municipality.
func (s *Store) Workshop(ctx context.Context, municipalityID, id int64) (domain.Workshop, error) {
	var w domain.Workshop
	err := get(ctx, s.reader, &w, `SELECT `+workshopColumns+` FROM workshop
		WHERE id = ? AND process_id IN (SELECT id FROM process WHERE municipality_id = ?)`, id, municipalityID)
	if err != nil {
		return w, notFoundIfNoRows(err, "workshop")
	}
	return w, nil
}

// WorkshopByCode loads a live or closed workshop by its join code.
func (s *Store) WorkshopByCode(ctx context.Context, code string) (domain.Workshop, error) {
	var w domain.Workshop
	err := get(ctx, s.reader, &w, `SELECT `+workshopColumns+` FROM workshop WHERE join_code = ?`, code)
	if err != nil {
		return w, notFoundIfNoRows(err, "workshop")
	}
	return w, nil
}

// WorkshopByID loads any workshop (for the live layer, which has no
// municipality at hand).
func (s *Store) WorkshopByID(ctx context.Context, id int64) (domain.Workshop, error) {
	var w domain.Workshop
	if err := get(ctx, s.reader, &w, `SELECT `+workshopColumns+` FROM workshop WHERE id = ?`, id); err != nil {
		return w, notFoundIfNoRows(err, "workshop")
	}
	return w, nil
}

// Workshops lists the workshops of a municipality, newest first.
func (s *Store) Workshops(ctx context.Context, municipalityID int64) ([]domain.Workshop, error) {
	var list []domain.Workshop
	err := selectAll(ctx, s.reader, &list, `SELECT `+workshopColumns+` FROM workshop
		WHERE process_id IN (SELECT id FROM process WHERE municipality_id = ?) ORDER BY created_at DESC, id DESC`, municipalityID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list workshops: %w", err)
	}
	return list, nil
}

// Phases lists a workshop's phases in order.
func (s *Store) Phases(ctx context.Context, workshopID int64) ([]domain.Phase, error) {
	var list []domain.Phase
	err := selectAll(ctx, s.reader, &list, `SELECT workshop_id, position, title, prompt, card_kind, becomes FROM workshop_phase
		WHERE workshop_id = ? ORDER BY position`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list phases: %w", err)
	}
	return list, nil
}

// Groups lists a workshop's working groups in order.
func (s *Store) Groups(ctx context.Context, workshopID int64) ([]domain.Group, error) {
	var list []domain.Group
	err := selectAll(ctx, s.reader, &list, `SELECT id, workshop_id, position, title, action_field_id FROM working_group
		WHERE workshop_id = ? ORDER BY position`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list groups: %w", err)
	}
	return list, nil
}

// UpdateWorkshop applies a change to the workshop's state in a transaction
// (audited) and returns the new state.
func (s *Store) UpdateWorkshop(ctx context.Context, actor Actor, municipalityID, id int64, action string, apply func(w *domain.Workshop) error) (domain.Workshop, error) {
	var w domain.Workshop
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		err := get(ctx, tx, &w, `SELECT `+workshopColumns+` FROM workshop
			WHERE id = ? AND process_id IN (SELECT id FROM process WHERE municipality_id = ?)`, id, municipalityID)
		if err != nil {
			return notFoundIfNoRows(err, "workshop")
		}
		if err := apply(&w); err != nil {
			return err
		}
		_, err = exec(ctx, tx, `UPDATE workshop SET join_code = ?, state = ?, current_phase = ?, voting_open = ?, tallies_visible = ?,
			timer_ends_at = ?, timer_left_ms = ? WHERE id = ?`,
			w.JoinCode, w.State, w.CurrentPhase, w.VotingOpen, w.TalliesVisible, w.TimerEndsAt, w.TimerLeftMs, w.ID)
		if err != nil {
			return fmt.Errorf("store: unable to update workshop: %w", err)
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "workshop."+action, "workshop", strconv.FormatInt(id, 10), "")
	})
	return w, err
}

// Join makes the device a participant of the workshop (or moves it to
// another group, keeping its cards and dots).
func (s *Store) Join(ctx context.Context, workshopID, groupID int64, deviceHash, name string) (domain.Participant, error) {
	var p domain.Participant
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var ok int
		if err := get(ctx, tx, &ok, `SELECT COUNT(*) FROM working_group WHERE id = ? AND workshop_id = ?`, groupID, workshopID); err != nil {
			return fmt.Errorf("store: unable to check group: %w", err)
		}
		if ok == 0 {
			return domain.Errorf(domain.CodeInvalid, "workshop.error.group")
		}
		_, err := exec(ctx, tx, `INSERT INTO participant (workshop_id, group_id, device_hash, display_name, created_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (workshop_id, device_hash) DO UPDATE SET group_id = excluded.group_id,
			display_name = excluded.display_name`, workshopID, groupID, deviceHash, name, s.now())
		if err != nil {
			return fmt.Errorf("store: unable to join: %w", err)
		}
		return get(ctx, tx, &p, `SELECT id, workshop_id, group_id, display_name FROM participant WHERE workshop_id = ? AND device_hash = ?`,
			workshopID, deviceHash)
	})
	return p, err
}

// ParticipantByDevice finds the device's participant in a workshop.
func (s *Store) ParticipantByDevice(ctx context.Context, workshopID int64, deviceHash string) (domain.Participant, error) {
	var p domain.Participant
	err := get(ctx, s.reader, &p, `SELECT id, workshop_id, group_id, display_name FROM participant WHERE workshop_id = ? AND device_hash = ?`,
		workshopID, deviceHash)
	if err != nil {
		return p, notFoundIfNoRows(err, "participant")
	}
	return p, nil
}

// ParticipantCounts returns how many participants each group has.
func (s *Store) ParticipantCounts(ctx context.Context, workshopID int64) (map[int64]int, error) {
	rows := []struct {
		GroupID int64 `db:"group_id"`
		N       int   `db:"n"`
	}{}
	if err := selectAll(ctx, s.reader, &rows, `SELECT group_id, COUNT(*) AS n FROM participant WHERE workshop_id = ? GROUP BY group_id`, workshopID); err != nil {
		return nil, fmt.Errorf("store: unable to count participants: %w", err)
	}
	out := map[int64]int{}
	for _, r := range rows {
		out[r.GroupID] = r.N
	}
	return out, nil
}

// CloseWorkshop ends a live workshop: voting and the timer stop, and every
// visible card becomes a contribution of the process (origin workshop, with
// group, phase, cluster and dot total) that its writer finds under "Meine
// Beiträge". A card without an action field (neither its own nor its
// group's) goes to restField, a field of the workshop's process; closing
// with such cards and no restField is refused, so nothing lands in a field
// by accident. Closing twice changes nothing.
func (s *Store) CloseWorkshop(ctx context.Context, actor Actor, municipalityID, id, restField int64) (int, error) {
	converted := 0
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var w domain.Workshop
		err := get(ctx, tx, &w, `SELECT `+workshopColumns+` FROM workshop
			WHERE id = ? AND process_id IN (SELECT id FROM process WHERE municipality_id = ?)`, id, municipalityID)
		if err != nil {
			return notFoundIfNoRows(err, "workshop")
		}
		if w.State == domain.WorkshopDraft {
			return domain.Errorf(domain.CodeConflict, "workshop.error.not_live")
		}
		if _, err := exec(ctx, tx, `UPDATE workshop SET state = CASE WHEN state = 'live' THEN 'closed' ELSE state END,
			voting_open = FALSE, timer_ends_at = NULL, timer_left_ms = 0 WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: unable to close workshop: %w", err)
		}
		var cards []struct {
			ID         int64     `db:"id"`
			Kind       string    `db:"kind"`
			Text       string    `db:"text"`
			DotTotal   int       `db:"dot_total"`
			CreatedAt  time.Time `db:"created_at"`
			Device     string    `db:"device_hash"`
			GroupTitle string    `db:"group_title"`
			FieldID    *int64    `db:"action_field_id"`
			PhaseTitle string    `db:"phase_title"`
			Becomes    string    `db:"becomes"`
			Cluster    string    `db:"cluster_title"`
			Paper      bool      `db:"paper"`
		}
		// A card's field: its own (from its group when written, or set by
		// the moderator), else its group's now, else restField.
		err = selectAll(ctx, tx, &cards, `SELECT c.id, c.kind, c.text, c.dot_total, c.created_at,
			COALESCE(pa.device_hash, '') AS device_hash, g.title AS group_title,
			COALESCE(c.action_field_id, g.action_field_id) AS action_field_id,
			ph.title AS phase_title, ph.becomes, COALESCE(cl.title, '') AS cluster_title, c.paper
			FROM card c JOIN working_group g ON g.id = c.group_id
			JOIN workshop_phase ph ON ph.workshop_id = c.workshop_id AND ph.position = c.phase
			LEFT JOIN participant pa ON pa.id = c.participant_id
			LEFT JOIN cluster cl ON cl.id = c.cluster_id
			WHERE c.workshop_id = ? AND c.hidden = FALSE AND c.contribution_id IS NULL ORDER BY c.id`, id)
		if err != nil {
			return fmt.Errorf("store: unable to load cards to close: %w", err)
		}
		if restField != 0 {
			var n int
			if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM action_field WHERE id = ? AND process_id = ?`, restField, w.ProcessID); err != nil {
				return fmt.Errorf("store: unable to check the field for unfiled cards: %w", err)
			}
			if n == 0 {
				return domain.Errorf(domain.CodeInvalid, "workshop.error.field")
			}
		}
		// Under pre-moderation cards wait for release like online ideas:
		// anyone with the join code could write them.
		var moderation string
		if err := get(ctx, tx, &moderation, `SELECT moderation FROM process WHERE id = ?`, w.ProcessID); err != nil {
			return fmt.Errorf("store: unable to read the process's moderation: %w", err)
		}
		visibility := "visible"
		if moderation == domain.ModerationPre {
			visibility = domain.Pending
		}
		for _, c := range cards {
			field := restField
			if c.FieldID != nil {
				field = *c.FieldID
			}
			if field == 0 {
				return domain.Errorf(domain.CodeConflict, "workshop.error.unfiled_cards")
			}
			kind := c.Kind
			if c.Becomes == domain.PhaseChallenges {
				kind = domain.KindChallenge
			}
			origin := domain.OriginWorkshop
			if c.Paper {
				origin = domain.OriginPaper
			}
			var cid int64
			err := get(ctx, tx, &cid, `INSERT INTO contribution (process_id, action_field_id, kind, title, body, origin, pseudonym,
				device_hash, idempotency_key, visibility, status, created_at, workshop_id, group_title, phase_title, cluster_title, dot_total, theme)
				VALUES (?, ?, ?, ?, '', ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				w.ProcessID, field, kind, c.Text, origin, c.Device, "card:"+strconv.FormatInt(c.ID, 10), visibility, domain.StatusSubmitted,
				c.CreatedAt, id, c.GroupTitle, c.PhaseTitle, c.Cluster, c.DotTotal, domain.ThemeOfCluster(c.Cluster))
			if err != nil {
				return fmt.Errorf("store: unable to turn card into contribution: %w", err)
			}
			if _, err := exec(ctx, tx, `INSERT INTO contribution_fts (docid, content) VALUES (?, ?)`, cid, domain.SearchText(c.Text)); err != nil {
				return fmt.Errorf("store: unable to index card: %w", err)
			}
			// The card keeps the field it went to, so that the workshop's
			// documentation names it.
			if _, err := exec(ctx, tx, `UPDATE card SET contribution_id = ?, action_field_id = ? WHERE id = ?`, cid, field, c.ID); err != nil {
				return fmt.Errorf("store: unable to link card: %w", err)
			}
			converted++
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "workshop.close", "workshop", strconv.FormatInt(id, 10),
			strconv.Itoa(converted)+" cards")
	})
	return converted, err
}

// LiveWorkshopIDs lists the workshops that are running.
func (s *Store) LiveWorkshopIDs(ctx context.Context) ([]int64, error) {
	var ids []int64
	if err := selectAll(ctx, s.reader, &ids, `SELECT id FROM workshop WHERE state = 'live'`); err != nil {
		return nil, fmt.Errorf("store: unable to list live workshops: %w", err)
	}
	return ids, nil
}

func insertDays(ctx context.Context, tx *sqlx.Tx, workshopID int64, days []domain.WorkshopDay) error {
	for _, d := range days {
		if _, err := exec(ctx, tx, `INSERT INTO workshop_day (workshop_id, day, starts, ends) VALUES (?, ?, ?, ?)`,
			workshopID, d.Day, d.Starts, d.Ends); err != nil {
			return fmt.Errorf("store: unable to add a workshop day: %w", err)
		}
	}
	return nil
}

// WorkshopDays are the days of the workshops of a process, by workshop,
// in order.
func (s *Store) WorkshopDays(ctx context.Context, processID int64) (map[int64][]domain.WorkshopDay, error) {
	var list []domain.WorkshopDay
	err := selectAll(ctx, s.reader, &list, `SELECT d.workshop_id, d.day, d.starts, d.ends FROM workshop_day d
		JOIN workshop w ON w.id = d.workshop_id WHERE w.process_id = ? ORDER BY d.workshop_id, d.day`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list workshop days: %w", err)
	}
	byWorkshop := map[int64][]domain.WorkshopDay{}
	for _, d := range list {
		byWorkshop[d.WorkshopID] = append(byWorkshop[d.WorkshopID], d)
	}
	return byWorkshop, nil
}

// UpdateWorkshopDetails changes what a moderator may change until the
// workshop is closed: title, place, guiding question and its days
// (audited). The first day becomes held_on.
func (s *Store) UpdateWorkshopDetails(ctx context.Context, actor Actor, municipalityID int64, w domain.Workshop, days []domain.WorkshopDay) error {
	return s.audited(ctx, actor, municipalityID, "workshop.details", "workshop", strconv.FormatInt(w.ID, 10), w.Title, func(tx *sqlx.Tx) error {
		var state string
		err := get(ctx, tx, &state, `SELECT state FROM workshop WHERE id = ? AND process_id IN (SELECT id FROM process WHERE municipality_id = ?)`+s.forUpdate(),
			w.ID, municipalityID)
		if err != nil {
			return notFoundIfNoRows(err, "workshop")
		}
		if state == domain.WorkshopClosed {
			return domain.Errorf(domain.CodeConflict, "workshop.error.closed")
		}
		var first *time.Time
		if len(days) > 0 {
			first = &days[0].Day
		}
		if _, err := exec(ctx, tx, `UPDATE workshop SET title = ?, place = ?, question = ?, held_on = ? WHERE id = ?`,
			w.Title, w.Place, w.Question, first, w.ID); err != nil {
			return fmt.Errorf("store: unable to update the workshop: %w", err)
		}
		if _, err := exec(ctx, tx, `DELETE FROM workshop_day WHERE workshop_id = ?`, w.ID); err != nil {
			return fmt.Errorf("store: unable to replace the workshop's days: %w", err)
		}
		return insertDays(ctx, tx, w.ID, days)
	})
}

// DeleteWorkshop removes a workshop that was never opened (no phone joined,
// no card written) with its phases, groups and days: a test or a mistyped
// one (audited). An opened workshop stays; its cards are contributions.
func (s *Store) DeleteWorkshop(ctx context.Context, actor Actor, municipalityID, id int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var w struct {
			State string `db:"state"`
			Title string `db:"title"`
		}
		err := get(ctx, tx, &w, `SELECT w.state, w.title FROM workshop w JOIN process p ON p.id = w.process_id
			WHERE w.id = ? AND p.municipality_id = ?`+s.forUpdate(), id, municipalityID)
		if err != nil {
			return notFoundIfNoRows(err, "workshop")
		}
		if w.State != domain.WorkshopDraft {
			return domain.Errorf(domain.CodeConflict, "workshop.error.delete_opened")
		}
		if _, err := exec(ctx, tx, `DELETE FROM workshop WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: unable to delete workshop: %w", err)
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "workshop.delete", "workshop", strconv.FormatInt(id, 10), w.Title)
	})
}
