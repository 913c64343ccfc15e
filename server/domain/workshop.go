package domain

import (
	"crypto/rand"
	"math/big"
	"time"
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
	MaxDisplayName  = 40
	MaxWorkshopDots = 20
)

// Workshop is a live workshop of a process.
type Workshop struct {
	ID             int64      `db:"id"`
	ProcessID      int64      `db:"process_id"`
	Kind           string     `db:"kind"`
	Title          string     `db:"title"`
	HeldOn         *time.Time `db:"held_on"`
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
}

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
