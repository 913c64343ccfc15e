package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// CurationQuery selects contributions for the project group's board.
type CurationQuery struct {
	ProcessID     int64
	ActionFieldID int64  // 0: all fields
	Origin        string // "online", "workshop" or "" for both
	Kind          string // "" for every kind
	Status        string // "" for every status except merged ones
	Theme         string // "" for every theme
	Search        string
	Sort          string // "neu", "unterstuetzt", "punkte"
	Page          int
	PerPage       int
}

// Curation sorts.
const (
	CurationSortNewest  = "neu"
	CurationSortSupport = "unterstuetzt"
	CurationSortDots    = "punkte"
)

// Curation returns one page of the board. Only published contributions
// are curated (pending and hidden ones belong to moderation); merged ones
// appear only when asked for by status, under their survivor otherwise.
func (s *Store) Curation(ctx context.Context, q CurationQuery) (domain.IdeaPage, error) {
	where := []string{"process_id = ?", "visibility = 'visible'"}
	args := []any{q.ProcessID}
	add := func(condition string, arg any) {
		where = append(where, condition)
		args = append(args, arg)
	}
	if q.ActionFieldID > 0 {
		add("action_field_id = ?", q.ActionFieldID)
	}
	if q.Origin == domain.OriginWorkshop {
		// Paper cards are workshop contributions too.
		add("origin IN ('"+domain.OriginWorkshop+"', ?)", domain.OriginPaper)
	} else if q.Origin != "" {
		add("origin = ?", q.Origin)
	}
	if q.Kind != "" {
		add("kind = ?", q.Kind)
	}
	if q.Status != "" {
		add("status = ?", q.Status)
	}
	if q.Status != domain.StatusMerged {
		where = append(where, "merged_into_id IS NULL")
	}
	if q.Theme != "" {
		add("theme = ?", q.Theme)
	}
	if terms := domain.SearchTerms(q.Search); len(terms) > 0 {
		condition, arg := s.searchCondition(terms)
		add(condition, arg)
	}
	filter := strings.Join(where, " AND ")
	page := domain.IdeaPage{Page: max(q.Page, 1), PerPage: q.PerPage}
	if err := get(ctx, s.reader, &page.Total, `SELECT COUNT(*) FROM contribution WHERE `+filter, args...); err != nil {
		return page, fmt.Errorf("store: unable to count the curation board: %w", err)
	}
	page.TotalPages = (page.Total + q.PerPage - 1) / q.PerPage
	order := map[string]string{
		CurationSortSupport: "support_count DESC, dot_total DESC, id DESC",
		CurationSortDots:    "dot_total DESC, support_count DESC, id DESC",
	}[q.Sort]
	if order == "" {
		order = "created_at DESC, id DESC"
	}
	err := selectAll(ctx, s.reader, &page.Ideas, `SELECT `+contributionColumns+` FROM contribution WHERE `+filter+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, q.PerPage, (page.Page-1)*q.PerPage)...)
	if err != nil {
		return page, fmt.Errorf("store: unable to load the curation board: %w", err)
	}
	return page, nil
}

// OpenContributions lists every published contribution of the process,
// merged ones included, for the open-data export; the challenges the
// Bilanzwerkstatt's items became are the project group's, not the
// public's.
func (s *Store) OpenContributions(ctx context.Context, processID int64) ([]domain.Contribution, error) {
	var all []domain.Contribution
	err := selectAll(ctx, s.reader, &all, `SELECT `+contributionColumns+` FROM contribution
		WHERE process_id = ? AND visibility = 'visible' AND origin <> ? ORDER BY id`, processID, domain.OriginCheck)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list contributions for export: %w", err)
	}
	return all, nil
}

// Themes lists the themes used in a process, alphabetically.
func (s *Store) Themes(ctx context.Context, processID int64) ([]string, error) {
	var themes []string
	err := selectAll(ctx, s.reader, &themes, `SELECT DISTINCT theme FROM contribution
		WHERE process_id = ? AND theme <> '' ORDER BY theme`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list themes: %w", err)
	}
	return themes, nil
}

// Kinds lists the kinds of the contributions of a process ("idee",
// "vorschlag", "herausforderung", or what a workshop's phase named),
// alphabetically.
func (s *Store) Kinds(ctx context.Context, processID int64) ([]string, error) {
	var kinds []string
	err := selectAll(ctx, s.reader, &kinds, `SELECT DISTINCT kind FROM contribution WHERE process_id = ? ORDER BY kind`, processID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list kinds: %w", err)
	}
	return kinds, nil
}

