package domain

import (
	"crypto/rand"
	"math/big"
	"time"
	"unicode/utf8"
)

// Workshop kinds (Werkstatt).
var WorkshopKinds = []string{"bilanz", "zukunft", "strategie", "ergebnis"}

// Workshop states.
const (
	WorkshopDraft      = "draft"
	WorkshopLive       = "live"
	WorkshopClosed     = "closed"
	WorkshopDocumented = "documented"
)

// Limits of workshop input, in characters.
const (
	MaxCardText     = 140
	MaxClusterTitle = 80
	// MaxClustersPerGroup is how many clusters a group may have in a
	// phase: more than a wall can show as columns.
	MaxClustersPerGroup = 20
	MaxDisplayName      = 40
	MaxWorkshopDots     = 20
)

// Workshop is a live workshop of a process.
type Workshop struct {
	ID             int64      `db:"id"`
	ProcessID      int64      `db:"process_id"`
	Kind           string     `db:"kind"`
	Title          string     `db:"title"`
	HeldOn         *time.Time `db:"held_on"` // the first of its days (store.WorkshopDays)
	Place          string     `db:"place"`
	Question       string     `db:"question"`
	JoinCode       *string    `db:"join_code"`
	DotBudget      int        `db:"dot_budget"`
	MaxDotsPerCard int        `db:"max_dots_per_card"`
	State          string     `db:"state"`
	CurrentPhase   int        `db:"current_phase"`
	VotingOpen     bool       `db:"voting_open"`
	TalliesVisible bool       `db:"tallies_visible"`
	TimerEndsAt    *time.Time `db:"timer_ends_at"`
	TimerLeftMs    int64      `db:"timer_left_ms"`
	CreatedAt      time.Time  `db:"created_at"`
}

// Code returns the join code or "".
func (w Workshop) Code() string {
	if w.JoinCode == nil {
		return ""
	}
	return *w.JoinCode
}

// TimerRemaining is the time left on the timer at now: counting down
// towards TimerEndsAt while it runs, TimerLeftMs while it is paused.
func (w Workshop) TimerRemaining(now time.Time) time.Duration {
	if w.TimerEndsAt != nil {
		return max(w.TimerEndsAt.Sub(now), 0)
	}
	return time.Duration(w.TimerLeftMs) * time.Millisecond
}

// Phase is one step of a workshop (Kritik, Phantasie, Verwirklichung).
type Phase struct {
	WorkshopID int64  `db:"workshop_id"`
	Position   int    `db:"position"`
	Title      string `db:"title"`
	Prompt     string `db:"prompt"`
	CardKind   string `db:"card_kind"`
	Becomes    string `db:"becomes"` // PhaseIdeas or PhaseChallenges: what its cards become at the close
}

// What a phase's cards become when the workshop closes: ideas of the
// process, or challenges of their action field (Kritik: what is wrong
// today is the concept's "Herausforderungen", not a proposal to support).
const (
	PhaseIdeas      = "idea"
	PhaseChallenges = "challenge"
)

// KindChallenge is the kind of a contribution that is a challenge of its
// action field; public idea lists leave challenges out.
const KindChallenge = "herausforderung"

// Group is a working group with its own wall.
type Group struct {
	ID            int64  `db:"id"`
	WorkshopID    int64  `db:"workshop_id"`
	Position      int    `db:"position"`
	Title         string `db:"title"`
	ActionFieldID *int64 `db:"action_field_id"`
}

// Participant is a pseudonymous device in a workshop.
type Participant struct {
	ID          int64  `db:"id"`
	WorkshopID  int64  `db:"workshop_id"`
	GroupID     int64  `db:"group_id"`
	DisplayName string `db:"display_name"`
}

