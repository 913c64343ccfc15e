package web

import "sync"

// maxStreams is how many live streams one server instance holds open in
// all: well below the process's file handles, whatever the addresses.
const maxStreams = 10000

// streamLimit counts the open live streams, per client address and in
// all. A hall on one Wi-Fi shares one address: its phones and walls fit
// under perClient (config StreamsPerClient); an attacker opening
// thousands of streams from one address gets no more than that.
type streamLimit struct {
	mu        sync.Mutex
	perClient int
	open      map[string]int
	total     int
}

// acquire takes a stream for the client, or answers false when the client
// or the server holds as many as it may.
func (l *streamLimit) acquire(client string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		l.open = map[string]int{}
	}
	if l.total >= maxStreams || l.open[client] >= l.perClient {
		return false
	}
	l.open[client]++
	l.total++
	return true
}

// release gives the client's stream back.
func (l *streamLimit) release(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.open[client]--; l.open[client] <= 0 {
		delete(l.open, client)
	}
}