// Contribution loads a published contribution of the process (merged ones
// included) for staff pages and public trails.
func (s *Store) Contribution(ctx context.Context, processID, id int64) (domain.Contribution, error) {
	var c domain.Contribution
	err := get(ctx, s.reader, &c, `SELECT `+contributionColumns+` FROM contribution
		WHERE id = ? AND process_id = ? AND visibility = 'visible'`, id, processID)
	if err != nil {
		return c, notFoundIfNoRows(err, "contribution")
	}
	return c, nil
}

// MergedInto lists the contributions a survivor absorbed, oldest first.
func (s *Store) MergedInto(ctx context.Context, survivorID int64) ([]domain.Contribution, error) {
	var merged []domain.Contribution
	err := selectAll(ctx, s.reader, &merged, `SELECT `+contributionColumns+` FROM contribution
		WHERE merged_into_id = ? AND visibility = 'visible' ORDER BY created_at, id`, survivorID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list merged contributions: %w", err)
	}
	return merged, nil
}

// curated loads and locks the published, unmerged contributions ids of the
// process inside tx and fails when one is missing, so a bulk action on a
// foreign or merged contribution changes nothing. Rows are locked in id
// order, so two bulk actions cannot deadlock.
func (s *Store) curated(ctx context.Context, tx *sqlx.Tx, processID int64, ids []int64, allowMerged bool) ([]domain.Contribution, error) {
	if len(ids) == 0 {
		return nil, domain.Errorf(domain.CodeBadRequest, "curation.error.none_selected")
	}
	query, args, err := sqlx.In(`SELECT `+contributionColumns+` FROM contribution
		WHERE process_id = ? AND visibility = 'visible' AND id IN (?) ORDER BY id`+s.forUpdate(), processID, ids)
	if err != nil {
		return nil, fmt.Errorf("store: unable to build curation query: %w", err)
	}
	var found []domain.Contribution
	if err := selectAll(ctx, tx, &found, query, args...); err != nil {
		return nil, fmt.Errorf("store: unable to load contributions: %w", err)
	}
	unique := slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(found) != len(unique) {
		return nil, fmt.Errorf("store: contribution to curate: %w", errNotFound)
	}
	for _, c := range found {
		if c.MergedIntoID != nil && !allowMerged {
			return nil, domain.Errorf(domain.CodeConflict, "curation.error.already_merged")
		}
	}
	return found, nil
}

func idList(ids []int64) string { return domain.JoinIDs(ids, ",") }

// SetTheme files the contributions under theme ("" clears it).
func (s *Store) SetTheme(ctx context.Context, actor Actor, municipalityID, processID int64, ids []int64, theme string) error {
	return s.audited(ctx, actor, municipalityID, "contribution.theme", "contribution", idList(ids), theme, func(tx *sqlx.Tx) error {
		if _, err := s.curated(ctx, tx, processID, ids, true); err != nil {
			return err
		}
		query, args, err := sqlx.In(`UPDATE contribution SET theme = ? WHERE process_id = ? AND id IN (?)`, theme, processID, ids)
		if err != nil {
			return fmt.Errorf("store: unable to build theme update: %w", err)
		}
		if _, err := exec(ctx, tx, query, args...); err != nil {
			return fmt.Errorf("store: unable to set theme: %w", err)
		}
		return nil
	})
}

