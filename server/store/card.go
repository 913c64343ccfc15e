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

const cardColumns = `c.id, c.workshop_id, c.group_id, c.phase, c.participant_id, c.kind, c.text, c.hidden, c.cluster_id,
	c.action_field_id, c.paper, c.dot_total, c.created_at, COALESCE(p.display_name, '') AS author`

// CreateCard stores a participant's card in the workshop's current phase.
// The idempotency key (from the phone) makes a resend return the stored
// card with created=false.
func (s *Store) CreateCard(ctx context.Context, participant domain.Participant, text, idempotencyKey string) (card domain.Card, created bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		// The key is the phone's own: another participant's key is
		// refused, not answered with that participant's card.
		mine := func(c domain.Card) bool { return c.ParticipantID != nil && *c.ParticipantID == participant.ID }
		stored, found, err := cardByKey(ctx, tx, idempotencyKey, mine)
		if err != nil || found {
			card = stored
			return err
		}
		var w struct {
			State string `db:"state"`
			Phase int    `db:"current_phase"`
			Kind  string `db:"card_kind"`
		}
		err = get(ctx, tx, &w, `SELECT w.state, w.current_phase, ph.card_kind FROM workshop w
			JOIN workshop_phase ph ON ph.workshop_id = w.id AND ph.position = w.current_phase WHERE w.id = ?`, participant.WorkshopID)
		if err != nil {
			return fmt.Errorf("store: unable to load workshop for card: %w", err)
		}
		if w.State == domain.WorkshopClosed {
			return domain.Errorf(domain.CodeConflict, "workshop.error.ended")
		}
		if w.State != domain.WorkshopLive {
			return domain.Errorf(domain.CodeConflict, "workshop.error.not_live")
		}
		var id int64
		// The card takes its group's action field. A twin request that
		// stored the same key a moment ago wins; this one answers with its
		// card.
		err = get(ctx, tx, &id, `INSERT INTO card (workshop_id, group_id, phase, participant_id, kind, text, idempotency_key, created_at, action_field_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT action_field_id FROM working_group WHERE id = ?))
			ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
			participant.WorkshopID, participant.GroupID, w.Phase, participant.ID, w.Kind, text, idempotencyKey, s.now(), participant.GroupID)
		if errors.Is(err, sql.ErrNoRows) {
			var found bool
			if card, found, err = cardByKey(ctx, tx, idempotencyKey, mine); err == nil && !found {
				return domain.Errorf(domain.CodeConflict, "workshop.error.card_key")
			}
			return err
		}
		if err != nil {
			return fmt.Errorf("store: unable to create card: %w", err)
		}
		created = true
		return get(ctx, tx, &card, `SELECT `+cardColumns+` FROM card c LEFT JOIN participant p ON p.id = c.participant_id WHERE c.id = ?`, id)
	})
	return card, created, err
}

// Cards lists a workshop's cards, optionally of one group (0 = all) and one
// phase (0 = all), hidden ones only when asked.
func (s *Store) Cards(ctx context.Context, workshopID, groupID int64, phase int, withHidden bool) ([]domain.Card, error) {
	query := `SELECT ` + cardColumns + ` FROM card c LEFT JOIN participant p ON p.id = c.participant_id WHERE c.workshop_id = ?`
	args := []any{workshopID}
	if groupID > 0 {
		query += ` AND c.group_id = ?`
		args = append(args, groupID)
	}
	if phase > 0 {
		query += ` AND c.phase = ?`
		args = append(args, phase)
	}
	if !withHidden {
		query += ` AND c.hidden = FALSE`
	}
	var list []domain.Card
	if err := selectAll(ctx, s.reader, &list, query+` ORDER BY c.phase, c.group_id, c.id`, args...); err != nil {
		return nil, fmt.Errorf("store: unable to list cards: %w", err)
	}
	return list, nil
}

// Clusters lists a workshop's clusters.
func (s *Store) Clusters(ctx context.Context, workshopID int64) ([]domain.Cluster, error) {
	var list []domain.Cluster
	err := selectAll(ctx, s.reader, &list, `SELECT id, workshop_id, group_id, phase, title FROM cluster WHERE workshop_id = ? ORDER BY id`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list clusters: %w", err)
	}
	return list, nil
}

// ModerateCard changes one card of the workshop (audited): hide or show it,
// fix its text, move it to another group, or put it into a cluster.
func (s *Store) ModerateCard(ctx context.Context, actor Actor, municipalityID, workshopID, cardID int64, edit domain.CardEdit) (domain.Card, error) {
	var card domain.Card
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		err := get(ctx, tx, &card, `SELECT `+cardColumns+` FROM card c LEFT JOIN participant p ON p.id = c.participant_id
			WHERE c.id = ? AND c.workshop_id = ? AND c.workshop_id IN (SELECT w.id FROM workshop w JOIN process pr ON pr.id = w.process_id
			WHERE pr.municipality_id = ?)`, cardID, workshopID, municipalityID)
		if err != nil {
			return notFoundIfNoRows(err, "card")
		}
		var state string
		if err := get(ctx, tx, &state, `SELECT state FROM workshop WHERE id = ?`, workshopID); err != nil {
			return fmt.Errorf("store: unable to read the workshop's state: %w", err)
		}
		if state == domain.WorkshopClosed {
			// Its cards are contributions now: they change on the board.
			return domain.Errorf(domain.CodeConflict, "workshop.error.closed")
		}
		before, wasHidden, fromGroup := card.Text, card.Hidden, card.GroupID
		if err := edit.Apply(&card); err != nil {
			return err
		}
		var groupOK, clusterOK int
		if err := get(ctx, tx, &groupOK, `SELECT COUNT(*) FROM working_group WHERE id = ? AND workshop_id = ?`, card.GroupID, workshopID); err != nil {
			return err
		}
		if card.ClusterID != nil {
			// A cluster gathers cards of one group and phase; filing a card
			// under another group's cluster would mix their walls.
			if err := get(ctx, tx, &clusterOK, `SELECT COUNT(*) FROM cluster WHERE id = ? AND workshop_id = ? AND group_id = ? AND phase = ?`,
				*card.ClusterID, workshopID, card.GroupID, card.Phase); err != nil {
				return err
			}
		}
		if groupOK == 0 || (card.ClusterID != nil && clusterOK == 0) {
			return domain.Errorf(domain.CodeInvalid, "workshop.error.target")
		}
		if err := checkFieldOfWorkshop(ctx, tx, workshopID, card.ActionFieldID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE card SET text = ?, hidden = ?, group_id = ?, cluster_id = ?, action_field_id = ? WHERE id = ?`,
			card.Text, card.Hidden, card.GroupID, card.ClusterID, card.ActionFieldID, card.ID); err != nil {
			return fmt.Errorf("store: unable to update card: %w", err)
		}
		detail := ""
		if before != card.Text {
			detail = before + " → " + card.Text
		}
		// A card that leaves its group's wall (hidden, or moved to another
		// group) gives its dots back: its voters could neither see it nor
		// take them back, and their budget would be spent on nothing.
		if (card.Hidden && !wasHidden) || card.GroupID != fromGroup {
			returned, err := returnDots(ctx, tx, card.ID)
			if err != nil {
				return err
			}
			if returned > 0 {
				detail = strings.TrimSpace(detail + " " + strconv.Itoa(returned) + " ↩")
				card.DotTotal = 0
			}
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "card."+edit.Action, "card", strconv.FormatInt(card.ID, 10), detail)
	})
	return card, err
}

