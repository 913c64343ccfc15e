package domain_test

import (
	"testing"
	"time"

	"zukunftswerk/server/domain"
)

func TestWorkshopStateMachine(t *testing.T) {
	now := time.Date(2014, 7, 19, 10, 0, 0, 0, time.UTC)
	later := now.Add(5 * time.Minute)
	draft := domain.Workshop{State: domain.WorkshopDraft, CurrentPhase: 1}
	live := domain.Workshop{State: domain.WorkshopLive, CurrentPhase: 1}
	lastPhase := domain.Workshop{State: domain.WorkshopLive, CurrentPhase: 3, VotingOpen: true}
	running := domain.Workshop{State: domain.WorkshopLive, CurrentPhase: 1, TimerEndsAt: &later}
	paused := domain.Workshop{State: domain.WorkshopLive, CurrentPhase: 1, TimerLeftMs: 90_000}
	closed := domain.Workshop{State: domain.WorkshopClosed, CurrentPhase: 2}
	closedRunning := domain.Workshop{State: domain.WorkshopClosed, CurrentPhase: 2, TimerEndsAt: &later}
	closedPaused := domain.Workshop{State: domain.WorkshopClosed, CurrentPhase: 2, TimerLeftMs: 90_000}
	almostFull := domain.Workshop{State: domain.WorkshopLive, CurrentPhase: 1, TimerLeftMs: 170 * 60_000}
	tests := []struct {
		name    string
		from    domain.Workshop
		control domain.Control
		ok      bool
		check   func(w domain.Workshop) bool
	}{
		{"open a draft", draft, domain.Control{Action: "open"}, true, func(w domain.Workshop) bool { return w.State == domain.WorkshopLive && len(w.Code()) == 6 }},
		{"open twice", live, domain.Control{Action: "open"}, false, nil},
		{"next phase", live, domain.Control{Action: "next"}, true, func(w domain.Workshop) bool { return w.CurrentPhase == 2 }},
		{"next after the last phase", lastPhase, domain.Control{Action: "next"}, false, nil},
		{"back from the first phase", live, domain.Control{Action: "prev"}, false, nil},
		{"back from the last phase closes voting", lastPhase, domain.Control{Action: "prev"}, true, func(w domain.Workshop) bool { return w.CurrentPhase == 2 && !w.VotingOpen }},
		{"voting in a draft", draft, domain.Control{Action: "voting_open"}, false, nil},
		{"voting while live", live, domain.Control{Action: "voting_open"}, true, func(w domain.Workshop) bool { return w.VotingOpen }},
		{"voting after closing", closed, domain.Control{Action: "voting_open"}, false, nil},
		{"tallies in any state", closed, domain.Control{Action: "tallies_show"}, true, func(w domain.Workshop) bool { return w.TalliesVisible }},
		{"timer of 10 minutes", live, domain.Control{Action: "timer_start", Minutes: 10}, true, func(w domain.Workshop) bool { return w.TimerEndsAt.Equal(now.Add(10 * time.Minute)) }},
		{"timer of 0 minutes", live, domain.Control{Action: "timer_start"}, false, nil},
		{"timer of 181 minutes", live, domain.Control{Action: "timer_start", Minutes: 181}, false, nil},
		{"pause a running timer", running, domain.Control{Action: "timer_pause"}, true, func(w domain.Workshop) bool { return w.TimerEndsAt == nil && w.TimerLeftMs == 300_000 }},
		{"pause without a timer", live, domain.Control{Action: "timer_pause"}, false, nil},
		{"resume a paused timer", paused, domain.Control{Action: "timer_resume"}, true, func(w domain.Workshop) bool { return w.TimerEndsAt.Equal(now.Add(90 * time.Second)) }},
		{"add to a running timer", running, domain.Control{Action: "timer_add", Minutes: 2}, true, func(w domain.Workshop) bool { return w.TimerEndsAt.Equal(later.Add(2 * time.Minute)) }},
		{"add to a paused timer", paused, domain.Control{Action: "timer_add", Minutes: 1}, true, func(w domain.Workshop) bool { return w.TimerLeftMs == 150_000 }},
		{"unknown control", live, domain.Control{Action: "explode"}, false, nil},
		{"add to no timer", live, domain.Control{Action: "timer_add", Minutes: 2}, false, nil},
		{"add to a timer of a closed workshop", closedRunning, domain.Control{Action: "timer_add", Minutes: 2}, false, nil},
		{"resume a timer of a closed workshop", closedPaused, domain.Control{Action: "timer_resume"}, false, nil},
		{"added minutes stop at 180 left", almostFull, domain.Control{Action: "timer_add", Minutes: 60}, true, func(w domain.Workshop) bool { return w.TimerLeftMs == 180*60_000 }},
		{"a new phase without the old timer", running, domain.Control{Action: "next"}, true, func(w domain.Workshop) bool { return w.TimerEndsAt == nil && w.TimerLeftMs == 0 }},
	}
	for _, tt := range tests {
		w := tt.from
		err := w.Apply(tt.control, 3, now)
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok=%v", tt.name, err, tt.ok)
			continue
		}
		if err != nil && w != tt.from {
			t.Errorf("%s: refused, but the workshop changed", tt.name)
		}
		if tt.check != nil && !tt.check(w) {
			t.Errorf("%s: %+v", tt.name, w)
		}
		needsMinutes := tt.control.Action == "timer_start" || tt.control.Action == "timer_add"
		if !needsMinutes && tt.from.Can(tt.control.Action, 3, now) != tt.ok {
			t.Errorf("%s: Can disagrees with Apply", tt.name)
		}
	}
}

func TestDotRefusalNamesTheReason(t *testing.T) {
	for _, tc := range []struct {
		delta, spent, onCard, budget, max int
		want                              string
	}{
		{1, 0, 0, 3, 2, ""},
		{1, 3, 1, 3, 2, "workshop.error.dots_spent"},
		{1, 2, 2, 3, 2, "workshop.error.dots_card_full"},
		{-1, 2, 0, 3, 2, "workshop.error.dots_none"},
		{-1, 2, 1, 3, 2, ""},
	} {
		if got := domain.DotRefusal(tc.delta, tc.spent, tc.onCard, tc.budget, tc.max); got != tc.want {
			t.Errorf("domain.DotRefusal(%+v) = %q, want %q", tc, got, tc.want)
		}
		if (domain.DotRefusal(tc.delta, tc.spent, tc.onCard, tc.budget, tc.max) == "") != domain.DotAllowed(tc.delta, tc.spent, tc.onCard, tc.budget, tc.max) {
			t.Errorf("DotRefusal and DotAllowed disagree on %+v", tc)
		}
	}
}
