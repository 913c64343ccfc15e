package app

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
)

// LiveWorkshop is a workshop with its phases and groups, as every live page
// and tap needs it.
type LiveWorkshop struct {
	Workshop domain.Workshop
	Phases   []domain.Phase
	Groups   []domain.Group
}

// Phase returns the current phase.
func (lw LiveWorkshop) Phase() domain.Phase {
	for _, p := range lw.Phases {
		if p.Position == lw.Workshop.CurrentPhase {
			return p
		}
	}
	return domain.Phase{}
}

// Group returns the group with the id.
func (lw LiveWorkshop) Group(id int64) (domain.Group, bool) {
	for _, g := range lw.Groups {
		if g.ID == id {
			return g, true
		}
	}
	return domain.Group{}, false
}

// Can tells whether the moderator's control is possible in the workshop's
// state now (domain.Workshop.Can), so that the console offers only those.
func (lw LiveWorkshop) Can(action string) bool {
	return lw.Workshop.Can(action, len(lw.Phases), time.Now())
}

// TimerLeftSeconds is the time left on the timer.
func (lw LiveWorkshop) TimerLeftSeconds() int {
	return int(lw.Workshop.TimerRemaining(time.Now()).Seconds())
}

// WorkshopParts adds the phases and groups to a workshop.
func (a *App) WorkshopParts(ctx context.Context, w domain.Workshop) (LiveWorkshop, error) {
	phases, err := a.store.Phases(ctx, w.ID)
	if err != nil {
		return LiveWorkshop{}, err
	}
	groups, err := a.store.Groups(ctx, w.ID)
	if err != nil {
		return LiveWorkshop{}, err
	}
	return LiveWorkshop{Workshop: w, Phases: phases, Groups: groups}, nil
}

// WorkshopByCode resolves a join code for participants and walls. Pages
// read the database (cached=false); the taps of a live workshop (cards,
// dots) may use the cache (see workshopCache).
func (a *App) WorkshopByCode(ctx context.Context, code string, cached bool) (LiveWorkshop, error) {
	code = domain.NormalizeJoinCode(code)
	now := time.Now()
	if cached {
		if lw, ok := a.cache.workshop(code, now); ok {
			return lw, nil
		}
	}
	w, err := a.store.WorkshopByCode(ctx, code)
	if err != nil {
		return LiveWorkshop{}, domain.Errorf(domain.CodeNotFound, "workshop.error.code")
	}
	lw, err := a.WorkshopParts(ctx, w)
	if err != nil {
		return lw, err
	}
	a.cache.putWorkshop(code, lw, now)
	return lw, nil
}

// ParticipantOf finds the participant a device joined a workshop as; false
// when it has not joined.
func (a *App) ParticipantOf(ctx context.Context, workshopID int64, device string) (domain.Participant, bool) {
	if device == "" {
		return domain.Participant{}, false
	}
	now := time.Now()
	if p, ok := a.cache.participant(workshopID, device, now); ok {
		return p, true
	}
	p, err := a.store.ParticipantByDevice(ctx, workshopID, device)
	if err != nil {
		return p, false
	}
	a.cache.putParticipant(workshopID, device, p, now)
	return p, true
}

// Publish sends an event to every screen of the workshop. A failure is
// logged, never fatal: the database has the change and screens catch up on
// reload.
func (a *App) Publish(ctx context.Context, workshopID int64, typ string, group int64, data any) {
	if _, err := a.live.Publish(ctx, workshopID, typ, group, data); err != nil {
		a.log.Warn("unable to publish workshop event", "type", typ, "error", err)
	}
}

// WorkshopBoard is a workshop with everything on its walls: phases, groups,
// cards (hidden ones only for staff) and clusters.
type WorkshopBoard struct {
	LiveWorkshop
	Cards    []domain.Card
	Clusters []domain.Cluster
	Fields   []domain.ActionField // of the workshop's process, for the moderator to file cards under
}

// UnfiledGroup counts the cards of one group that have no action field.
type UnfiledGroup struct {
	Group string
	Cards int
}

// Unfiled lists, group by group, the visible cards that neither have an
// action field of their own nor get one from their group: closing asks
// where they go instead of guessing.
func (b WorkshopBoard) Unfiled() []UnfiledGroup {
	var out []UnfiledGroup
	for _, g := range b.Groups {
		n := 0
		for _, c := range b.Cards {
			if c.GroupID == g.ID && !c.Hidden && c.ActionFieldID == nil && g.ActionFieldID == nil {
				n++
			}
		}
		if n > 0 {
			out = append(out, UnfiledGroup{Group: g.Title, Cards: n})
		}
	}
	return out
}

