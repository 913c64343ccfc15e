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

const versionColumns = `id, process_id, number, status, leitbild, created_at, status_changed_at`

const measureColumns = `id, version_id, lineage_id, objective_id, position, title, description, target_group, lead,
	partners, timing, due_on, cost_estimate, funding, priority, indicator, recurrence, status`

// ConceptVersions lists a process's concept versions, newest first.
func (s *Store) ConceptVersions(ctx context.Context, processID int64) ([]domain.ConceptVersion, error) {
	var versions []domain.ConceptVersion
	err := selectAll(ctx, s.reader, &versions, `SELECT `+versionColumns+` FROM concept_version
		WHERE process_id = ? ORDER BY number DESC`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list concept versions: %w", err)
	}
	return versions, nil
}

// ConceptVersion loads version number of the process.
func (s *Store) ConceptVersion(ctx context.Context, processID int64, number int) (domain.ConceptVersion, error) {
	var v domain.ConceptVersion
	err := get(ctx, s.reader, &v, `SELECT `+versionColumns+` FROM concept_version WHERE process_id = ? AND number = ?`,
		processID, number)
	if err != nil {
		return v, notFoundIfNoRows(err, "concept version")
	}
	return v, nil
}

// Concept loads everything in a version.
func (s *Store) Concept(ctx context.Context, v domain.ConceptVersion) (domain.Concept, error) {
	c := domain.Concept{Version: v, Challenges: map[int64]string{}, Sources: map[int64][]domain.Contribution{}}
	fields, err := s.ActionFields(ctx, v.ProcessID)
	if err != nil {
		return c, err
	}
	c.Fields = fields
	var challenges []struct {
		FieldID int64  `db:"action_field_id"`
		Text    string `db:"text"`
	}
	if err := selectAll(ctx, s.reader, &challenges, `SELECT action_field_id, text FROM concept_challenge WHERE version_id = ?`, v.ID); err != nil {
		return c, fmt.Errorf("store: unable to load challenges: %w", err)
	}
	for _, ch := range challenges {
		c.Challenges[ch.FieldID] = ch.Text
	}
	if err := selectAll(ctx, s.reader, &c.Objectives, `SELECT id, version_id, lineage_id, action_field_id, position, title, description
		FROM objective WHERE version_id = ? ORDER BY action_field_id, position`, v.ID); err != nil {
		return c, fmt.Errorf("store: unable to load objectives: %w", err)
	}
	if err := selectAll(ctx, s.reader, &c.Measures, `SELECT `+measureColumnsNow+` FROM measure m
		WHERE m.version_id = ? ORDER BY m.objective_id, m.position`, v.ID); err != nil {
		return c, fmt.Errorf("store: unable to load measures: %w", err)
	}
	var sources []struct {
		MeasureID int64 `db:"measure_id"`
		domain.Contribution
	}
	if err := selectAll(ctx, s.reader, &sources, `SELECT ms.measure_id, `+prefixed("c", contributionColumns)+`
		FROM measure_source ms JOIN measure m ON m.id = ms.measure_id JOIN contribution c ON c.id = ms.contribution_id
		WHERE m.version_id = ? AND c.visibility = 'visible' ORDER BY c.support_count DESC, c.dot_total DESC, c.id`, v.ID); err != nil {
		return c, fmt.Errorf("store: unable to load measure sources: %w", err)
	}
	for _, src := range sources {
		c.Sources[src.MeasureID] = append(c.Sources[src.MeasureID], src.Contribution)
	}
	if err := selectAll(ctx, s.reader, &c.Decisions, `SELECT id, version_id, decided_on, body, agenda_item, result, amendments
		FROM council_decision WHERE version_id = ? ORDER BY decided_on, id`, v.ID); err != nil {
		return c, fmt.Errorf("store: unable to load council decisions: %w", err)
	}
	return c, nil
}

// editableVersion loads a version of the process inside tx and refuses
// unless it is a draft: adopted versions are frozen, and versions before
// the project group or the council are not changed under their eyes.
func (s *Store) editableVersion(ctx context.Context, tx *sqlx.Tx, processID, versionID int64) (domain.ConceptVersion, error) {
	v, err := s.lockedVersion(ctx, tx, processID, versionID)
	if err != nil {
		return v, err
	}
	if !v.Editable() {
		return v, domain.Errorf(domain.CodeConflict, "concept.error.not_editable")
	}
	return v, nil
}

