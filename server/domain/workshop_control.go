package domain

import "time"

// The moderator's controls of a live workshop (the console's buttons).
const (
	ControlOpen        = "open"
	ControlNext        = "next"
	ControlPrev        = "prev"
	ControlVotingOpen  = "voting_open"
	ControlVotingClose = "voting_close"
	ControlTalliesShow = "tallies_show"
	ControlTalliesHide = "tallies_hide"
	ControlTimerStart  = "timer_start"
	ControlTimerPause  = "timer_pause"
	ControlTimerResume = "timer_resume"
	ControlTimerAdd    = "timer_add"
	// ControlClose ends the workshop for good: its cards become
	// contributions (app.ControlWorkshop; not a step of Apply).
	ControlClose = "close"
)

// Timer limits of the console, in minutes.
const (
	MaxTimerMinutes    = 180
	MaxTimerAddMinutes = 60
)

// Control is one press of a console button; Minutes is for the timer.
type Control struct {
	Action  string
	Minutes int
	// RestField is, when closing, the action field for the cards that
	// have none yet (0: there must be no such card).
	RestField int64
}

// Apply is the workshop's state machine: it changes w by the control if
// the control is possible in w's state (a workshop with phases phases, at
// now), and refuses it with a conflict otherwise. Closing is not here: it
// turns cards into contributions and belongs to the store.
func (w *Workshop) Apply(c Control, phases int, now time.Time) error {
	live := w.State == WorkshopLive
	switch {
	case c.Action == ControlOpen && w.State == WorkshopDraft:
		code := NewJoinCode()
		w.JoinCode, w.State = &code, WorkshopLive
	// A new phase starts without the last phase's timer.
	case c.Action == ControlNext && live && w.CurrentPhase < phases:
		w.CurrentPhase, w.VotingOpen, w.TimerEndsAt, w.TimerLeftMs = w.CurrentPhase+1, false, nil, 0
	case c.Action == ControlPrev && live && w.CurrentPhase > 1:
		w.CurrentPhase, w.VotingOpen, w.TimerEndsAt, w.TimerLeftMs = w.CurrentPhase-1, false, nil, 0
	case c.Action == ControlVotingOpen && live:
		w.VotingOpen = true
	case c.Action == ControlVotingClose && live:
		w.VotingOpen = false
	case c.Action == ControlTalliesShow:
		w.TalliesVisible = true
	case c.Action == ControlTalliesHide:
		w.TalliesVisible = false
	case (c.Action == ControlTimerStart && (c.Minutes < 1 || c.Minutes > MaxTimerMinutes)) ||
		(c.Action == ControlTimerAdd && (c.Minutes < 1 || c.Minutes > MaxTimerAddMinutes)):
		return Errorf(CodeInvalid, "workshop.error.timer_minutes")
	case c.Action == ControlTimerStart && live:
		end := now.Add(time.Duration(c.Minutes) * time.Minute)
		w.TimerEndsAt, w.TimerLeftMs = &end, 0
	case c.Action == ControlTimerPause && live && w.TimerEndsAt != nil:
		w.TimerLeftMs, w.TimerEndsAt = w.TimerRemaining(now).Milliseconds(), nil
	case c.Action == ControlTimerResume && live && w.TimerEndsAt == nil && w.TimerLeftMs > 0:
		end := now.Add(time.Duration(w.TimerLeftMs) * time.Millisecond)
		w.TimerEndsAt, w.TimerLeftMs = &end, 0
	// Added minutes never make more than MaxTimerMinutes left.
	case c.Action == ControlTimerAdd && live && (w.TimerEndsAt != nil || w.TimerLeftMs > 0):
		left := min(w.TimerRemaining(now)+time.Duration(c.Minutes)*time.Minute, MaxTimerMinutes*time.Minute)
		if w.TimerEndsAt != nil {
			end := now.Add(left)
			w.TimerEndsAt = &end
		} else {
			w.TimerLeftMs = left.Milliseconds()
		}
	default:
		return Errorf(CodeConflict, "workshop.error.action")
	}
	return nil
}

// Can reports whether the control's action is possible now (with the
// smallest number of minutes), so that a console offers only those.
func (w Workshop) Can(action string, phases int, now time.Time) bool {
	return w.Apply(Control{Action: action, Minutes: 1}, phases, now) == nil
}