// Board loads a workshop's board; withHidden includes the cards the
// moderator hid.
func (a *App) Board(ctx context.Context, w domain.Workshop, withHidden bool) (WorkshopBoard, error) {
	lw, err := a.WorkshopParts(ctx, w)
	if err != nil {
		return WorkshopBoard{}, err
	}
	cards, err := a.store.Cards(ctx, w.ID, 0, 0, withHidden)
	if err != nil {
		return WorkshopBoard{}, err
	}
	clusters, err := a.store.Clusters(ctx, w.ID)
	if err != nil {
		return WorkshopBoard{}, err
	}
	fields, err := a.store.ActionFields(ctx, w.ProcessID)
	if err != nil {
		return WorkshopBoard{}, err
	}
	return WorkshopBoard{LiveWorkshop: lw, Cards: cards, Clusters: clusters, Fields: fields}, nil
}

// Attendance is how many phones joined each group, and how many of them are
// connected now.
type Attendance struct {
	Joined map[int64]int
	Online map[int64]int
}

// WorkshopAttendance counts the phones per group of a workshop.
func (a *App) WorkshopAttendance(ctx context.Context, lw LiveWorkshop) (Attendance, error) {
	joined, err := a.store.ParticipantCounts(ctx, lw.Workshop.ID)
	if err != nil {
		return Attendance{}, err
	}
	online := make(map[int64]int, len(lw.Groups))
	for _, g := range lw.Groups {
		online[g.ID] = a.live.Online(ctx, lw.Workshop.ID, g.ID)
	}
	return Attendance{Joined: joined, Online: online}, nil
}

// Replay returns a workshop's events after afterID for a screen that
// reconnects, with every card as it is now: a card the moderator has
// hidden since comes without its text ("card" events of it are left out,
// "card-changed" ones say only that it is hidden), and an edited card with
// its corrected text, so that what moderation took away does not come
// back through the replay. An error (a gap in the stream, or Redis or the
// database away) means: reload the state.
func (a *App) Replay(ctx context.Context, workshopID int64, afterID string) ([]live.Event, error) {
	events, err := a.live.Replay(ctx, workshopID, afterID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, e := range events {
		if id, ok := replayedCard(e); ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return events, nil
	}
	texts, err := a.store.CardTexts(ctx, workshopID, ids)
	if err != nil {
		return nil, err
	}
	kept := events[:0:0]
	for _, e := range events {
		id, ok := replayedCard(e)
		if !ok {
			kept = append(kept, e)
			continue
		}
		var data map[string]json.RawMessage
		if json.Unmarshal(e.Data, &data) != nil {
			continue
		}
		text, visible := texts[id]
		switch {
		case !visible && e.Type == live.EventCard:
			continue
		case !visible:
			data["hidden"], data["text"] = json.RawMessage("true"), json.RawMessage(`""`)
		default:
			data["text"], _ = json.Marshal(text)
		}
		raw, err := json.Marshal(data)
		if err != nil {
			return nil, fmt.Errorf("app: unable to encode a replayed card: %w", err)
		}
		e.Data, e.ParticipantData = raw, raw
		kept = append(kept, e)
	}
	return kept, nil
}

// replayedCard is the id of the card a "card" or "card-changed" event is
// about.
func replayedCard(e live.Event) (int64, bool) {
	if e.Type != live.EventCard && e.Type != live.EventCardChanged {
		return 0, false
	}
	var card struct {
		ID int64 `json:"id"`
	}
	if json.Unmarshal(e.Data, &card) != nil || card.ID == 0 {
		return 0, false
	}
	return card.ID, true
}

// PhoneView is what a participant's phone shows: the cards of their group
// in the current phase and the dots they placed on them.
type PhoneView struct {
	Cards     []domain.Card
	MyDots    map[int64]int
	Remaining int // dots left in this phase
}

// Phone loads a participant's view of a live workshop.
func (a *App) Phone(ctx context.Context, lw LiveWorkshop, p domain.Participant) (PhoneView, error) {
	cards, err := a.store.Cards(ctx, lw.Workshop.ID, p.GroupID, lw.Workshop.CurrentPhase, false)
	if err != nil {
		return PhoneView{}, err
	}
	dots, err := a.store.ParticipantDots(ctx, p.ID, lw.Workshop.CurrentPhase)
	if err != nil {
		return PhoneView{}, err
	}
	spent := 0
	for _, n := range dots {
		spent += n
	}
	return PhoneView{Cards: cards, MyDots: dots, Remaining: lw.Workshop.DotBudget - spent}, nil
}

// WallView is what the projector shows: the visible cards of the current
// phase (of one group, or all with groupID 0) and every cluster.
type WallView struct {
	Cards    []domain.Card
	Clusters []domain.Cluster
}

// Wall loads the projector's view of a live workshop.
func (a *App) Wall(ctx context.Context, lw LiveWorkshop, groupID int64) (WallView, error) {
	phase := lw.Workshop.CurrentPhase
	if lw.Workshop.State == domain.WorkshopClosed {
		phase = 0 // the results of every phase
	}
	cards, err := a.store.Cards(ctx, lw.Workshop.ID, groupID, phase, false)
	if err != nil {
		return WallView{}, err
	}
	clusters, err := a.store.Clusters(ctx, lw.Workshop.ID)
	if err != nil {
		return WallView{}, err
	}
	return WallView{Cards: cards, Clusters: clusters}, nil
}