// Card is what a participant writes during a phase.
type Card struct {
	ID            int64     `db:"id"`
	WorkshopID    int64     `db:"workshop_id"`
	GroupID       int64     `db:"group_id"`
	Phase         int       `db:"phase"`
	ParticipantID *int64    `db:"participant_id"`
	Kind          string    `db:"kind"`
	Text          string    `db:"text"`
	Hidden        bool      `db:"hidden"`
	ClusterID     *int64    `db:"cluster_id"`
	ActionFieldID *int64    `db:"action_field_id"` // from its group, or set by the moderator
	Paper         bool      `db:"paper"`           // typed in from a paper card by a helper
	DotTotal      int       `db:"dot_total"`
	CreatedAt     time.Time `db:"created_at"`
	Author        string    `db:"author"` // the participant's display name
}

// Cluster groups cards of one group and phase under a title.
type Cluster struct {
	ID         int64  `db:"id"`
	WorkshopID int64  `db:"workshop_id"`
	GroupID    int64  `db:"group_id"`
	Phase      int    `db:"phase"`
	Title      string `db:"title"`
}

// joinAlphabet leaves out characters that look alike on a projector or a
// phone (0/O, 1/I/L, 2/Z, 5/S, 8/B).
const joinAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// NewJoinCode returns a random six-character join code.
func NewJoinCode() string {
	code := make([]byte, 6)
	for i := range code {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(joinAlphabet))))
		if err != nil {
			panic(err) // crypto/rand does not fail on supported platforms
		}
		code[i] = joinAlphabet[n.Int64()]
	}
	return string(code)
}

// NormalizeJoinCode upper-cases a typed code and drops spaces and dashes.
func NormalizeJoinCode(s string) string {
	out := make([]byte, 0, 6)
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			out = append(out, byte(r-'a'+'A'))
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			out = append(out, byte(r))
		}
		if len(out) > 12 {
			break
		}
	}
	return string(out)
}

// NormalizeCardText prepares a card's text like an idea's: NFC, line
// breaks as "\n", surrounding space trimmed.
func NormalizeCardText(s string) string { return normalizeText(s) }

// ValidateCardText returns the catalog key of a (normalised) card text's
// problem, or "": the same characters as in an idea's text, at most
// MaxCardText of them. Phones and the moderator's typo fix share it.
func ValidateCardText(text string) string {
	switch {
	case !utf8.ValidString(text) || hasForbiddenControl(text, true):
		return "error.invalid_characters"
	case blank(text):
		return "workshop.error.card_empty"
	case utf8.RuneCountInString(text) > MaxCardText:
		return "workshop.error.card_long"
	}
	return ""
}

// ValidateClusterTitle checks a cluster's name; the message names the
// limit.
func ValidateClusterTitle(s string) string {
	return lengthNamed(ValidateText(s, MaxClusterTitle), "workshop.error.cluster_title_long")
}

// ValidCardKey reports whether a phone's idempotency key for a card is
// usable: 16 to 64 bytes of valid UTF-8.
func ValidCardKey(key string) bool {
	return len(key) >= 16 && len(key) <= 64 && utf8.ValidString(key)
}

// DotAllowed is the dot rule: a participant who has spent spent dots in
// the phase, onCard of them on this card, may place one more (delta +1)
// while spent < budget and onCard < maxPerCard, and take one back (delta
// −1) while onCard > 0. The database check (store) calls it; Redis checks
// the same rule in Lua (live's dotScript), and a test holds the two
// together on real Redis.
func DotAllowed(delta, spent, onCard, budget, maxPerCard int) bool {
	switch {
	case delta > 0:
		return spent < budget && onCard < maxPerCard
	case delta < 0:
		return onCard > 0
	}
	return false
}

// DotRefusal is the catalog key of why DotAllowed refuses a change, or ""
// when it allows it: the phone tells the participant what to do next.
func DotRefusal(delta, spent, onCard, budget, maxPerCard int) string {
	switch {
	case DotAllowed(delta, spent, onCard, budget, maxPerCard):
		return ""
	case delta > 0 && spent >= budget:
		return "workshop.error.dots_spent"
	case delta > 0:
		return "workshop.error.dots_card_full"
	}
	return "workshop.error.dots_none"
}

