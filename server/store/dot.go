package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// DotResult is the state after a dot was placed or taken back.
type DotResult struct {
	Applied   bool // false: refused (budget spent, card full, nothing to take back)
	Remaining int  // the participant's unspent dots in the phase
	OnCard    int  // the participant's dots on the card
	CardTotal int  // all dots on the card
}

// ChangeDot places (delta=+1) or takes back (delta=-1) one dot of the
// participant on a card. The budget per phase and the maximum per card are
// checked inside the transaction, with the participant's row locked on
// PostgreSQL (SQLite's single writer serialises anyway), so concurrent
// requests can never overspend. Requests arriving together are committed
// together (see dotBatcher); each answer waits for its commit.
func (s *Store) ChangeDot(ctx context.Context, participant domain.Participant, cardID int64, delta int) (DotResult, error) {
	return s.dots.submit(ctx, dotRequest{participant: participant, cardID: cardID, delta: delta})
}

// changeDotTx is one dot change inside a transaction. A refusal (voting
// closed, card gone) returns a domain error before anything is written.
func (s *Store) changeDotTx(ctx context.Context, tx *sqlx.Tx, participant domain.Participant, cardID int64, delta int) (DotResult, error) {
	var res DotResult
	if s.engine == Postgres {
		if _, err := exec(ctx, tx, `SELECT id FROM participant WHERE id = ? FOR UPDATE`, participant.ID); err != nil {
			return res, fmt.Errorf("store: unable to lock participant: %w", err)
		}
	}
	var w struct {
		Budget  int  `db:"dot_budget"`
		Max     int  `db:"max_dots_per_card"`
		Voting  bool `db:"voting_open"`
		Phase   int  `db:"current_phase"`
		CPhase  int  `db:"phase"`
		Hidden  bool `db:"hidden"`
		GroupID int  `db:"group_id"`
		Total   int  `db:"dot_total"`
	}
	err := get(ctx, tx, &w, `SELECT ws.dot_budget, ws.max_dots_per_card, ws.voting_open, ws.current_phase, c.phase, c.hidden, c.group_id,
		c.dot_total FROM card c JOIN workshop ws ON ws.id = c.workshop_id WHERE c.id = ? AND c.workshop_id = ?`, cardID, participant.WorkshopID)
	if err != nil {
		return res, notFoundIfNoRows(err, "card")
	}
	if !w.Voting || w.CPhase != w.Phase {
		return res, domain.Errorf(domain.CodeConflict, "workshop.error.voting_closed")
	}
	if w.Hidden {
		return res, fmt.Errorf("store: card: %w", errNotFound)
	}
	var sums struct {
		Spent  int `db:"spent"`
		OnCard int `db:"on_card"`
	}
	if err := get(ctx, tx, &sums, `SELECT COALESCE(SUM(count), 0) AS spent,
		COALESCE(SUM(CASE WHEN card_id = ? THEN count ELSE 0 END), 0) AS on_card
		FROM dot WHERE participant_id = ? AND phase = ?`, cardID, participant.ID, w.Phase); err != nil {
		return res, fmt.Errorf("store: unable to sum dots: %w", err)
	}
	spent, onCard := sums.Spent, sums.OnCard
	switch {
	case delta > 0 && spent < w.Budget && onCard < w.Max:
		if _, err := exec(ctx, tx, `INSERT INTO dot (participant_id, card_id, phase, count) VALUES (?, ?, ?, 1)
			ON CONFLICT (participant_id, card_id) DO UPDATE SET count = dot.count + 1`, participant.ID, cardID, w.Phase); err != nil {
			return res, fmt.Errorf("store: unable to place dot: %w", err)
		}
		spent, onCard, res.Applied = spent+1, onCard+1, true
	case delta < 0 && onCard > 0:
		if _, err := exec(ctx, tx, `UPDATE dot SET count = count - 1 WHERE participant_id = ? AND card_id = ?`, participant.ID, cardID); err != nil {
			return res, fmt.Errorf("store: unable to take back dot: %w", err)
		}
		if _, err := exec(ctx, tx, `DELETE FROM dot WHERE participant_id = ? AND card_id = ? AND count <= 0`, participant.ID, cardID); err != nil {
			return res, fmt.Errorf("store: unable to clean up dot: %w", err)
		}
		spent, onCard, res.Applied = spent-1, onCard-1, true
	}
	res.Remaining, res.OnCard = w.Budget-spent, onCard
	if !res.Applied {
		res.CardTotal = w.Total
		return res, nil
	}
	if err := get(ctx, tx, &res.CardTotal, `UPDATE card SET dot_total = dot_total + ? WHERE id = ? RETURNING dot_total`, delta, cardID); err != nil {
		return res, fmt.Errorf("store: unable to count dots: %w", err)
	}
	return res, nil
}

// ParticipantDots returns the participant's dots per card in a phase.
func (s *Store) ParticipantDots(ctx context.Context, participantID int64, phase int) (map[int64]int, error) {
	rows := []struct {
		CardID int64 `db:"card_id"`
		Count  int   `db:"count"`
	}{}
	if err := selectAll(ctx, s.reader, &rows, `SELECT card_id, count FROM dot WHERE participant_id = ? AND phase = ?`, participantID, phase); err != nil {
		return nil, fmt.Errorf("store: unable to load dots: %w", err)
	}
	out := map[int64]int{}
	for _, r := range rows {
		out[r.CardID] = r.Count
	}
	return out, nil
}