// lockedVersion loads and locks a version of the process: edits of one
// version run one after another (numbering, workflow steps).
func (s *Store) lockedVersion(ctx context.Context, tx *sqlx.Tx, processID, versionID int64) (domain.ConceptVersion, error) {
	var v domain.ConceptVersion
	err := get(ctx, tx, &v, `SELECT `+versionColumns+` FROM concept_version WHERE id = ? AND process_id = ?`+s.forUpdate(), versionID, processID)
	if err != nil {
		return v, notFoundIfNoRows(err, "concept version")
	}
	return v, nil
}

// lockProcess serialises the creation of versions of one process.
func (s *Store) lockProcess(ctx context.Context, tx *sqlx.Tx, processID int64) error {
	var id int64
	if err := get(ctx, tx, &id, `SELECT id FROM process WHERE id = ?`+s.forUpdate(), processID); err != nil {
		return notFoundIfNoRows(err, "process")
	}
	return nil
}

// Draft returns the version the project group edits: the newest version
// when it is a draft, a new first version when there is none.
func (s *Store) Draft(ctx context.Context, actor Actor, municipalityID, processID int64) (domain.ConceptVersion, error) {
	var v domain.ConceptVersion
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockProcess(ctx, tx, processID); err != nil {
			return err
		}
		err := get(ctx, tx, &v, `SELECT `+versionColumns+` FROM concept_version WHERE process_id = ? ORDER BY number DESC LIMIT 1`, processID)
		if err == nil {
			if !v.Editable() {
				return domain.Errorf(domain.CodeConflict, "concept.error.not_editable")
			}
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: unable to load concept version: %w", err)
		}
		if err := s.insertAudit(ctx, tx, actor, municipalityID, "concept_version.create", "process", strconv.FormatInt(processID, 10), ""); err != nil {
			return err
		}
		return get(ctx, tx, &v, `INSERT INTO concept_version (process_id, number, status, leitbild, created_at, status_changed_at)
			VALUES (?, 1, ?, '', ?, ?) RETURNING `+versionColumns, processID, domain.ConceptDraft, s.now(), s.now())
	})
	return v, err
}

// StartRevision begins a Fortschreibung: a new draft that copies the
// adopted newest version with its objectives, measures and sources, which
// keep their lineage so the versions can be compared.
func (s *Store) StartRevision(ctx context.Context, actor Actor, municipalityID, processID int64) (domain.ConceptVersion, error) {
	var next domain.ConceptVersion
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := s.lockProcess(ctx, tx, processID); err != nil {
			return err
		}
		var latest domain.ConceptVersion
		if err := get(ctx, tx, &latest, `SELECT `+versionColumns+` FROM concept_version WHERE process_id = ? ORDER BY number DESC LIMIT 1`, processID); err != nil {
			return notFoundIfNoRows(err, "concept version")
		}
		if latest.Status != domain.ConceptAdopted {
			return domain.Errorf(domain.CodeConflict, "concept.error.revision_needs_adopted")
		}
		now := s.now()
		if err := get(ctx, tx, &next, `INSERT INTO concept_version (process_id, number, status, leitbild, created_at, status_changed_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING `+versionColumns, processID, latest.Number+1, domain.ConceptDraft, latest.Leitbild, now, now); err != nil {
			return fmt.Errorf("store: unable to create concept version: %w", err)
		}
		if _, err := exec(ctx, tx, `INSERT INTO concept_challenge (version_id, action_field_id, text)
			SELECT ?, action_field_id, text FROM concept_challenge WHERE version_id = ?`, next.ID, latest.ID); err != nil {
			return fmt.Errorf("store: unable to copy challenges: %w", err)
		}
		if err := copyObjectivesAndMeasures(ctx, tx, latest.ID, next.ID); err != nil {
			return err
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "concept_version.revision", "concept_version", strconv.FormatInt(next.ID, 10), strconv.Itoa(next.Number))
	})
	return next, err
}

