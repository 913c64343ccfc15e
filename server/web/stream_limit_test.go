package web

import "testing"

// TestStreamLimitPerClientAndInAll: one address holds at most
// perClient streams, a released one can be taken again, and the
// server as a whole at most maxStreams.
func TestStreamLimitPerClientAndInAll(t *testing.T) {
	l := streamLimit{perClient: 300}
	for i := 0; i < l.perClient; i++ {
		if !l.acquire("hall") {
			t.Fatalf("stream %d of the hall refused", i+1)
		}
	}
	if l.acquire("hall") {
		t.Error("one stream more than an address may hold")
	}
	if !l.acquire("elsewhere") {
		t.Error("another address is refused because of the hall")
	}
	l.release("hall")
	if !l.acquire("hall") {
		t.Error("a released stream cannot be taken again")
	}
	for i := 0; l.total < maxStreams; i++ {
		if !l.acquire("client-" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))) {
			t.Fatalf("refused at %d streams in all", l.total)
		}
	}
	if l.acquire("one-more") {
		t.Error("a stream beyond the server's limit")
	}
}