// returnDots takes every dot off a card (back into its givers' budgets)
// and answers how many there were.
func returnDots(ctx context.Context, tx *sqlx.Tx, cardID int64) (int, error) {
	var n int
	if err := get(ctx, tx, &n, `SELECT COALESCE(SUM(count), 0) FROM dot WHERE card_id = ?`, cardID); err != nil {
		return 0, fmt.Errorf("store: unable to count a card's dots: %w", err)
	}
	if n == 0 {
		return 0, nil
	}
	if _, err := exec(ctx, tx, `DELETE FROM dot WHERE card_id = ?`, cardID); err != nil {
		return 0, fmt.Errorf("store: unable to return a card's dots: %w", err)
	}
	if _, err := exec(ctx, tx, `UPDATE card SET dot_total = 0 WHERE id = ?`, cardID); err != nil {
		return 0, fmt.Errorf("store: unable to reset a card's dots: %w", err)
	}
	return n, nil
}

// CreateCluster adds a named cluster to a group's phase (audited).
func (s *Store) CreateCluster(ctx context.Context, actor Actor, municipalityID int64, c domain.Cluster) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var ok int
		if err := get(ctx, tx, &ok, `SELECT COUNT(*) FROM working_group WHERE id = ? AND workshop_id = ?`, c.GroupID, c.WorkshopID); err != nil {
			return err
		}
		if ok == 0 {
			return domain.Errorf(domain.CodeInvalid, "workshop.error.target")
		}
		var n int
		if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM cluster WHERE group_id = ? AND phase = ?`, c.GroupID, c.Phase); err != nil {
			return fmt.Errorf("store: unable to count clusters: %w", err)
		}
		if n >= domain.MaxClustersPerGroup {
			return domain.Errorf(domain.CodeInvalid, "workshop.error.clusters_full")
		}
		if err := get(ctx, tx, &id, `INSERT INTO cluster (workshop_id, group_id, phase, title) VALUES (?, ?, ?, ?) RETURNING id`,
			c.WorkshopID, c.GroupID, c.Phase, c.Title); err != nil {
			return fmt.Errorf("store: unable to create cluster: %w", err)
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, "cluster.create", "cluster", strconv.FormatInt(id, 10), c.Title)
	})
	return id, err
}

// CardKeysPresent tells which of the (unprefixed) idempotency keys of
// phones are stored, as "w:"+key → true.
func (s *Store) CardKeysPresent(ctx context.Context, keys []string) (map[string]bool, error) {
	present := map[string]bool{}
	if len(keys) == 0 {
		return present, nil
	}
	prefixed := make([]string, len(keys))
	for i, k := range keys {
		prefixed[i] = "w:" + k
	}
	query, args, err := sqlx.In(`SELECT idempotency_key FROM card WHERE idempotency_key IN (?)`, prefixed)
	if err != nil {
		return nil, err
	}
	var found []string
	if err := selectAll(ctx, s.reader, &found, query, args...); err != nil {
		return nil, fmt.Errorf("store: unable to look up card keys: %w", err)
	}
	for _, k := range found {
		present[k] = true
	}
	return present, nil
}

// CardTotals returns the current dot totals of the cards.
func (s *Store) CardTotals(ctx context.Context, ids []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(ids) == 0 {
		return out, nil
	}
	query, args, err := sqlx.In(`SELECT id, dot_total FROM card WHERE id IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	rows := []struct {
		ID    int64 `db:"id"`
		Total int   `db:"dot_total"`
	}{}
	if err := selectAll(ctx, s.reader, &rows, query, args...); err != nil {
		return nil, fmt.Errorf("store: unable to read card totals: %w", err)
	}
	for _, r := range rows {
		out[r.ID] = r.Total
	}
	return out, nil
}

