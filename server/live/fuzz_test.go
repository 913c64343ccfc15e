package live_test

import (
	"testing"

	"zukunftswerk/server/live"
)

// FuzzStreamID: the Last-Event-ID a phone sends. What ValidStreamID
// accepts is short, and the order on accepted IDs is a strict order, so a
// replay can neither repeat nor skip an event because of a crafted ID.
func FuzzStreamID(f *testing.F) {
	for _, s := range []string{"1732000000000-0", "99999999999999-0", "18446744073709551615-18446744073709551615", "0-0", "1-", "-1", "+1-0", "1-0-0", " 1-0"} {
		f.Add(s, "1732000000000-1")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !live.ValidStreamID(a) {
			return
		}
		if len(a) > 40 {
			t.Fatalf("accepted an ID of %d bytes", len(a))
		}
		if live.StreamIDLess(a, a) {
			t.Fatalf("%q before itself", a)
		}
		if live.ValidStreamID(b) && live.StreamIDLess(a, b) && live.StreamIDLess(b, a) {
			t.Fatalf("%q and %q each before the other", a, b)
		}
	})
}
