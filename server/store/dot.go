package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

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

// batchCard is what a batch needs to know about a card, read once.
type batchCard struct {
	WorkshopID int64 `db:"workshop_id"`
	GroupID    int64 `db:"group_id"`
	Budget     int   `db:"dot_budget"`
	Max        int   `db:"max_dots_per_card"`
	Voting     bool  `db:"voting_open"`
	Phase      int   `db:"current_phase"`
	CardPhase  int   `db:"phase"`
	Hidden     bool  `db:"hidden"`
	Total      int   `db:"dot_total"`
}

// batchParticipant is a participant's dots in the current phase, read
// once per batch and kept up to date in memory while the batch is decided.
type batchParticipant struct {
	spent  int
	onCard map[int64]int
}

// changeDots decides a batch of dot changes in one transaction: each card
// and each participant is read once, every request is checked in order
// against the running state (budget per phase, maximum per card, voting
// open, card in the current phase), and the net changes are written with
// one upsert per participant and card and one update per card. A refusal
// answers only its own request; a database error fails the batch.
func (s *Store) changeDots(tx *sqlx.Tx, batch []dotRequest) ([]dotReply, error) {
	ctx := context.Background()
	replies := make([]dotReply, len(batch))
	cards, groups, participants, err := s.loadDotBatch(ctx, tx, batch)
	if err != nil {
		return nil, err
	}
	type pair struct{ participant, card int64 }
	net := map[pair]int{}
	var pairOrder []pair
	cardDelta := map[int64]int{}
	var cardOrder []int64

	for i, r := range batch {
		if r.ctx.Err() != nil {
			replies[i].err = r.ctx.Err()
			continue
		}
		card, ok := cards[r.cardID]
		// A phone sees only its own group's cards; a crafted request for
		// another group's card (which would skew that group's ranking)
		// finds nothing. The group is the participant's as stored now.
		if !ok || card.WorkshopID != r.participant.WorkshopID || card.GroupID != groups[r.participant.ID] || card.Hidden {
			replies[i].err = fmt.Errorf("store: card: %w", errNotFound)
			continue
		}
		if !card.Voting || card.CardPhase != card.Phase {
			replies[i].err = domain.Errorf(domain.CodeConflict, "workshop.error.voting_closed")
			continue
		}
		p := participants[phaseKey{r.participant.ID, card.Phase}]
		if p == nil {
			p = &batchParticipant{onCard: map[int64]int{}}
			participants[phaseKey{r.participant.ID, card.Phase}] = p
		}
		res := DotResult{Applied: domain.DotAllowed(r.delta, p.spent, p.onCard[r.cardID], card.Budget, card.Max)}
		if res.Applied {
			p.spent += r.delta
			p.onCard[r.cardID] += r.delta
			card.Total += r.delta
			k := pair{r.participant.ID, r.cardID}
			if _, seen := net[k]; !seen {
				pairOrder = append(pairOrder, k)
			}
			net[k] += r.delta
			if _, seen := cardDelta[r.cardID]; !seen {
				cardOrder = append(cardOrder, r.cardID)
			}
			cardDelta[r.cardID] += r.delta
		}
		res.Remaining, res.OnCard, res.CardTotal = card.Budget-p.spent, p.onCard[r.cardID], card.Total
		replies[i].result = res
	}

	// One statement for all dot rows of the batch, one to drop emptied rows.
	var values []string
	var args []any
	var emptied []any
	for _, k := range pairOrder {
		d := net[k]
		if d == 0 {
			continue
		}
		values = append(values, "(?, ?, ?, ?)")
		args = append(args, k.participant, k.card, cards[k.card].Phase, d)
		if d < 0 {
			emptied = append(emptied, k.participant)
		}
	}
	if len(values) > 0 {
		if _, err := exec(ctx, tx, `INSERT INTO dot (participant_id, card_id, phase, count) VALUES `+strings.Join(values, ", ")+`
			ON CONFLICT (participant_id, card_id) DO UPDATE SET count = dot.count + excluded.count`, args...); err != nil {
			return nil, fmt.Errorf("store: unable to write dots: %w", err)
		}
	}
	if len(emptied) > 0 {
		query, inArgs, err := sqlx.In(`DELETE FROM dot WHERE count <= 0 AND participant_id IN (?)`, emptied)
		if err != nil {
			return nil, err
		}
		if _, err := exec(ctx, tx, query, inArgs...); err != nil {
			return nil, fmt.Errorf("store: unable to clean up dots: %w", err)
		}
	}
	for _, id := range cardOrder {
		if d := cardDelta[id]; d != 0 {
			if _, err := exec(ctx, tx, `UPDATE card SET dot_total = dot_total + ? WHERE id = ?`, d, id); err != nil {
				return nil, fmt.Errorf("store: unable to count dots: %w", err)
			}
		}
	}
	return replies, nil
}

