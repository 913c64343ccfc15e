package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
	"zukunftswerk/server/ratelimit"
)

// JoinWorkshop makes the device a participant of a group of a live
// workshop, with an optional display name, and tells the group's screens.
func (a *App) JoinWorkshop(ctx context.Context, lw LiveWorkshop, groupID int64, name string, who Citizen) error {
	name = strings.TrimSpace(name)
	if _, found := lw.Group(groupID); !found {
		return domain.Errorf(domain.CodeInvalid, "workshop.error.group")
	}
	if domain.ValidateLongText(name, domain.MaxDisplayName) != "" || strings.ContainsAny(name, "\n\t") {
		return domain.Errorf(domain.CodeInvalid, "workshop.error.name")
	}
	if lw.Workshop.State == domain.WorkshopClosed {
		return domain.Errorf(domain.CodeInvalid, "workshop.error.ended")
	}
	if lw.Workshop.State != domain.WorkshopLive {
		return domain.Errorf(domain.CodeInvalid, "workshop.error.not_live")
	}
	if err := a.limits.Allow(ctx, "join-client:"+who.Client, a.Config.ClientRateLimit).Err(); err != nil {
		return err
	}
	if _, err := a.store.Join(ctx, lw.Workshop.ID, groupID, who.Device, name); err != nil {
		return err
	}
	a.cache.forgetParticipant(lw.Workshop.ID, who.Device)
	a.Publish(ctx, lw.Workshop.ID, live.EventJoined, groupID, live.JoinedEvent{Group: groupID})
	return nil
}

// unknownCodesPerHour is how many join codes one client address may miss
// in an hour: a hall full of typos stays far below, guessing the codes
// (25^6) takes forever.
const unknownCodesPerHour = 300

// UnknownCode counts a join code the client got wrong; it answers the
// rate limit's error once the client misses too often.
func (a *App) UnknownCode(ctx context.Context, client string) error {
	return a.limits.Allow(ctx, "code-miss:"+client, unknownCodesPerHour).Err()
}

// CreateCard stores a participant's card and shows it on the group's
// screens. key is the phone's idempotency key: a card queued offline and
// sent twice is stored (and announced) once; created is false for the
// resend.
func (a *App) CreateCard(ctx context.Context, lw LiveWorkshop, p domain.Participant, client, text, key string) (card domain.Card, created bool, err error) {
	text = domain.NormalizeCardText(text)
	if errorKey := domain.ValidateCardText(text); errorKey != "" {
		return domain.Card{}, false, domain.Errorf(domain.CodeInvalid, errorKey)
	}
	if !domain.ValidCardKey(key) {
		return domain.Card{}, false, domain.Errorf(domain.CodeInvalid, "workshop.error.card_key")
	}
	limit := ratelimit.Limit{Events: a.Config.CardRateLimit, Per: time.Minute}
	if err := a.limits.AllowPer(ctx, "card:"+strconv.FormatInt(p.ID, 10), limit).Err(); err != nil {
		return domain.Card{}, false, err
	}
	// One address (a hall's Wi-Fi) may carry many phones, but not a flood
	// of fresh participants writing for one attacker.
	perClient := ratelimit.Limit{Events: a.Config.CardClientRateLimit, Per: time.Minute}
	if err := a.limits.AllowPer(ctx, "card-client:"+client, perClient).Err(); err != nil {
		return domain.Card{}, false, err
	}
	card, created, err = a.store.CreateCard(ctx, p, text, "w:"+key)
	if err != nil {
		return card, false, err
	}
	if created {
		a.Publish(ctx, lw.Workshop.ID, live.EventCard, card.GroupID, live.NewCardEvent(card, lw.Workshop.TalliesVisible))
	}
	return card, created, nil
}