// SetField moves one contribution of the process to another of its action
// fields (audited with the field it had, so the change can be undone by
// moving it back). Its merges, measures and trail stay as they are.
func (s *Store) SetField(ctx context.Context, actor Actor, municipalityID, processID, id, fieldID int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		found, err := s.curated(ctx, tx, processID, []int64{id}, true)
		if err != nil {
			return err
		}
		var n int
		if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM action_field WHERE id = ? AND process_id = ?`, fieldID, processID); err != nil {
			return fmt.Errorf("store: unable to check the action field: %w", err)
		}
		if n == 0 {
			return domain.Errorf(domain.CodeInvalid, "curation.error.field")
		}
		old := found[0].ActionFieldID
		if _, err := exec(ctx, tx, `UPDATE contribution SET action_field_id = ? WHERE id = ?`, fieldID, id); err != nil {
			return fmt.Errorf("store: unable to move the contribution: %w", err)
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "contribution.field", "contribution", strconv.FormatInt(id, 10),
			fmt.Sprintf("field %d → %d", old, fieldID))
	})
}

// Assess stores the Strategiewerkstatt's assessment of one contribution.
func (s *Store) Assess(ctx context.Context, actor Actor, municipalityID, processID, id int64, a domain.Assessment) error {
	detail := fmt.Sprintf("%d/%d", a.Importance, a.Feasibility)
	return s.audited(ctx, actor, municipalityID, "contribution.assess", "contribution", strconv.FormatInt(id, 10), detail, func(tx *sqlx.Tx) error {
		if _, err := s.curated(ctx, tx, processID, []int64{id}, true); err != nil {
			return err
		}
		_, err := exec(ctx, tx, `UPDATE contribution SET importance = ?, feasibility = ?, assessment_note = ? WHERE id = ?`,
			a.Importance, a.Feasibility, a.Note, id)
		if err != nil {
			return fmt.Errorf("store: unable to assess contribution: %w", err)
		}
		return nil
	})
}

// Decide records the project group's decision with its public answer. A
// contribution can be "taken into the concept" only once it is linked to a
// measure (creating a measure from contributions does both).
func (s *Store) Decide(ctx context.Context, actor Actor, municipalityID, processID int64, ids []int64, d domain.Decision) error {
	return s.audited(ctx, actor, municipalityID, "contribution.decide", "contribution", idList(ids), d.Status, func(tx *sqlx.Tx) error {
		found, err := s.curated(ctx, tx, processID, ids, false)
		if err != nil {
			return err
		}
		for _, c := range found {
			if d.Status == domain.StatusTaken {
				var links int
				if err := get(ctx, tx, &links, `SELECT COUNT(*) FROM measure_source WHERE contribution_id = ?`, c.ID); err != nil {
					return fmt.Errorf("store: unable to check measure links: %w", err)
				}
				if links == 0 {
					return domain.Errorf(domain.CodeConflict, "curation.error.no_measure")
				}
			}
			if err := s.setStatus(ctx, tx, c, d.Status, d.Answer); err != nil {
				return err
			}
		}
		return nil
	})
}

// setStatus changes a contribution's status and answer and records the
// notification of its author (see notification table) when the status moved.
func (s *Store) setStatus(ctx context.Context, tx *sqlx.Tx, c domain.Contribution, status, answer string) error {
	var decidedAt any
	if status != domain.StatusSubmitted {
		decidedAt = s.now()
	}
	if _, err := exec(ctx, tx, `UPDATE contribution SET status = ?, answer = ?, decided_at = ? WHERE id = ?`,
		status, answer, decidedAt, c.ID); err != nil {
		return fmt.Errorf("store: unable to set contribution status: %w", err)
	}
	if status == c.Status {
		return nil
	}
	return s.recordNotification(ctx, tx, c.ID, status)
}

// Merge lets survivor absorb the duplicates: they redirect to it, keep
// their text and origin, and their supports and dots count for it, each
// device once. Contributions merged into a duplicate move to the survivor.
func (s *Store) Merge(ctx context.Context, actor Actor, municipalityID, processID, survivorID int64, duplicateIDs []int64) error {
	if slices.Contains(duplicateIDs, survivorID) {
		duplicateIDs = slices.DeleteFunc(slices.Clone(duplicateIDs), func(id int64) bool { return id == survivorID })
	}
	if len(duplicateIDs) == 0 {
		return domain.Errorf(domain.CodeBadRequest, "curation.error.merge_needs_two")
	}
	return s.audited(ctx, actor, municipalityID, "contribution.merge", "contribution", strconv.FormatInt(survivorID, 10), idList(duplicateIDs), func(tx *sqlx.Tx) error {
		// Survivor and duplicates are locked together, in id order.
		all, err := s.curated(ctx, tx, processID, append([]int64{survivorID}, duplicateIDs...), false)
		if err != nil {
			return err
		}
		for _, d := range all {
			if d.ID == survivorID {
				continue
			}
			if _, err := exec(ctx, tx, `UPDATE contribution SET merged_into_id = ? WHERE merged_into_id = ?`, survivorID, d.ID); err != nil {
				return fmt.Errorf("store: unable to move merged contributions: %w", err)
			}
			if _, err := exec(ctx, tx, `UPDATE contribution SET merged_into_id = ?, status_before_merge = ?, status = ? WHERE id = ?`,
				survivorID, d.Status, domain.StatusMerged, d.ID); err != nil {
				return fmt.Errorf("store: unable to merge contribution: %w", err)
			}
			if err := s.recordNotification(ctx, tx, d.ID, domain.StatusMerged); err != nil {
				return err
			}
		}
		return recountMerged(ctx, tx, survivorID)
	})
}

// Unmerge undoes the merge of one contribution: it gets its status back
// and both it and its former survivor are counted again.
func (s *Store) Unmerge(ctx context.Context, actor Actor, municipalityID, processID, id int64) error {
	return s.audited(ctx, actor, municipalityID, "contribution.unmerge", "contribution", strconv.FormatInt(id, 10), "", func(tx *sqlx.Tx) error {
		found, err := s.curated(ctx, tx, processID, []int64{id}, true)
		if err != nil {
			return err
		}
		c := found[0]
		if c.MergedIntoID == nil {
			return domain.Errorf(domain.CodeConflict, "curation.error.not_merged")
		}
		var before string
		if err := get(ctx, tx, &before, `SELECT status_before_merge FROM contribution WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: unable to read status before merge: %w", err)
		}
		if before == "" {
			before = domain.StatusSubmitted
		}
		if _, err := exec(ctx, tx, `UPDATE contribution SET merged_into_id = NULL, status_before_merge = '', status = ? WHERE id = ?`,
			before, id); err != nil {
			return fmt.Errorf("store: unable to undo merge: %w", err)
		}
		if err := s.recordNotification(ctx, tx, id, before); err != nil {
			return err
		}
		if err := recountMerged(ctx, tx, id); err != nil {
			return err
		}
		return recountMerged(ctx, tx, *c.MergedIntoID)
	})
}