func copyObjectivesAndMeasures(ctx context.Context, tx *sqlx.Tx, fromVersion, toVersion int64) error {
	var objectives []domain.Objective
	if err := selectAll(ctx, tx, &objectives, `SELECT id, version_id, lineage_id, action_field_id, position, title, description
		FROM objective WHERE version_id = ?`, fromVersion); err != nil {
		return fmt.Errorf("store: unable to read objectives: %w", err)
	}
	newObjective := map[int64]int64{}
	for _, o := range objectives {
		var id int64
		if err := get(ctx, tx, &id, `INSERT INTO objective (version_id, lineage_id, action_field_id, position, title, description)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, toVersion, o.LineageID, o.ActionFieldID, o.Position, o.Title, o.Description); err != nil {
			return fmt.Errorf("store: unable to copy objective: %w", err)
		}
		newObjective[o.ID] = id
	}
	var measures []domain.Measure
	if err := selectAll(ctx, tx, &measures, `SELECT `+measureColumns+` FROM measure WHERE version_id = ?`, fromVersion); err != nil {
		return fmt.Errorf("store: unable to read measures: %w", err)
	}
	for _, m := range measures {
		m.VersionID, m.ObjectiveID = toVersion, newObjective[m.ObjectiveID]
		id, err := insertMeasure(ctx, tx, m)
		if err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `INSERT INTO measure_source (measure_id, contribution_id)
			SELECT ?, contribution_id FROM measure_source WHERE measure_id = ?`, id, m.ID); err != nil {
			return fmt.Errorf("store: unable to copy measure sources: %w", err)
		}
	}
	return nil
}

func insertMeasure(ctx context.Context, tx *sqlx.Tx, m domain.Measure) (int64, error) {
	var id int64
	err := get(ctx, tx, &id, `INSERT INTO measure (version_id, lineage_id, objective_id, position, title, description,
			target_group, lead, partners, timing, due_on, cost_estimate, funding, priority, indicator, recurrence, status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.VersionID, m.LineageID, m.ObjectiveID, m.Position, m.Title, m.Description, m.TargetGroup, m.Lead, m.Partners,
		m.Timing, m.DueOn, m.CostEstimate, m.Funding, m.Priority, m.Indicator, m.Recurrence, m.Status)
	if err != nil {
		return 0, fmt.Errorf("store: unable to insert measure: %w", err)
	}
	if m.LineageID == 0 {
		if _, err := exec(ctx, tx, `UPDATE measure SET lineage_id = id WHERE id = ?`, id); err != nil {
			return 0, fmt.Errorf("store: unable to set measure lineage: %w", err)
		}
	}
	return id, nil
}

// SaveLeitbild changes the draft's Leitbild.
func (s *Store) SaveLeitbild(ctx context.Context, actor Actor, municipalityID, processID, versionID int64, text string) error {
	return s.audited(ctx, actor, municipalityID, "concept_version.leitbild", "concept_version", strconv.FormatInt(versionID, 10), "", func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, versionID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE concept_version SET leitbild = ? WHERE id = ?`, text, versionID); err != nil {
			return fmt.Errorf("store: unable to save Leitbild: %w", err)
		}
		return nil
	})
}

// SaveChallenges changes the draft's challenges of one action field.
func (s *Store) SaveChallenges(ctx context.Context, actor Actor, municipalityID, processID, versionID, fieldID int64, text string) error {
	return s.audited(ctx, actor, municipalityID, "concept_version.challenges", "concept_version", strconv.FormatInt(versionID, 10), strconv.FormatInt(fieldID, 10), func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, versionID); err != nil {
			return err
		}
		if err := fieldOfProcess(ctx, tx, processID, fieldID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `INSERT INTO concept_challenge (version_id, action_field_id, text) VALUES (?, ?, ?)
			ON CONFLICT (version_id, action_field_id) DO UPDATE SET text = excluded.text`, versionID, fieldID, text); err != nil {
			return fmt.Errorf("store: unable to save challenges: %w", err)
		}
		return nil
	})
}

func fieldOfProcess(ctx context.Context, tx *sqlx.Tx, processID, fieldID int64) error {
	var n int
	if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM action_field WHERE id = ? AND process_id = ?`, fieldID, processID); err != nil {
		return fmt.Errorf("store: unable to check action field: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("store: action field: %w", errNotFound)
	}
	return nil
}

// SaveObjective creates (ID 0, numbered last in its field) or changes an
// objective of the draft.
func (s *Store) SaveObjective(ctx context.Context, actor Actor, municipalityID, processID int64, o domain.Objective) (domain.Objective, error) {
	err := s.audited(ctx, actor, municipalityID, "objective.save", "objective", strconv.FormatInt(o.ID, 10), o.Title, func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, o.VersionID); err != nil {
			return err
		}
		if o.ID != 0 {
			res, err := exec(ctx, tx, `UPDATE objective SET title = ?, description = ? WHERE id = ? AND version_id = ?`,
				o.Title, o.Description, o.ID, o.VersionID)
			if err != nil {
				return fmt.Errorf("store: unable to save objective: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("store: objective: %w", errNotFound)
			}
			return nil
		}
		if err := fieldOfProcess(ctx, tx, processID, o.ActionFieldID); err != nil {
			return err
		}
		if err := get(ctx, tx, &o.Position, `SELECT COALESCE(MAX(position), 0) + 1 FROM objective WHERE version_id = ? AND action_field_id = ?`,
			o.VersionID, o.ActionFieldID); err != nil {
			return fmt.Errorf("store: unable to number objective: %w", err)
		}
		if err := get(ctx, tx, &o.ID, `INSERT INTO objective (version_id, lineage_id, action_field_id, position, title, description)
			VALUES (?, 0, ?, ?, ?, ?) RETURNING id`, o.VersionID, o.ActionFieldID, o.Position, o.Title, o.Description); err != nil {
			return fmt.Errorf("store: unable to create objective: %w", err)
		}
		o.LineageID = o.ID
		if _, err := exec(ctx, tx, `UPDATE objective SET lineage_id = id WHERE id = ?`, o.ID); err != nil {
			return fmt.Errorf("store: unable to set objective lineage: %w", err)
		}
		return nil
	})
	return o, err
}

// DeleteObjective removes an objective of the draft that has no measures.
func (s *Store) DeleteObjective(ctx context.Context, actor Actor, municipalityID, processID, versionID, id int64) error {
	return s.audited(ctx, actor, municipalityID, "objective.delete", "objective", strconv.FormatInt(id, 10), "", func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, versionID); err != nil {
			return err
		}
		var measures int
		// Counted within the version only, so that another process's
		// objective cannot be told apart from one that does not exist.
		if err := get(ctx, tx, &measures, `SELECT COUNT(*) FROM measure m JOIN objective o ON o.id = m.objective_id
			WHERE m.objective_id = ? AND o.version_id = ?`, id, versionID); err != nil {
			return fmt.Errorf("store: unable to count measures: %w", err)
		}
		if measures > 0 {
			return domain.Errorf(domain.CodeConflict, "concept.error.objective_has_measures")
		}
		res, err := exec(ctx, tx, `DELETE FROM objective WHERE id = ? AND version_id = ?`, id, versionID)
		if err != nil {
			return fmt.Errorf("store: unable to delete objective: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: objective: %w", errNotFound)
		}
		return nil
	})
}