// CardEdit is one change a moderator makes to a card (all audited):
// "hide" and "show" (abuse), "edit" (fix a typo in Text), "move" (to the
// group GroupID, leaving its cluster), "cluster" (file it into ClusterID,
// nil takes it out), "field" (its action field), and "save": all of
// them at once from the console's one form per card (text, group, cluster
// and field; a card moved to another group leaves its cluster).
type CardEdit struct {
	Action    string
	Text      string
	GroupID   int64
	ClusterID *int64
	FieldID   *int64 // "field": the card's action field (nil: none, the group's decides)
}

// Apply changes the card as the edit says, or refuses an edit that is not
// valid.
func (e CardEdit) Apply(card *Card) error {
	switch e.Action {
	case "hide":
		card.Hidden = true
	case "show":
		card.Hidden = false
	case "edit":
		text := NormalizeCardText(e.Text)
		if key := ValidateCardText(text); key != "" {
			return Errorf(CodeInvalid, key)
		}
		card.Text = text
	case "move":
		if e.GroupID <= 0 {
			return Errorf(CodeInvalid, "workshop.error.target")
		}
		card.GroupID, card.ClusterID = e.GroupID, nil
	case "cluster":
		card.ClusterID = e.ClusterID
	case "field":
		card.ActionFieldID = e.FieldID
	case "save":
		text := NormalizeCardText(e.Text)
		if key := ValidateCardText(text); key != "" {
			return Errorf(CodeInvalid, key)
		}
		if e.GroupID <= 0 {
			return Errorf(CodeInvalid, "workshop.error.target")
		}
		card.Text, card.ActionFieldID, card.ClusterID = text, e.FieldID, e.ClusterID
		if e.GroupID != card.GroupID {
			card.GroupID, card.ClusterID = e.GroupID, nil
		}
	default:
		return Errorf(CodeBadRequest, "error.bad_request")
	}
	return nil
}

// WorkshopDay is one day of a workshop, with its hours ("18:30") in the
// installation's time zone; "" when they are not fixed.
type WorkshopDay struct {
	WorkshopID int64     `db:"workshop_id"`
	Day        time.Time `db:"day"`
	Starts     string    `db:"starts"`
	Ends       string    `db:"ends"`
}

// MaxWorkshopDays is how many days one workshop may take.
const MaxWorkshopDays = 5

// Validate returns the catalog key of the day's problem, or "": a day
// within ValidDay, hours as "HH:MM", the end after the start.
func (d WorkshopDay) Validate() string {
	if !ValidDay(d.Day) {
		return "admin.error.date"
	}
	starts, okStart := clockTime(d.Starts)
	ends, okEnd := clockTime(d.Ends)
	switch {
	case !okStart || !okEnd:
		return "workshop.error.time"
	case d.Starts != "" && d.Ends != "" && !ends.After(starts):
		return "workshop.error.time_order"
	}
	return ""
}

// clockTime reads "HH:MM"; "" is no time (and fine).
func clockTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse("15:04", s)
	return t, err == nil
}

// Span is when the day begins and ends in loc; false when its hours are
// not fixed (a day without a start). Without an end it lasts two hours.
func (d WorkshopDay) Span(loc *time.Location) (time.Time, time.Time, bool) {
	if d.Starts == "" {
		return time.Time{}, time.Time{}, false
	}
	at := func(clock string) time.Time {
		t, _ := time.Parse("15:04", clock)
		return time.Date(d.Day.Year(), d.Day.Month(), d.Day.Day(), t.Hour(), t.Minute(), 0, 0, loc)
	}
	start := at(d.Starts)
	if d.Ends == "" {
		return start, start.Add(2 * time.Hour), true
	}
	return start, at(d.Ends), true
}