// recountMerged sets supports and dots of a contribution from the raw rows
// of it and everything merged into it. Supports count devices; dots count,
// per device, the most it gave any one of the merged contributions, so a
// participant who dotted two duplicates is not counted twice.
func recountMerged(ctx context.Context, tx *sqlx.Tx, id int64) error {
	if err := recountSupport(ctx, tx, id); err != nil {
		return err
	}
	var cards int
	if err := get(ctx, tx, &cards, `SELECT COUNT(*) FROM card WHERE contribution_id IN
		(SELECT id FROM contribution WHERE id = ? OR merged_into_id = ?)`, id, id); err != nil {
		return fmt.Errorf("store: unable to count cards: %w", err)
	}
	if cards == 0 {
		return nil // online ideas have no dots
	}
	_, err := exec(ctx, tx, `UPDATE contribution SET dot_total = (
		SELECT COALESCE(SUM(most), 0) FROM (
			SELECT MAX(given) AS most FROM (
				SELECT p.device_hash AS device, k.contribution_id AS target, SUM(d.count) AS given
				FROM dot d JOIN card k ON k.id = d.card_id JOIN participant p ON p.id = d.participant_id
				WHERE k.contribution_id IN (SELECT id FROM contribution WHERE id = ? OR merged_into_id = ?)
				GROUP BY p.device_hash, k.contribution_id) per_contribution
			GROUP BY device) per_device)
		WHERE id = ?`, id, id, id)
	if err != nil {
		return fmt.Errorf("store: unable to recount dots: %w", err)
	}
	return nil
}

// Challenges are the process's published challenges (a workshop's Kritik
// cards, kind domain.KindChallenge) by action field, oldest first.
func (s *Store) Challenges(ctx context.Context, processID int64) (map[int64][]domain.Contribution, error) {
	var list []domain.Contribution
	err := selectAll(ctx, s.reader, &list, `SELECT `+contributionColumns+` FROM contribution
		WHERE process_id = ? AND kind = ? AND visibility = 'visible' AND merged_into_id IS NULL ORDER BY created_at, id`,
		processID, domain.KindChallenge)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list challenges: %w", err)
	}
	byField := map[int64][]domain.Contribution{}
	for _, c := range list {
		byField[c.ActionFieldID] = append(byField[c.ActionFieldID], c)
	}
	return byField, nil
}
