package store

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// dotBatcher commits dot changes that arrive together in one transaction:
// with 200 phones tapping at once, one fsync serves many dots. Every caller
// still gets its answer only after the commit that contains its dot.
type dotBatcher struct {
	store    *Store
	requests chan dotRequest
	mu       sync.RWMutex // guards closed against submits racing close
	closed   bool
}

type dotRequest struct {
	ctx         context.Context
	participant domain.Participant
	cardID      int64
	delta       int
	reply       chan dotReply
}

type dotReply struct {
	result DotResult
	err    error
}

const (
	dotBatchMax  = 128
	dotBatchWait = time.Millisecond
)

func newDotBatcher(s *Store) *dotBatcher {
	b := &dotBatcher{store: s, requests: make(chan dotRequest, 4*dotBatchMax)}
	go b.run()
	return b
}

func (b *dotBatcher) submit(ctx context.Context, r dotRequest) (DotResult, error) {
	r.ctx, r.reply = ctx, make(chan dotReply, 1)
	b.mu.RLock()
	if b.closed {
		b.mu.RUnlock()
		return DotResult{}, errors.New("store: closed")
	}
	select {
	case b.requests <- r:
	case <-ctx.Done():
		b.mu.RUnlock()
		return DotResult{}, ctx.Err()
	}
	b.mu.RUnlock()
	select {
	case rep := <-r.reply:
		return rep.result, rep.err
	case <-ctx.Done():
		// The dot may still be committed; the phone sees it on reload.
		return DotResult{}, ctx.Err()
	}
}

// run collects requests for at most dotBatchWait after the first one (or
// until dotBatchMax), then commits them in one transaction.
func (b *dotBatcher) run() {
	for first := range b.requests {
		batch := []dotRequest{first}
		timer := time.NewTimer(dotBatchWait)
	collect:
		for len(batch) < dotBatchMax {
			select {
			case r, ok := <-b.requests:
				if !ok {
					break collect
				}
				batch = append(batch, r)
			case <-timer.C:
				break collect
			}
		}
		timer.Stop()
		b.commit(batch)
	}
}

func (b *dotBatcher) commit(batch []dotRequest) {
	replies := make([]dotReply, len(batch))
	err := b.store.inTx(context.Background(), func(tx *sqlx.Tx) error {
		var err error
		replies, err = b.store.changeDots(tx, batch)
		return err
	})
	for i, r := range batch {
		if err != nil {
			replies[i] = dotReply{err: err}
		}
		r.reply <- replies[i]
	}
}

// close stops the batcher; pending requests are answered first.
func (b *dotBatcher) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.requests)
	}
}