// CardTexts are the current texts of a workshop's cards among ids that
// are not hidden (a hidden card is missing from the map).
func (s *Store) CardTexts(ctx context.Context, workshopID int64, ids []int64) (map[int64]string, error) {
	texts := map[int64]string{}
	if len(ids) == 0 {
		return texts, nil
	}
	query, args, err := sqlx.In(`SELECT id, text FROM card WHERE workshop_id = ? AND hidden = FALSE AND id IN (?)`, workshopID, ids)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		ID   int64  `db:"id"`
		Text string `db:"text"`
	}
	if err := selectAll(ctx, s.reader, &rows, query, args...); err != nil {
		return nil, fmt.Errorf("store: unable to read card texts: %w", err)
	}
	for _, r := range rows {
		texts[r.ID] = r.Text
	}
	return texts, nil
}

// checkFieldOfWorkshop refuses an action field that is not one of the
// workshop's process (nil, no field, is fine).
func checkFieldOfWorkshop(ctx context.Context, tx *sqlx.Tx, workshopID int64, fieldID *int64) error {
	if fieldID == nil {
		return nil
	}
	var n int
	if err := get(ctx, tx, &n, `SELECT COUNT(*) FROM action_field f JOIN workshop w ON w.process_id = f.process_id
		WHERE f.id = ? AND w.id = ?`, *fieldID, workshopID); err != nil {
		return fmt.Errorf("store: unable to check the action field: %w", err)
	}
	if n == 0 {
		return domain.Errorf(domain.CodeInvalid, "workshop.error.field")
	}
	return nil
}

