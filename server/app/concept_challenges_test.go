package app

import (
	"testing"

	"zukunftswerk/server/domain"
)

// TestChallengesTakenOnePerLine: the most dotted first, a card written on
// two lines on one, and none the text already names.
func TestChallengesTakenOnePerLine(t *testing.T) {
	challenges := []domain.Contribution{
		{Title: "Zu wenig Bänke am Neckar", DotTotal: 1},
		{Title: "Busse fahren\nam Wochenende nicht", DotTotal: 4},
		{Title: "Kein Treffpunkt", DotTotal: 2},
	}
	got := withChallenges("Was wir sahen:\n– Kein Treffpunkt", challenges)
	want := "Was wir sahen:\n– Kein Treffpunkt\n– Busse fahren am Wochenende nicht\n– Zu wenig Bänke am Neckar"
	if got != want {
		t.Errorf("withChallenges:\n%q\nwant\n%q", got, want)
	}
	if rest := ChallengesToTake(got, challenges); len(rest) != 0 {
		t.Errorf("after taking them, still to take: %q", rest)
	}
}
