package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// currentStatus is a measure's implementation status: the newest report of
// its lineage, or the status it was written with. alias names the measure
// table in the query.
func currentStatus(alias string) string {
	return `COALESCE((SELECT r.status FROM measure_report r WHERE r.lineage_id = ` + alias + `.lineage_id
		ORDER BY r.reported_on DESC, r.id DESC LIMIT 1), ` + alias + `.status)`
}

// measureColumnsNow are measureColumns of alias m with the current status.
var measureColumnsNow = strings.Replace(prefixed("m", measureColumns), "m.status", currentStatus("m")+" AS status", 1)

// adoptedLineage checks that lineage names a measure of an adopted version
// of the process: only adopted measures are implemented and reported on.
func adoptedLineage(ctx context.Context, tx *sqlx.Tx, processID, lineageID int64) error {
	var n int
	err := get(ctx, tx, &n, `SELECT COUNT(*) FROM measure m JOIN concept_version v ON v.id = m.version_id
		WHERE m.lineage_id = ? AND v.process_id = ? AND v.status = ?`, lineageID, processID, domain.ConceptAdopted)
	if err != nil {
		return fmt.Errorf("store: unable to check measure: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("store: adopted measure: %w", errNotFound)
	}
	return nil
}

// AddReport records a status report on an adopted measure.
func (s *Store) AddReport(ctx context.Context, actor Actor, municipalityID int64, r domain.StatusReport) (domain.StatusReport, error) {
	err := s.audited(ctx, actor, municipalityID, "measure.report", "measure", strconv.FormatInt(r.LineageID, 10), r.Status, func(tx *sqlx.Tx) error {
		if err := adoptedLineage(ctx, tx, r.ProcessID, r.LineageID); err != nil {
			return err
		}
		var author any
		if actor.UserID > 0 {
			author = actor.UserID
		}
		r.AuthorName, r.CreatedAt = actor.Name, s.now()
		return get(ctx, tx, &r.ID, `INSERT INTO measure_report (process_id, lineage_id, reported_on, status, text, indicator_value,
				progress, new_date, author_id, author_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, r.ProcessID, r.LineageID, r.ReportedOn, r.Status, r.Text,
			r.IndicatorValue, r.Progress, r.NewDate, author, r.AuthorName, r.CreatedAt)
	})
	return r, err
}

const reportColumns = `id, process_id, lineage_id, reported_on, status, text, indicator_value, progress, new_date, author_name, created_at`

// Reports lists a process's status reports, newest first.
func (s *Store) Reports(ctx context.Context, processID int64) ([]domain.StatusReport, error) {
	var reports []domain.StatusReport
	err := selectAll(ctx, s.reader, &reports, `SELECT `+reportColumns+` FROM measure_report
		WHERE process_id = ? ORDER BY reported_on DESC, id DESC`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list reports: %w", err)
	}
	return reports, nil
}

// AddOccurrence logs that a recurring measure took place; the same day
// twice is refused.
func (s *Store) AddOccurrence(ctx context.Context, actor Actor, municipalityID int64, o domain.Occurrence) (domain.Occurrence, error) {
	err := s.audited(ctx, actor, municipalityID, "measure.occurrence", "measure", strconv.FormatInt(o.LineageID, 10), o.OccurredOn.Format("2006-01-02"), func(tx *sqlx.Tx) error {
		if err := adoptedLineage(ctx, tx, o.ProcessID, o.LineageID); err != nil {
			return err
		}
		o.AuthorName, o.CreatedAt = actor.Name, s.now()
		err := get(ctx, tx, &o.ID, `INSERT INTO measure_occurrence (process_id, lineage_id, occurred_on, note, attendance, author_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lineage_id, occurred_on) DO NOTHING RETURNING id`,
			o.ProcessID, o.LineageID, o.OccurredOn, o.Note, o.Attendance, o.AuthorName, o.CreatedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.CodeConflict, "report.error.occurrence_exists")
		}
		return err
	})
	return o, err
}

// Occurrences lists a process's logged occurrences, newest first.
func (s *Store) Occurrences(ctx context.Context, processID int64) ([]domain.Occurrence, error) {
	var list []domain.Occurrence
	err := selectAll(ctx, s.reader, &list, `SELECT id, process_id, lineage_id, occurred_on, note, attendance, author_name, created_at
		FROM measure_occurrence WHERE process_id = ? ORDER BY occurred_on DESC, id DESC`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list occurrences: %w", err)
	}
	return list, nil
}

// AddReview records a review of an adopted version with its ratings of
// that version's measures.
func (s *Store) AddReview(ctx context.Context, actor Actor, municipalityID int64, r domain.Review, ratings []domain.Rating) (domain.Review, error) {
	err := s.audited(ctx, actor, municipalityID, "concept_version.review", "concept_version", strconv.FormatInt(r.VersionID, 10), r.Title, func(tx *sqlx.Tx) error {
		v, err := s.lockedVersion(ctx, tx, r.ProcessID, r.VersionID)
		if err != nil {
			return err
		}
		if v.Status != domain.ConceptAdopted {
			return domain.Errorf(domain.CodeConflict, "review.error.not_adopted")
		}
		r.CreatedAt = s.now()
		if err := get(ctx, tx, &r.ID, `INSERT INTO concept_review (process_id, version_id, held_on, title, notes, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, r.ProcessID, r.VersionID, r.HeldOn, r.Title, r.Notes, r.CreatedAt); err != nil {
			return fmt.Errorf("store: unable to create review: %w", err)
		}
		for _, rt := range ratings {
			var n int
			if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM measure WHERE version_id = ? AND lineage_id = ?`, r.VersionID, rt.LineageID); err != nil {
				return fmt.Errorf("store: unable to check rated measure: %w", err)
			}
			if n == 0 {
				return fmt.Errorf("store: rated measure: %w", errNotFound)
			}
			if _, err := exec(ctx, tx, `INSERT INTO review_rating (review_id, lineage_id, effect, recommendation, note) VALUES (?, ?, ?, ?, ?)`,
				r.ID, rt.LineageID, rt.Effect, rt.Recommendation, rt.Note); err != nil {
				return fmt.Errorf("store: unable to save rating: %w", err)
			}
		}
		return nil
	})
	return r, err
}

// Reviews lists a process's reviews, newest first.
func (s *Store) Reviews(ctx context.Context, processID int64) ([]domain.Review, error) {
	var list []domain.Review
	err := selectAll(ctx, s.reader, &list, `SELECT id, process_id, version_id, held_on, title, notes, created_at
		FROM concept_review WHERE process_id = ? ORDER BY held_on DESC, id DESC`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list reviews: %w", err)
	}
	return list, nil
}

// Ratings lists the ratings of a process's reviews by review.
func (s *Store) Ratings(ctx context.Context, processID int64) (map[int64][]domain.Rating, error) {
	var list []domain.Rating
	err := selectAll(ctx, s.reader, &list, `SELECT rr.review_id, rr.lineage_id, rr.effect, rr.recommendation, rr.note
		FROM review_rating rr JOIN concept_review r ON r.id = rr.review_id WHERE r.process_id = ?`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list ratings: %w", err)
	}
	byReview := map[int64][]domain.Rating{}
	for _, rt := range list {
		byReview[rt.ReviewID] = append(byReview[rt.ReviewID], rt)
	}
	return byReview, nil
}