// SetGroupField ties a working group to an action field (nil: none), for
// the moderator (audited). The group's cards that had the group's field
// (or none) take the new one; a card the moderator gave a field of its own
// keeps it.
func (s *Store) SetGroupField(ctx context.Context, actor Actor, municipalityID, workshopID, groupID int64, fieldID *int64) error {
	return s.audited(ctx, actor, municipalityID, "group.field", "working_group", strconv.FormatInt(groupID, 10), fieldDetail(fieldID), func(tx *sqlx.Tx) error {
		var old struct {
			Field *int64 `db:"action_field_id"`
		}
		err := get(ctx, tx, &old, `SELECT g.action_field_id FROM working_group g JOIN workshop w ON w.id = g.workshop_id
			JOIN process pr ON pr.id = w.process_id WHERE g.id = ? AND g.workshop_id = ? AND pr.municipality_id = ?`+s.forUpdate(),
			groupID, workshopID, municipalityID)
		if err != nil {
			return notFoundIfNoRows(err, "group")
		}
		if err := checkFieldOfWorkshop(ctx, tx, workshopID, fieldID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE working_group SET action_field_id = ? WHERE id = ?`, fieldID, groupID); err != nil {
			return fmt.Errorf("store: unable to set the group's field: %w", err)
		}
		_, err = exec(ctx, tx, `UPDATE card SET action_field_id = ? WHERE group_id = ? AND contribution_id IS NULL
			AND (action_field_id IS NULL OR action_field_id = ?)`, fieldID, groupID, old.Field)
		if err != nil {
			return fmt.Errorf("store: unable to give the group's cards its field: %w", err)
		}
		return nil
	})
}

// SetClusterField gives every card of a cluster an action field, for the
// moderator (audited).
func (s *Store) SetClusterField(ctx context.Context, actor Actor, municipalityID, workshopID, clusterID int64, fieldID *int64) error {
	return s.audited(ctx, actor, municipalityID, "cluster.field", "cluster", strconv.FormatInt(clusterID, 10), fieldDetail(fieldID), func(tx *sqlx.Tx) error {
		if err := checkClusterOfWorkshop(ctx, tx, municipalityID, workshopID, clusterID); err != nil {
			return err
		}
		if err := checkFieldOfWorkshop(ctx, tx, workshopID, fieldID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE card SET action_field_id = ? WHERE cluster_id = ? AND contribution_id IS NULL`, fieldID, clusterID); err != nil {
			return fmt.Errorf("store: unable to set the cluster's field: %w", err)
		}
		return nil
	})
}

// RenameCluster gives a cluster of the workshop a new title (audited).
func (s *Store) RenameCluster(ctx context.Context, actor Actor, municipalityID, workshopID, clusterID int64, title string) error {
	return s.audited(ctx, actor, municipalityID, "cluster.rename", "cluster", strconv.FormatInt(clusterID, 10), title, func(tx *sqlx.Tx) error {
		if err := checkClusterOfWorkshop(ctx, tx, municipalityID, workshopID, clusterID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE cluster SET title = ? WHERE id = ?`, title, clusterID); err != nil {
			return fmt.Errorf("store: unable to rename the cluster: %w", err)
		}
		return nil
	})
}

// DeleteCluster dissolves a cluster of the workshop (audited): its cards
// stay, in no cluster.
func (s *Store) DeleteCluster(ctx context.Context, actor Actor, municipalityID, workshopID, clusterID int64) error {
	return s.audited(ctx, actor, municipalityID, "cluster.delete", "cluster", strconv.FormatInt(clusterID, 10), "", func(tx *sqlx.Tx) error {
		if err := checkClusterOfWorkshop(ctx, tx, municipalityID, workshopID, clusterID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE card SET cluster_id = NULL WHERE cluster_id = ?`, clusterID); err != nil {
			return fmt.Errorf("store: unable to take the cards out of the cluster: %w", err)
		}
		if _, err := exec(ctx, tx, `DELETE FROM cluster WHERE id = ?`, clusterID); err != nil {
			return fmt.Errorf("store: unable to delete the cluster: %w", err)
		}
		return nil
	})
}

