package web

import "sync"

// Limits of the live streams one server instance holds open. A hall on one
// Wi-Fi shares one address: a few hundred phones and walls fit under the
// per-address limit; an attacker opening thousands of streams from one
// address gets no more than that, and all addresses together stay well
// below the process's file handles.
const (
	maxStreamsPerClient = 300
	maxStreams          = 10000
)

// streamLimit counts the open live streams, per client address and in
// all.
type streamLimit struct {
	mu        sync.Mutex
	perClient map[string]int
	total     int
}

// acquire takes a stream for the client, or answers false when the client
// or the server holds as many as it may.
func (l *streamLimit) acquire(client string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.perClient == nil {
		l.perClient = map[string]int{}
	}
	if l.total >= maxStreams || l.perClient[client] >= maxStreamsPerClient {
		return false
	}
	l.perClient[client]++
	l.total++
	return true
}

// release gives the client's stream back.
func (l *streamLimit) release(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.perClient[client]--; l.perClient[client] <= 0 {
		delete(l.perClient, client)
	}
}