type phaseKey struct {
	participant int64
	phase       int
}

// loadDotBatch reads every card, every participant's group and every
// participant's dots of a batch with one query each (and locks the
// participants' rows on PostgreSQL, in id order so that concurrent batches
// cannot deadlock).
func (s *Store) loadDotBatch(ctx context.Context, tx *sqlx.Tx, batch []dotRequest) (map[int64]*batchCard, map[int64]int64, map[phaseKey]*batchParticipant, error) {
	cardIDs := map[int64]bool{}
	participantIDs := map[int64]bool{}
	for _, r := range batch {
		cardIDs[r.cardID] = true
		participantIDs[r.participant.ID] = true
	}
	cards := map[int64]*batchCard{}
	rows := []struct {
		ID int64 `db:"id"`
		batchCard
	}{}
	query, args, err := sqlx.In(`SELECT c.id, c.workshop_id, c.group_id, ws.dot_budget, ws.max_dots_per_card, ws.voting_open, ws.current_phase,
		c.phase, c.hidden, c.dot_total FROM card c JOIN workshop ws ON ws.id = c.workshop_id WHERE c.id IN (?)`, keys(cardIDs))
	if err != nil {
		return nil, nil, nil, err
	}
	if err := selectAll(ctx, tx, &rows, query, args...); err != nil {
		return nil, nil, nil, fmt.Errorf("store: unable to load cards: %w", err)
	}
	for i := range rows {
		c := rows[i].batchCard
		cards[rows[i].ID] = &c
	}

	ids := keys(participantIDs)
	slices.Sort(ids)
	members := []struct {
		ID      int64 `db:"id"`
		GroupID int64 `db:"group_id"`
	}{}
	query, args, err = sqlx.In(`SELECT id, group_id FROM participant WHERE id IN (?) ORDER BY id`+s.forUpdate(), ids)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := selectAll(ctx, tx, &members, query, args...); err != nil {
		return nil, nil, nil, fmt.Errorf("store: unable to load participants: %w", err)
	}
	groups := make(map[int64]int64, len(members))
	for _, m := range members {
		groups[m.ID] = m.GroupID
	}
	dots := []struct {
		ParticipantID int64 `db:"participant_id"`
		CardID        int64 `db:"card_id"`
		Phase         int   `db:"phase"`
		Count         int   `db:"count"`
	}{}
	query, args, err = sqlx.In(`SELECT participant_id, card_id, phase, count FROM dot WHERE participant_id IN (?)`, ids)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := selectAll(ctx, tx, &dots, query, args...); err != nil {
		return nil, nil, nil, fmt.Errorf("store: unable to load dots: %w", err)
	}
	participants := map[phaseKey]*batchParticipant{}
	for _, d := range dots {
		k := phaseKey{d.ParticipantID, d.Phase}
		p := participants[k]
		if p == nil {
			p = &batchParticipant{onCard: map[int64]int{}}
			participants[k] = p
		}
		p.onCard[d.CardID] += d.Count
		p.spent += d.Count
	}
	return cards, groups, participants, nil
}

func keys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
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