// checkClusterOfWorkshop finds the cluster in the workshop of the
// municipality (not found otherwise).
func checkClusterOfWorkshop(ctx context.Context, tx *sqlx.Tx, municipalityID, workshopID, clusterID int64) error {
	var n int
	err := get(ctx, tx, &n, `SELECT COUNT(*) FROM cluster cl JOIN workshop w ON w.id = cl.workshop_id
		JOIN process pr ON pr.id = w.process_id WHERE cl.id = ? AND cl.workshop_id = ? AND pr.municipality_id = ?`,
		clusterID, workshopID, municipalityID)
	if err != nil {
		return fmt.Errorf("store: unable to find the cluster: %w", err)
	}
	if n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// fieldDetail is an action field in an audit entry ("" for none).
func fieldDetail(fieldID *int64) string {
	if fieldID == nil {
		return ""
	}
	return "field " + strconv.FormatInt(*fieldID, 10)
}

// CreatePaperCard stores a card a helper typed in from paper for a group
// and phase of a live workshop of the municipality (audited): it has no
// participant, is marked as paper, and takes the group's action field.
// The idempotency key (one per entry form) makes a resend return the
// stored card with created=false.
func (s *Store) CreatePaperCard(ctx context.Context, actor Actor, municipalityID, workshopID, groupID int64, phase int, text, idempotencyKey string) (card domain.Card, created bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		ours := func(c domain.Card) bool { return c.Paper && c.WorkshopID == workshopID }
		stored, found, err := cardByKey(ctx, tx, idempotencyKey, ours)
		if err != nil || found {
			card = stored
			return err
		}
		var w struct {
			State string `db:"state"`
			Kind  string `db:"card_kind"`
		}
		err = get(ctx, tx, &w, `SELECT w.state, ph.card_kind FROM workshop w
			JOIN workshop_phase ph ON ph.workshop_id = w.id AND ph.position = ?
			JOIN process pr ON pr.id = w.process_id
			JOIN working_group g ON g.workshop_id = w.id AND g.id = ?
			WHERE w.id = ? AND pr.municipality_id = ?`, phase, groupID, workshopID, municipalityID)
		if err != nil {
			return notFoundIfNoRows(err, "workshop group or phase")
		}
		if w.State != domain.WorkshopLive {
			return domain.Errorf(domain.CodeConflict, "workshop.error.not_live")
		}
		var id int64
		err = get(ctx, tx, &id, `INSERT INTO card (workshop_id, group_id, phase, kind, text, idempotency_key, created_at, paper, action_field_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, (SELECT action_field_id FROM working_group WHERE id = ?))
			ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
			workshopID, groupID, phase, w.Kind, text, idempotencyKey, s.now(), groupID)
		if errors.Is(err, sql.ErrNoRows) { // a twin request stored it a moment ago
			var found bool
			if card, found, err = cardByKey(ctx, tx, idempotencyKey, ours); err == nil && !found {
				return domain.Errorf(domain.CodeConflict, "workshop.error.card_key")
			}
			return err
		}
		if err != nil {
			return fmt.Errorf("store: unable to create paper card: %w", err)
		}
		created = true
		if err := s.insertAudit(ctx, tx, actor, municipalityID, "card.paper", "card", strconv.FormatInt(id, 10), ""); err != nil {
			return err
		}
		return get(ctx, tx, &card, `SELECT `+cardColumns+` FROM card c LEFT JOIN participant p ON p.id = c.participant_id WHERE c.id = ?`, id)
	})
	return card, created, err
}

// cardByKey finds the card stored under an idempotency key. found is
// false when there is none; a card that is not the caller's (belongs says
// whose) is a conflict, never answered with someone else's card.
func cardByKey(ctx context.Context, tx *sqlx.Tx, key string, belongs func(domain.Card) bool) (card domain.Card, found bool, err error) {
	var existing []domain.Card
	if err := selectAll(ctx, tx, &existing, `SELECT `+cardColumns+` FROM card c LEFT JOIN participant p ON p.id = c.participant_id
		WHERE c.idempotency_key = ?`, key); err != nil {
		return card, false, fmt.Errorf("store: unable to look up card: %w", err)
	}
	if len(existing) == 0 {
		return card, false, nil
	}
	if !belongs(existing[0]) {
		return card, true, domain.Errorf(domain.CodeConflict, "workshop.error.card_key")
	}
	return existing[0], true, nil
}
