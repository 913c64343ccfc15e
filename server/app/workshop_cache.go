package app

import (
	"sync"
	"time"

	"zukunftswerk/server/domain"
)

// workshopCache keeps what the hot paths of a live workshop look up on
// every tap — the workshop by code with its phases and groups, and the
// phone's participant — for a moment. Staleness is harmless: the database
// checks voting, phase, budget and ownership again inside the transaction,
// and this instance forgets a workshop as soon as its moderator changes it.
type workshopCache struct {
	mu           sync.Mutex
	workshops    map[string]cachedWorkshop
	participants map[participantKey]cachedParticipant
}

type cachedWorkshop struct {
	wc    LiveWorkshop
	until time.Time
}

type participantKey struct {
	workshopID int64
	device     string
}

type cachedParticipant struct {
	p     domain.Participant
	until time.Time
}

const (
	workshopCacheTTL    = time.Second
	participantCacheTTL = 10 * time.Second
	workshopCacheMax    = 10_000
)

func newWorkshopCache() *workshopCache {
	return &workshopCache{workshops: map[string]cachedWorkshop{}, participants: map[participantKey]cachedParticipant{}}
}

func (c *workshopCache) workshop(code string, now time.Time) (LiveWorkshop, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.workshops[code]
	if !ok || now.After(e.until) {
		return LiveWorkshop{}, false
	}
	return e.wc, true
}

func (c *workshopCache) putWorkshop(code string, wc LiveWorkshop, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.workshops) > workshopCacheMax {
		c.workshops = map[string]cachedWorkshop{}
	}
	c.workshops[code] = cachedWorkshop{wc: wc, until: now.Add(workshopCacheTTL)}
}

// forget drops a workshop after its moderator changed it here.
func (c *workshopCache) forget(code string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.workshops, code)
}

func (c *workshopCache) participant(workshopID int64, device string, now time.Time) (domain.Participant, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.participants[participantKey{workshopID, device}]
	if !ok || now.After(e.until) {
		return domain.Participant{}, false
	}
	return e.p, true
}

func (c *workshopCache) putParticipant(workshopID int64, device string, p domain.Participant, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.participants) > workshopCacheMax {
		c.participants = map[participantKey]cachedParticipant{}
	}
	c.participants[participantKey{workshopID, device}] = cachedParticipant{p: p, until: now.Add(participantCacheTTL)}
}

func (c *workshopCache) forgetParticipant(workshopID int64, device string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.participants, participantKey{workshopID, device})
}
