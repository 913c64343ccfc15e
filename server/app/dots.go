package app

import (
	"context"
	"strconv"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
	"zukunftswerk/server/store"
)

// ChangeDot places (delta=1) or takes back (delta=-1) one dot of a
// participant on a card: first the atomic budget check in Redis, then the
// database (which checks again and is the truth); a failed database write
// gives the reservation back. A committed change is marked for the tally
// window, which announces the card's new total to every screen.
func (a *App) ChangeDot(ctx context.Context, w domain.Workshop, p domain.Participant, cardID int64, delta int) (store.DotResult, error) {
	if delta != 1 && delta != -1 {
		return store.DotResult{}, domain.Errorf(domain.CodeBadRequest, "error.bad_request")
	}
	if w.State == domain.WorkshopClosed {
		return store.DotResult{}, domain.Errorf(domain.CodeConflict, "workshop.error.ended")
	}
	reserved, redisErr := a.live.ReserveDot(ctx, w.ID, p.ID, w.CurrentPhase, cardID, delta, w.DotBudget, w.MaxDotsPerCard)
	if redisErr != nil {
		// Redis is gone: the database alone still enforces the budget.
		a.log.Warn("dot budget check in Redis failed; relying on the database", "error", redisErr)
	} else if !reserved {
		return store.DotResult{}, a.dotRefusal(ctx, w, p, cardID, delta)
	}
	res, err := a.store.ChangeDot(ctx, p, cardID, delta)
	if (err != nil || !res.Applied) && reserved {
		a.live.ReleaseDot(ctx, w.ID, p.ID, w.CurrentPhase, cardID, delta)
	}
	if err != nil {
		return res, err
	}
	if !res.Applied {
		return res, a.dotRefusal(ctx, w, p, cardID, delta)
	}
	if a.tallies.Mark(w.ID, cardID) {
		time.AfterFunc(tallyWindow, func() { a.flushTallies(w.ID) })
	}
	return res, nil
}

// dotRefusal says why a dot was refused, from the committed dots: voting
// closed, the budget spent, the card full, or nothing to take back. It
// runs only for refusals, so the extra query costs the accepted taps
// nothing.
func (a *App) dotRefusal(ctx context.Context, w domain.Workshop, p domain.Participant, cardID int64, delta int) error {
	key := "workshop.error.dots_refused"
	if !w.VotingOpen {
		key = "workshop.error.voting_closed"
	} else if dots, err := a.store.ParticipantDots(ctx, p.ID, w.CurrentPhase); err == nil {
		spent := 0
		for _, n := range dots {
			spent += n
		}
		if k := domain.DotRefusal(delta, spent, dots[cardID], w.DotBudget, w.MaxDotsPerCard); k != "" {
			key = k
		}
	}
	return domain.Errorf(domain.CodeConflict, key)
}

// tallyWindow is how long dot totals wait to travel together.
const tallyWindow = 100 * time.Millisecond

// flushTallies publishes one "tally" event with the totals, then in the
// database, of the cards changed during the window (see tallies). Whether
// phones may see them is read then too: the moderator may have hidden the
// tallies since the window's first tap (whose workshop came from a cache).
func (a *App) flushTallies(workshopID int64) {
	ids := a.tallies.Take(workshopID)
	if len(ids) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	w, err := a.store.WorkshopByID(ctx, workshopID)
	if err != nil {
		a.log.Warn("unable to read the workshop for tallies", "error", err)
		return
	}
	totals, err := a.store.CardTotals(ctx, ids)
	if err != nil {
		a.log.Warn("unable to read tallies", "error", err)
		return
	}
	event := live.TallyEvent{Cards: make(map[string]*int, len(totals)), Visible: w.TalliesVisible}
	for id, n := range totals {
		event.Cards[strconv.FormatInt(id, 10)] = &n
	}
	a.Publish(ctx, w.ID, live.EventTally, 0, event)
}
