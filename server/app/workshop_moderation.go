package app

import (
	"context"
	"strings"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
	"zukunftswerk/server/store"
)

// ControlWorkshop runs a workshop for its moderator: open it, move between
// phases, open and close voting, show or hide tallies, run the timer (the
// rules are domain.Workshop.Apply), or close it, which turns its cards into
// contributions of the process. Every screen learns the new state.
func (a *App) ControlWorkshop(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, control domain.Control) (domain.Workshop, error) {
	now := time.Now().UTC()
	if control.Action == domain.ControlClose {
		if _, err := a.store.CloseWorkshop(ctx, actor, municipalityID, w.ID, control.RestField); err != nil {
			return w, err
		}
		a.cache.forget(w.Code())
		closed := w
		closed.State = domain.WorkshopClosed
		a.Publish(ctx, w.ID, live.EventState, 0, live.NewStateEvent(closed, now))
		return closed, nil
	}
	phases, err := a.store.Phases(ctx, w.ID)
	if err != nil {
		return w, err
	}
	updated, err := a.store.UpdateWorkshop(ctx, actor, municipalityID, w.ID, control.Action, func(w *domain.Workshop) error {
		return w.Apply(control, len(phases), now)
	})
	if err != nil {
		return w, err
	}
	a.cache.forget(updated.Code())
	a.Publish(ctx, w.ID, live.EventState, 0, live.NewStateEvent(updated, now))
	return updated, nil
}

// ModerateCard changes one card of a workshop (see domain.CardEdit) and
// tells every screen: a moved card leaves one group for another, and a
// hidden card's text goes to none of them. A card of another workshop or
// municipality is forbidden.
func (a *App) ModerateCard(ctx context.Context, actor store.Actor, municipalityID, workshopID, cardID int64, edit domain.CardEdit) (domain.Card, error) {
	card, err := a.store.ModerateCard(ctx, actor, municipalityID, workshopID, cardID, edit)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		return card, domain.Errorf(domain.CodeForbidden, "error.forbidden")
	}
	if err != nil {
		return card, err
	}
	// A card hidden or moved to another group gave its dots back in the
	// database (store.ModerateCard); the budgets Redis holds are rebuilt
	// from it on the next dot.
	if edit.Action == "hide" || edit.Action == "move" || edit.Action == "save" {
		if err := a.live.ResetDotBudgets(ctx, workshopID); err != nil {
			a.log.Warn("unable to reset the dot budgets after a card left its wall", "error", err)
		}
	}
	a.Publish(ctx, workshopID, live.EventCardChanged, 0, live.NewCardChangedEvent(card))
	return card, nil
}

// CreateCluster names a new cluster in a group's current phase.
func (a *App) CreateCluster(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, groupID int64, title string) error {
	if w.State == domain.WorkshopClosed {
		return domain.Errorf(domain.CodeConflict, "workshop.error.closed")
	}
	title = strings.TrimSpace(title)
	if key := domain.ValidateClusterTitle(title); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	cluster := domain.Cluster{WorkshopID: w.ID, GroupID: groupID, Phase: w.CurrentPhase, Title: title}
	if _, err := a.store.CreateCluster(ctx, actor, municipalityID, cluster); err != nil {
		return err
	}
	a.Publish(ctx, w.ID, live.EventCluster, groupID, live.ClusterEvent{Group: groupID, Title: title})
	return nil
}

// SetGroupField ties a working group to an action field (nil: none): its
// cards take the field, the ones written later too (audited).
func (a *App) SetGroupField(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, groupID int64, fieldID *int64) error {
	if w.State == domain.WorkshopClosed {
		return domain.Errorf(domain.CodeConflict, "workshop.error.closed")
	}
	if err := a.store.SetGroupField(ctx, actor, municipalityID, w.ID, groupID, fieldID); err != nil {
		return err
	}
	a.cache.forget(w.Code())
	return nil
}

// SetClusterField gives every card of a cluster an action field (audited).
func (a *App) SetClusterField(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, clusterID int64, fieldID *int64) error {
	if w.State == domain.WorkshopClosed {
		return domain.Errorf(domain.CodeConflict, "workshop.error.closed")
	}
	return a.store.SetClusterField(ctx, actor, municipalityID, w.ID, clusterID, fieldID)
}

// RenameCluster gives a cluster a new title; the walls show it at once.
func (a *App) RenameCluster(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, clusterID int64, title string) error {
	if w.State == domain.WorkshopClosed {
		return domain.Errorf(domain.CodeConflict, "workshop.error.closed")
	}
	title = strings.TrimSpace(title)
	if key := domain.ValidateClusterTitle(title); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	if err := a.store.RenameCluster(ctx, actor, municipalityID, w.ID, clusterID, title); err != nil {
		return err
	}
	a.Publish(ctx, w.ID, live.EventCluster, 0, live.ClusterEvent{Title: title})
	return nil
}

// DeleteCluster dissolves a cluster; its cards stay, in no cluster.
func (a *App) DeleteCluster(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, clusterID int64) error {
	if w.State == domain.WorkshopClosed {
		return domain.Errorf(domain.CodeConflict, "workshop.error.closed")
	}
	if err := a.store.DeleteCluster(ctx, actor, municipalityID, w.ID, clusterID); err != nil {
		return err
	}
	a.Publish(ctx, w.ID, live.EventCluster, 0, live.ClusterEvent{})
	return nil
}

// PaperEntry is where a helper types paper cards in: a group and a phase
// of the workshop, and the paper cards already typed there, newest first.
type PaperEntry struct {
	Group domain.Group
	Phase domain.Phase
	Cards []domain.Card
}

// PaperEntryOf finds the group and phase of a workshop for the paper entry
// (not found when the workshop has no such group or phase).
func (a *App) PaperEntryOf(ctx context.Context, w domain.Workshop, groupID int64, phase int) (PaperEntry, error) {
	board, err := a.Board(ctx, w, false)
	if err != nil {
		return PaperEntry{}, err
	}
	g, found := board.Group(groupID)
	if !found || phase < 1 || phase > len(board.Phases) {
		return PaperEntry{}, domain.ErrNotFound
	}
	entry := PaperEntry{Group: g, Phase: board.Phases[phase-1]}
	for i := len(board.Cards) - 1; i >= 0; i-- {
		if c := board.Cards[i]; c.Paper && c.GroupID == groupID && c.Phase == phase {
			entry.Cards = append(entry.Cards, c)
		}
	}
	return entry, nil
}

// CreatePaperCard stores a card a helper typed in from paper (audited) and
// shows it on the group's screens; key is the entry form's idempotency key,
// so a resent form stores the card once.
func (a *App) CreatePaperCard(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, groupID int64, phase int, text, key string) (domain.Card, error) {
	text = domain.NormalizeCardText(text)
	if errorKey := domain.ValidateCardText(text); errorKey != "" {
		return domain.Card{}, domain.Errorf(domain.CodeInvalid, errorKey)
	}
	if !domain.ValidCardKey(key) {
		return domain.Card{}, domain.Errorf(domain.CodeInvalid, "workshop.error.card_key")
	}
	card, created, err := a.store.CreatePaperCard(ctx, actor, municipalityID, w.ID, groupID, phase, text, "p:"+key)
	if err != nil {
		return card, err
	}
	if created && phase == w.CurrentPhase {
		a.Publish(ctx, w.ID, live.EventCard, card.GroupID, live.NewCardEvent(card, w.TalliesVisible))
	}
	return card, nil
}