// Measure loads a measure of the process with its version.
func (s *Store) Measure(ctx context.Context, processID, id int64) (domain.Measure, domain.ConceptVersion, error) {
	var m domain.Measure
	var v domain.ConceptVersion
	if err := get(ctx, s.reader, &m, `SELECT `+prefixed("m", measureColumns)+` FROM measure m
		JOIN concept_version v ON v.id = m.version_id WHERE m.id = ? AND v.process_id = ?`, id, processID); err != nil {
		return m, v, notFoundIfNoRows(err, "measure")
	}
	if err := get(ctx, s.reader, &v, `SELECT `+versionColumns+` FROM concept_version WHERE id = ?`, m.VersionID); err != nil {
		return m, v, notFoundIfNoRows(err, "concept version")
	}
	return m, v, nil
}

// SaveMeasure creates (ID 0, numbered last in its objective) or changes a
// measure of the draft. On creation, sources are linked and taken into the
// concept ("aus Beiträgen Maßnahme anlegen").
func (s *Store) SaveMeasure(ctx context.Context, actor Actor, municipalityID, processID int64, m domain.Measure, sources []int64) (domain.Measure, error) {
	err := s.audited(ctx, actor, municipalityID, "measure.save", "measure", strconv.FormatInt(m.ID, 10), m.Title, func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, m.VersionID); err != nil {
			return err
		}
		var objectives int
		if err := get(ctx, tx, &objectives, `SELECT COUNT(*) FROM objective WHERE id = ? AND version_id = ?`, m.ObjectiveID, m.VersionID); err != nil {
			return fmt.Errorf("store: unable to check objective: %w", err)
		}
		if objectives == 0 {
			return domain.Errorf(domain.CodeInvalid, "concept.error.objective_missing")
		}
		if m.ID == 0 {
			if err := get(ctx, tx, &m.Position, `SELECT COALESCE(MAX(position), 0) + 1 FROM measure WHERE objective_id = ?`, m.ObjectiveID); err != nil {
				return fmt.Errorf("store: unable to number measure: %w", err)
			}
			m.Status = domain.MeasurePlanned
			id, err := insertMeasure(ctx, tx, m)
			if err != nil {
				return err
			}
			m.ID, m.LineageID = id, id
			if len(sources) == 0 {
				return nil
			}
			return s.linkSources(ctx, tx, processID, m.ID, sources)
		}
		var current domain.Measure
		if err := get(ctx, tx, &current, `SELECT `+measureColumns+` FROM measure WHERE id = ? AND version_id = ?`, m.ID, m.VersionID); err != nil {
			return notFoundIfNoRows(err, "measure")
		}
		m.Position, m.LineageID, m.Status = current.Position, current.LineageID, current.Status
		if current.ObjectiveID != m.ObjectiveID {
			if err := get(ctx, tx, &m.Position, `SELECT COALESCE(MAX(position), 0) + 1 FROM measure WHERE objective_id = ?`, m.ObjectiveID); err != nil {
				return fmt.Errorf("store: unable to number measure: %w", err)
			}
		}
		_, err := exec(ctx, tx, `UPDATE measure SET objective_id = ?, position = ?, title = ?, description = ?, target_group = ?,
				lead = ?, partners = ?, timing = ?, due_on = ?, cost_estimate = ?, funding = ?, priority = ?, indicator = ?, recurrence = ?
			WHERE id = ?`, m.ObjectiveID, m.Position, m.Title, m.Description, m.TargetGroup, m.Lead, m.Partners, m.Timing, m.DueOn,
			m.CostEstimate, m.Funding, m.Priority, m.Indicator, m.Recurrence, m.ID)
		if err != nil {
			return fmt.Errorf("store: unable to save measure: %w", err)
		}
		return nil
	})
	return m, err
}

