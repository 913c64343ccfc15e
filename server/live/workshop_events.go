package live

import (
	"time"

	"zukunftswerk/server/domain"
)

// The events of a live workshop, as every screen receives them
// (static/workshop.js reads them; the console, the wall and the phones all
// listen to the same stream). Their names and shapes live here and nowhere
// else.
const (
	EventCard        = "card"         // a new card (to its group)
	EventCardChanged = "card-changed" // hidden, shown, edited, moved, filed
	EventCluster     = "cluster"      // a new cluster (to its group)
	EventJoined      = "joined"       // a phone joined (to its group)
	EventState       = "state"        // phase, voting, tallies, timer, closed
	EventTally       = "tally"        // dot totals of the cards changed in a window
	EventReload      = "reload"       // sent by the stream itself: reload the whole state
)

// CardEvent is a card; Total only while tallies are visible.
type CardEvent struct {
	ID      int64  `json:"id"`
	Group   int64  `json:"group"`
	Phase   int    `json:"phase"`
	Text    string `json:"text"`
	Author  string `json:"author"`
	Cluster *int64 `json:"cluster"`
	Total   *int   `json:"total,omitempty"`
}

// NewCardEvent is a card as screens receive it; its dot total only while
// tallies are visible (a resent card would otherwise reveal it).
func NewCardEvent(card domain.Card, talliesVisible bool) CardEvent {
	e := CardEvent{ID: card.ID, Group: card.GroupID, Phase: card.Phase, Text: card.Text, Author: card.Author, Cluster: card.ClusterID}
	if talliesVisible {
		e.Total = &card.DotTotal
	}
	return e
}

// CardChangedEvent is a card after the moderator changed it; a hidden
// card's Text is empty.
type CardChangedEvent struct {
	ID      int64  `json:"id"`
	Group   int64  `json:"group"`
	Hidden  bool   `json:"hidden"`
	Text    string `json:"text"`
	Cluster *int64 `json:"cluster"`
}

// NewCardChangedEvent is a card after the moderator changed it; a hidden
// card's text goes to no screen.
func NewCardChangedEvent(card domain.Card) CardChangedEvent {
	text := card.Text
	if card.Hidden {
		text = ""
	}
	return CardChangedEvent{ID: card.ID, Group: card.GroupID, Hidden: card.Hidden, Text: text, Cluster: card.ClusterID}
}

// ClusterEvent is a cluster named in a group's current phase.
type ClusterEvent struct {
	Group int64  `json:"group"`
	Title string `json:"title"`
}

// JoinedEvent says a phone joined a group.
type JoinedEvent struct {
	Group int64 `json:"group"`
}

// StateEvent is the workshop's state; the timer travels as milliseconds
// left at the server's clock, so a phone with a wrong clock still counts
// down correctly.
type StateEvent struct {
	State        string `json:"state"`
	Phase        int    `json:"phase"`
	Voting       bool   `json:"voting"`
	Tallies      bool   `json:"tallies"`
	TimerLeftMs  int64  `json:"timer_left_ms"`
	TimerRunning bool   `json:"timer_running"`
}

// NewStateEvent is the workshop's state at now.
func NewStateEvent(w domain.Workshop, now time.Time) StateEvent {
	return StateEvent{State: w.State, Phase: w.CurrentPhase, Voting: w.VotingOpen, Tallies: w.TalliesVisible,
		TimerLeftMs: w.TimerRemaining(now).Milliseconds(), TimerRunning: w.TimerEndsAt != nil}
}

// TallyEvent carries the totals of the cards changed in one window, by card
// id; phones get nulls while tallies are hidden (see HideTotals).
type TallyEvent struct {
	Cards   map[string]*int `json:"cards"`
	Visible bool            `json:"visible"`
}

// HideTotals is the event as phones get it while tallies are hidden: they
// learn which cards changed, not by how much.
func (e TallyEvent) HideTotals() TallyEvent {
	if e.Visible {
		return e
	}
	cards := make(map[string]*int, len(e.Cards))
	for id := range e.Cards {
		cards[id] = nil
	}
	return TallyEvent{Cards: cards, Visible: false}
}
