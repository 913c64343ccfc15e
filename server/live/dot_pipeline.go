package live

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// dotPipeline sends the budget checks of concurrent taps to Redis together:
// when 500 dots a second arrive, one pipelined round trip carries every
// check that is waiting instead of one round trip each. A tap alone goes
// out at once, so a quiet hall sees no extra delay. Each check is still one
// atomic script run; only the transport is shared.
type dotPipeline struct {
	client redis.UniversalClient
	queue  chan dotCheck
	stop   chan struct{}
}

type dotCheck struct {
	key  string
	args []any
	done chan dotCheckResult
}

type dotCheckResult struct {
	n   int
	err error
}

const (
	// dotPipelineSenders round trips may be in flight at once, so one slow
	// answer does not hold up every tap.
	dotPipelineSenders = 4
	dotPipelineMax     = 128
	dotPipelineTimeout = 3 * time.Second
)

func startDotPipeline(client redis.UniversalClient) *dotPipeline {
	p := &dotPipeline{client: client, queue: make(chan dotCheck, dotPipelineMax), stop: make(chan struct{})}
	for i := 0; i < dotPipelineSenders; i++ {
		go p.run()
	}
	return p
}

func (p *dotPipeline) close() { close(p.stop) }

// check runs dotScript for key with args and returns its answer. It waits
// for the answer even when ctx ends (only not on shutdown): a check
// already sent may have reserved a dot, and the caller must know to
// release it.
func (p *dotPipeline) check(ctx context.Context, key string, args []any) (int, error) {
	c := dotCheck{key: key, args: args, done: make(chan dotCheckResult, 1)}
	select {
	case p.queue <- c:
	case <-ctx.Done():
		return 0, ctx.Err()
	case <-p.stop:
		return 0, redis.ErrClosed
	}
	select {
	case r := <-c.done:
		return r.n, r.err
	case <-p.stop:
		// Shutting down; a server resets the budgets when it starts.
		return 0, redis.ErrClosed
	}
}

func (p *dotPipeline) run() {
	for {
		var first dotCheck
		select {
		case first = <-p.queue:
		case <-p.stop:
			return
		}
		batch := []dotCheck{first}
	drain:
		for len(batch) < dotPipelineMax {
			select {
			case c := <-p.queue:
				batch = append(batch, c)
			default:
				break drain
			}
		}
		p.send(batch)
	}
}

func (p *dotPipeline) send(batch []dotCheck) {
	ctx, cancel := context.WithTimeout(context.Background(), dotPipelineTimeout)
	defer cancel()
	pipe := p.client.Pipeline()
	cmds := make([]*redis.Cmd, len(batch))
	for i, c := range batch {
		cmds[i] = dotScript.EvalSha(ctx, pipe, []string{c.key}, c.args...)
	}
	_, _ = pipe.Exec(ctx) // each command carries its own error
	for i, c := range batch {
		n, err := cmds[i].Int()
		if err != nil && redis.HasErrorPrefix(err, "NOSCRIPT") {
			// Redis restarted or the script was never loaded: Run loads it.
			n, err = dotScript.Run(ctx, p.client, []string{c.key}, c.args...).Int()
		}
		c.done <- dotCheckResult{n: n, err: err}
	}
}