// DeleteMeasure removes a measure of the draft.
func (s *Store) DeleteMeasure(ctx context.Context, actor Actor, municipalityID, processID, versionID, id int64) error {
	return s.audited(ctx, actor, municipalityID, "measure.delete", "measure", strconv.FormatInt(id, 10), "", func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, versionID); err != nil {
			return err
		}
		res, err := exec(ctx, tx, `DELETE FROM measure WHERE id = ? AND version_id = ?`, id, versionID)
		if err != nil {
			return fmt.Errorf("store: unable to delete measure: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: measure: %w", errNotFound)
		}
		return nil
	})
}

// LinkSources links contributions to a measure of the draft and takes them
// into the concept.
func (s *Store) LinkSources(ctx context.Context, actor Actor, municipalityID, processID, versionID, measureID int64, ids []int64) error {
	return s.audited(ctx, actor, municipalityID, "measure.link", "measure", strconv.FormatInt(measureID, 10), idList(ids), func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, versionID); err != nil {
			return err
		}
		var n int
		if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM measure WHERE id = ? AND version_id = ?`, measureID, versionID); err != nil {
			return fmt.Errorf("store: unable to check measure: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("store: measure: %w", errNotFound)
		}
		return s.linkSources(ctx, tx, processID, measureID, ids)
	})
}

func (s *Store) linkSources(ctx context.Context, tx *sqlx.Tx, processID, measureID int64, ids []int64) error {
	found, err := s.curated(ctx, tx, processID, ids, false)
	if err != nil {
		return err
	}
	for _, c := range found {
		if _, err := exec(ctx, tx, `INSERT INTO measure_source (measure_id, contribution_id) VALUES (?, ?)
			ON CONFLICT (measure_id, contribution_id) DO NOTHING`, measureID, c.ID); err != nil {
			return fmt.Errorf("store: unable to link contribution: %w", err)
		}
		if c.Status != domain.StatusTaken {
			if err := s.setStatus(ctx, tx, c, domain.StatusTaken, c.Answer); err != nil {
				return err
			}
		}
	}
	return nil
}

// UnlinkSource removes a contribution from a measure of the draft; its
// status stays until the project group decides again.
func (s *Store) UnlinkSource(ctx context.Context, actor Actor, municipalityID, processID, versionID, measureID, contributionID int64) error {
	return s.audited(ctx, actor, municipalityID, "measure.unlink", "measure", strconv.FormatInt(measureID, 10), strconv.FormatInt(contributionID, 10), func(tx *sqlx.Tx) error {
		if _, err := s.editableVersion(ctx, tx, processID, versionID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `DELETE FROM measure_source WHERE contribution_id = ? AND measure_id IN
			(SELECT id FROM measure WHERE id = ? AND version_id = ?)`, contributionID, measureID, versionID); err != nil {
			return fmt.Errorf("store: unable to unlink contribution: %w", err)
		}
		return nil
	})
}

// MoveConcept moves a version one step in the workflow (entwurf →
// abgestimmt → vorgelegt) or back to entwurf before it is adopted. The step
// to "beschlossen" is a council decision (RecordCouncilDecision).
func (s *Store) MoveConcept(ctx context.Context, actor Actor, municipalityID, processID, versionID int64, to string) error {
	return s.audited(ctx, actor, municipalityID, "concept_version.status", "concept_version", strconv.FormatInt(versionID, 10), to, func(tx *sqlx.Tx) error {
		v, err := s.lockedVersion(ctx, tx, processID, versionID)
		if err != nil {
			return err
		}
		allowed := domain.NextConceptStatus(v.Status) == to ||
			(to == domain.ConceptDraft && (v.Status == domain.ConceptAgreed || v.Status == domain.ConceptSubmitted))
		if !allowed {
			return domain.Errorf(domain.CodeConflict, "concept.error.step")
		}
		if _, err := exec(ctx, tx, `UPDATE concept_version SET status = ?, status_changed_at = ? WHERE id = ?`, to, s.now(), versionID); err != nil {
			return fmt.Errorf("store: unable to move concept: %w", err)
		}
		return nil
	})
}

// RecordCouncilDecision records the council's decision on a version put
// before it: adopting freezes the version, rejecting sends it back to the
// draft, deferring leaves it before the council.
func (s *Store) RecordCouncilDecision(ctx context.Context, actor Actor, municipalityID, processID int64, d domain.CouncilDecision) error {
	return s.audited(ctx, actor, municipalityID, "concept_version.decision", "concept_version", strconv.FormatInt(d.VersionID, 10), d.Result, func(tx *sqlx.Tx) error {
		v, err := s.lockedVersion(ctx, tx, processID, d.VersionID)
		if err != nil {
			return err
		}
		if v.Status != domain.ConceptSubmitted {
			return domain.Errorf(domain.CodeConflict, "concept.error.not_submitted")
		}
		if _, err := exec(ctx, tx, `INSERT INTO council_decision (version_id, decided_on, body, agenda_item, result, amendments, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, d.VersionID, d.DecidedOn, d.Body, d.AgendaItem, d.Result, d.Amendments, s.now()); err != nil {
			return fmt.Errorf("store: unable to record council decision: %w", err)
		}
		status := map[string]string{domain.ResultAdopted: domain.ConceptAdopted, domain.ResultAdoptedAmended: domain.ConceptAdopted,
			domain.ResultRejected: domain.ConceptDraft}[d.Result]
		if status == "" {
			return nil
		}
		if _, err := exec(ctx, tx, `UPDATE concept_version SET status = ?, status_changed_at = ? WHERE id = ?`, status, s.now(), d.VersionID); err != nil {
			return fmt.Errorf("store: unable to apply council decision: %w", err)
		}
		return nil
	})
}

// TrailMeasure is a measure an idea went into, as its public trail shows
// it: the newest public version's measure of that lineage.
type TrailMeasure struct {
	MeasureID         int64  `db:"id"`
	LineageID         int64  `db:"lineage_id"`
	Title             string `db:"title"`
	Status            string `db:"status"`
	Position          int    `db:"position"`
	ObjectivePosition int    `db:"objective_position"`
	FieldPosition     int    `db:"field_position"`
	VersionNumber     int    `db:"version_number"`
	VersionStatus     string `db:"version_status"`
	AdoptedOn         *domain.CouncilDecision
}

// Number is the measure's citable number.
func (t TrailMeasure) Number() string {
	return domain.Number(t.FieldPosition, t.ObjectivePosition, t.Position)
}

// IdeaTrail returns the measures a contribution went into that citizens
// may see (versions before the council or adopted), newest version first,
// with the first council decision that adopted each.
func (s *Store) IdeaTrail(ctx context.Context, contributionID int64) ([]TrailMeasure, error) {
	var rows []TrailMeasure
	err := selectAll(ctx, s.reader, &rows, `SELECT m.id, m.lineage_id, m.title, `+currentStatus("m")+` AS status, m.position,
			o.position AS objective_position, f.position AS field_position, v.number AS version_number, v.status AS version_status
		FROM measure_source ms JOIN measure m ON m.id = ms.measure_id JOIN objective o ON o.id = m.objective_id
		JOIN action_field f ON f.id = o.action_field_id JOIN concept_version v ON v.id = m.version_id
		WHERE ms.contribution_id = ? AND v.status IN (?, ?) ORDER BY v.number DESC, m.id`,
		contributionID, domain.ConceptSubmitted, domain.ConceptAdopted)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load idea trail: %w", err)
	}
	seen := map[int64]bool{}
	var trail []TrailMeasure
	for _, r := range rows {
		if seen[r.LineageID] {
			continue
		}
		seen[r.LineageID] = true
		var d domain.CouncilDecision
		err := get(ctx, s.reader, &d, `SELECT d.id, d.version_id, d.decided_on, d.body, d.agenda_item, d.result, d.amendments
			FROM council_decision d JOIN measure m ON m.version_id = d.version_id
			WHERE m.lineage_id = ? AND d.result IN (?, ?) ORDER BY d.decided_on, d.id LIMIT 1`,
			r.LineageID, domain.ResultAdopted, domain.ResultAdoptedAmended)
		switch {
		case err == nil:
			r.AdoptedOn = &d
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("store: unable to load adoption: %w", err)
		}
		trail = append(trail, r)
	}
	return trail, nil
}

// prefixed qualifies a column list with a table alias.
func prefixed(alias, columns string) string {
	var out []byte
	field := true
	for i := 0; i < len(columns); i++ {
		ch := columns[i]
		if field && ch != ' ' && ch != '\n' && ch != '\t' {
			out = append(out, alias...)
			out = append(out, '.')
			field = false
		}
		out = append(out, ch)
		if ch == ',' {
			field = true
		}
	}
	return string(out)
}

// AdoptedVersion returns the newest adopted version of the process; found
// is false when none is adopted yet.
func (s *Store) AdoptedVersion(ctx context.Context, processID int64) (v domain.ConceptVersion, found bool, err error) {
	err = get(ctx, s.reader, &v, `SELECT `+versionColumns+` FROM concept_version
		WHERE process_id = ? AND status = ? ORDER BY number DESC LIMIT 1`, processID, domain.ConceptAdopted)
	if errors.Is(err, sql.ErrNoRows) {
		return v, false, nil
	}
	if err != nil {
		return v, false, fmt.Errorf("store: unable to load adopted version: %w", err)
	}
	return v, true, nil
}

// ProcessDecision is a council decision with the version it was about.
type ProcessDecision struct {
	domain.CouncilDecision
	VersionNumber int `db:"version_number"`
}

// CouncilDecisions lists every council decision of a process, oldest first.
func (s *Store) CouncilDecisions(ctx context.Context, processID int64) ([]ProcessDecision, error) {
	var list []ProcessDecision
	err := selectAll(ctx, s.reader, &list, `SELECT d.id, d.version_id, d.decided_on, d.body, d.agenda_item, d.result, d.amendments,
			v.number AS version_number
		FROM council_decision d JOIN concept_version v ON v.id = d.version_id
		WHERE v.process_id = ? ORDER BY d.decided_on, d.id`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list council decisions: %w", err)
	}
	return list, nil
}
