// Command loadtest runs a live workshop under load inside one process and
// reports what participants experience: accepted dot requests per second,
// the delay from a dot being accepted to every SSE client having seen it,
// and memory per idle SSE connection — beside two baselines measured in the
// same run: a bare gin handler, and a bare Redis XADD→XREAD round trip.
//
//	go run ./server/loadtest -participants 300 -rate 200 -duration 15s
//	go run ./server/loadtest -kill -participants 50   # SIGKILL under load, then check
//	go run ./server/loadtest -memory -participants 2000  # server-only memory per connection
//	go run ./server/loadtest -separate -workers 64       # dot saturation, server in its own process
//	go run ./server/loadtest -compare -subscribers 2000 -rate 100 -duration 20s  # fan-out beside Centrifugo
//
// It uses REDIS_URL (default redis://127.0.0.1:6379/0) with a fresh key
// prefix, and a SQLite file in a temp folder. Server and simulated phones
// share the machine's cores, so the figures are a lower bound.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"zukunftswerk"
	"zukunftswerk/server/app"
	"zukunftswerk/server/config"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
	"zukunftswerk/server/redisconn"
	"zukunftswerk/server/store"
	"zukunftswerk/server/web"
)

// workers is how many requests the saturation runs keep in flight.
var workers = 16

func main() {
	participants := flag.Int("participants", 300, "simulated phones, all in one group (the worst case)")
	rate := flag.Int("rate", 200, "dots per second to attempt")
	duration := flag.Duration("duration", 15*time.Second, "how long to place dots")
	kill := flag.Bool("kill", false, "instead: run the server binary, kill it with SIGKILL under load, restart, check the ledger")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.IntVar(&workers, "workers", 16, "concurrent clients for the saturation runs (bare gin and dots)")
	separate := flag.Bool("separate", false, "instead: dot-vote saturation with the server and a bare gin baseline each in its own process")
	bareGinAddr := flag.String("serve-bare-gin", "", "internal: serve the bare gin baseline on this address")
	memory := flag.Bool("memory", false, "instead: run the server binary and measure its memory per idle SSE connection")
	compare := flag.Bool("compare", false, "instead: the same subscribers and card publisher against the server binary and Centrifugo, alternately")
	subscribers := flag.Int("subscribers", 2000, "with -compare: SSE subscribers on the workshop's stream")
	rounds := flag.Int("rounds", 2, "with -compare: runs against each server, alternating")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	if *bareGinAddr != "" {
		if err := serveBareGin(*bareGinAddr); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		return
	}
	if *separate {
		if err := separateTest(*participants); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		return
	}
	if *compare {
		if err := compareTest(*subscribers, *rate, *duration, *rounds); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		return
	}
	if *memory {
		if err := memoryTest(*participants); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		return
	}
	if *kill {
		if err := killTest(min(*participants, 200), 3*time.Second); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*participants, *rate, *duration); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(participants, rate int, duration time.Duration) error {
	ctx := context.Background()
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	dir, err := os.MkdirTemp("", "zw-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))

	prefix := fmt.Sprintf("zwload:%d:", time.Now().UnixNano())
	lv, err := redisconn.Connect(ctx, redisURL, prefix, quiet)
	if err != nil {
		return err
	}
	defer cleanup(lv, prefix)
	st, err := store.Open(ctx, filepath.Join(dir, "load.db"), zukunftswerk.Migrations())
	if err != nil {
		return err
	}
	defer st.Close()
	if err := demo.Load(ctx, st); err != nil {
		return err
	}
	cfg, err := config.Load(func(k string) string {
		return map[string]string{"MIN_FILL_SECONDS": "0", "IDEA_RATE_PER_HOUR": "100000", "CLIENT_RATE_PER_HOUR": "10000000", "CARD_RATE_PER_MINUTE": "1000000",
			"CARD_RATE_PER_CLIENT_MINUTE": "10000000", "STREAMS_PER_CLIENT": "1000000"}[k]
	})
	if err != nil {
		return err
	}
	catalog, err := i18n.Load()
	if err != nil {
		return err
	}
	a, err := app.New(ctx, app.Deps{Config: cfg, Store: st, Redis: lv, Log: quiet})
	if err != nil {
		return err
	}
	defer a.Close()
	handler, err := web.New(ctx, web.Deps{App: a, Catalog: catalog, Log: quiet,
		Templates: zukunftswerk.Templates(), Static: zukunftswerk.Static(), Registry: prometheus.NewRegistry()})
	if err != nil {
		return err
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()

	fmt.Printf("participants=%d rate=%d/s duration=%s workers=%d GOMAXPROCS=%d\n", participants, rate, duration, workers, runtime.GOMAXPROCS(0))
	ginRate := bareGin(2 * time.Second)
	fmt.Printf("baseline bare gin handler: %.0f req/s\n", ginRate)
	p50r, p99r := redisRoundTrip(ctx, lv, 2000)
	fmt.Printf("baseline Redis XADD→XREAD: p50 %s p99 %s\n", p50r, p99r)

	code, err := openWorkshop(ctx, st)
	if err != nil {
		return err
	}
	phones, err := joinAll(srv.URL, code, participants)
	if err != nil {
		return err
	}

	// Idle SSE connections: heap before and after.
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	seen := newLedger(participants)
	streamCtx, stopStreams := context.WithCancel(ctx)
	defer stopStreams()
	var connected sync.WaitGroup
	for i, p := range phones {
		connected.Add(1)
		go p.listen(streamCtx, srv.URL, code, i, seen, &connected)
	}
	connected.Wait()
	time.Sleep(time.Second)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	perConn := float64(after.HeapInuse+after.StackInuse-before.HeapInuse-before.StackInuse) / float64(participants)
	fmt.Printf("memory per idle SSE connection (server and client side together): %.1f KB\n", perConn/1024)

	// Every phone writes one card; then voting opens and dots flow.
	cards, err := writeCards(srv.URL, code, phones, 20, "Karte")
	if err != nil {
		return err
	}
	if _, err := st.UpdateWorkshop(ctx, store.Actor{Name: "loadtest"}, 1, 1, "voting_open", func(w *domain.Workshop) error {
		w.VotingOpen = true
		return nil
	}); err != nil {
		return err
	}

	var accepted, refused atomic.Int64
	interval := time.Second / time.Duration(rate)
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	start := time.Now()
	for tick := time.NewTicker(interval); time.Now().Before(deadline); <-tick.C {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := phones[rand.IntN(len(phones))]
			card := cards[rand.IntN(len(cards))]
			total, ok := p.dot(srv.URL, code, card)
			if !ok {
				refused.Add(1)
				return
			}
			accepted.Add(1)
			seen.accepted(card, total, time.Now())
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	time.Sleep(2 * time.Second) // let the last events arrive

	p50, p99, complete := seen.latencies()

	// Saturation, after the latency run so its tallies cannot mix into the
	// ledger: as many dot requests as the server takes, placing and taking
	// back in turn so that no budget runs out.
	satRate := saturate(srv.URL, code, phones, cards, 3*time.Second)
	// The baseline again, right after: this machine's speed drifts, and
	// the ratio should compare like with like.
	ginAfter := bareGin(2 * time.Second)
	fmt.Printf("baseline bare gin handler again: %.0f req/s\n", ginAfter)
	ginRate = (ginRate + ginAfter) / 2
	fmt.Printf("dots at the offered rate: %d accepted (%.0f/s), %d refused (budget spent)\n",
		accepted.Load(), float64(accepted.Load())/elapsed.Seconds(), refused.Load())
	fmt.Printf("dot accepted → seen by all %d SSE clients: p50 %s p99 %s (%d of %d dots seen by everyone)\n",
		participants, p50, p99, complete, accepted.Load())
	fmt.Printf("dot-vote requests at saturation (%d clients connected): %.0f req/s = %.2f of bare gin (mean of both baseline runs)\n", participants, satRate, satRate/ginRate)
	return nil
}

func saturate(base, code string, phones []*phone, cards []int64, d time.Duration) float64 {
	var n atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := phones[w%len(phones)]
			card := cards[w%len(cards)]
			for i := 0; time.Now().Before(deadline); i++ {
				delta := "1"
				if i%2 == 1 {
					delta = "-1"
				}
				res, err := p.post(base+"/w/"+code+"/punkte", url.Values{"card": {strconv.FormatInt(card, 10)}, "delta": {delta}})
				if err != nil {
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode == http.StatusOK {
					n.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return float64(n.Load()) / d.Seconds()
}

func cleanup(lv *redisconn.Conn, prefix string) {
	ctx := context.Background()
	iter := lv.Client.Scan(ctx, 0, "*"+prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		lv.Client.Del(ctx, iter.Val())
	}
	lv.Close()
}

// bareGin measures a gin handler that reads a small form and answers JSON,
// over real HTTP, as the baseline of the dot endpoint.
func bareGin(d time.Duration) float64 {
	srv := httptest.NewServer(bareGinEngine())
	defer srv.Close()
	return bareGinAgainst(srv.URL+"/punkte", d)
}

// bareGinEngine is the baseline: a gin handler that reads a small form and
// answers JSON, as the dot endpoint does.
func bareGinEngine() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	engine.POST("/punkte", func(c *gin.Context) {
		_ = c.Request.ParseForm()
		c.JSON(http.StatusOK, gin.H{"remaining": 1, "on_card": 1, "total": 1})
	})
	return engine
}

// bareGinAgainst posts small forms to target from the workers for d.
func bareGinAgainst(target string, d time.Duration) float64 {
	var n atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
			for time.Now().Before(deadline) {
				res, err := client.PostForm(target, url.Values{"card": {"1"}, "delta": {"1"}})
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					n.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return float64(n.Load()) / d.Seconds()
}

// redisRoundTrip measures XADD until a blocking XREAD returns the entry.
func redisRoundTrip(ctx context.Context, lv *redisconn.Conn, n int) (time.Duration, time.Duration) {
	key := lv.Key("{bench}:events")
	var samples []time.Duration
	last := "$"
	for i := 0; i < n; i++ {
		got := make(chan string)
		go func(from string) {
			res, err := lv.Client.XRead(ctx, &redis.XReadArgs{Streams: []string{key, from}, Block: time.Second, Count: 1}).Result()
			if err != nil || len(res) == 0 || len(res[0].Messages) == 0 {
				got <- ""
				return
			}
			got <- res[0].Messages[0].ID
		}(last)
		time.Sleep(200 * time.Microsecond)
		start := time.Now()
		id, _ := lv.Client.XAdd(ctx, &redis.XAddArgs{Stream: key, Values: []any{"n", i}}).Result()
		if <-got == id {
			samples = append(samples, time.Since(start))
		}
		last = id
	}
	return percentiles(samples)
}

func openWorkshop(ctx context.Context, st *store.Store) (string, error) {
	actor := store.Actor{Name: "loadtest"}
	id, err := st.CreateWorkshop(ctx, actor, 1, domain.Workshop{ProcessID: 1, Kind: "zukunft", Title: "Last", DotBudget: 20,
		MaxDotsPerCard: 20, TalliesVisible: true}, []domain.Phase{{Title: "Kritikphase", CardKind: "kritik"}}, []domain.Group{{Title: "Alle"}})
	if err != nil {
		return "", err
	}
	w, err := st.UpdateWorkshop(ctx, actor, 1, id, "open", func(w *domain.Workshop) error {
		code := domain.NewJoinCode()
		w.JoinCode, w.State = &code, domain.WorkshopLive
		return nil
	})
	return w.Code(), err
}

type phone struct {
	client *http.Client
}

func joinAll(base, code string, n int) ([]*phone, error) {
	phones := make([]*phone, n)
	for i := range phones {
		jar, _ := cookiejar.New(nil)
		p := &phone{client: &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 2},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
		res, err := p.client.Get(base + "/w/" + code)
		if err != nil {
			return nil, err
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		_, rest, _ := strings.Cut(string(body), `name="group" value="`)
		group, _, _ := strings.Cut(rest, `"`)
		res, err = p.client.PostForm(base+"/w/"+code+"/beitreten", url.Values{"group": {group}})
		if err != nil {
			return nil, err
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			return nil, fmt.Errorf("join: status %d", res.StatusCode)
		}
		phones[i] = p
	}
	return phones, nil
}

// post sends a form as workshop.js does (answers in JSON).
func (p *phone) post(target string, form url.Values) (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	return p.client.Do(req)
}

// writeCards lets the first n phones write one card each and returns the
// cards' ids.
func writeCards(base, code string, phones []*phone, n int, label string) ([]int64, error) {
	var cards []int64
	for i, p := range phones[:min(n, len(phones))] {
		id, err := p.card(base, code, fmt.Sprintf("%s %d", label, i))
		if err != nil {
			return nil, err
		}
		cards = append(cards, id)
	}
	return cards, nil
}

func (p *phone) card(base, code, text string) (int64, error) {
	key := strconv.FormatInt(rand.Int64(), 16) + strconv.FormatInt(rand.Int64(), 16)
	res, err := p.post(base+"/w/"+code+"/karten", url.Values{"text": {text}, "key": {key}})
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	var card struct{ ID int64 }
	if err := json.NewDecoder(res.Body).Decode(&card); err != nil || card.ID == 0 {
		return 0, fmt.Errorf("card: status %d", res.StatusCode)
	}
	return card.ID, nil
}

func (p *phone) dot(base, code string, card int64) (int, bool) {
	res, err := p.post(base+"/w/"+code+"/punkte", url.Values{"card": {strconv.FormatInt(card, 10)}, "delta": {"1"}})
	if err != nil {
		return 0, false
	}
	defer res.Body.Close()
	var out struct{ Total int }
	if res.StatusCode != http.StatusOK || json.NewDecoder(res.Body).Decode(&out) != nil {
		io.Copy(io.Discard, res.Body)
		return 0, false
	}
	return out.Total, true
}

func (p *phone) listen(ctx context.Context, base, code string, client int, l *ledger, connected *sync.WaitGroup) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/w/"+code+"/ereignisse", nil)
	stream := &http.Client{Jar: p.client.Jar}
	res, err := stream.Do(req)
	if err != nil {
		connected.Done()
		return
	}
	defer res.Body.Close()
	connected.Done()
	scanner := bufio.NewScanner(res.Body)
	typ := ""
	for scanner.Scan() {
		line := scanner.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			typ = line[7:]
		case strings.HasPrefix(line, "data: ") && typ == "tally":
			var d struct{ Cards map[string]int64 }
			if json.Unmarshal([]byte(line[6:]), &d) == nil {
				now := time.Now()
				for card, total := range d.Cards {
					id, _ := strconv.ParseInt(card, 10, 64)
					l.seen(client, id, int(total), now)
				}
			}
		}
	}
}

// ledger pairs each accepted dot (card, total) with the moments every
// client saw its effect: a tally showing that total or a higher one
// (coalescing may skip intermediate totals).
type ledger struct {
	mu        sync.Mutex
	clients   int
	accepts   map[[2]int64]time.Time
	seenCount map[[2]int64]int
	lastSeen  map[[2]int64]time.Time
	maxSeen   []map[int64]int // per client: highest total seen per card
}

func newLedger(clients int) *ledger {
	l := &ledger{clients: clients, accepts: map[[2]int64]time.Time{}, seenCount: map[[2]int64]int{},
		lastSeen: map[[2]int64]time.Time{}, maxSeen: make([]map[int64]int, clients)}
	for i := range l.maxSeen {
		l.maxSeen[i] = map[int64]int{}
	}
	return l
}

func (l *ledger) accepted(card int64, total int, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.accepts[[2]int64{card, int64(total)}] = at
}

func (l *ledger) seen(client int, card int64, total int, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for t := l.maxSeen[client][card] + 1; t <= total; t++ {
		k := [2]int64{card, int64(t)}
		l.seenCount[k]++
		if at.After(l.lastSeen[k]) {
			l.lastSeen[k] = at
		}
	}
	l.maxSeen[client][card] = max(l.maxSeen[client][card], total)
}

func (l *ledger) latencies() (time.Duration, time.Duration, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var samples []time.Duration
	for k, acceptedAt := range l.accepts {
		if l.seenCount[k] >= l.clients {
			// The OK may reach the phone after the event did; count from
			// whichever came first.
			samples = append(samples, max(l.lastSeen[k].Sub(acceptedAt), 0))
		}
	}
	p50, p99 := percentiles(samples)
	return p50, p99, len(samples)
}

func percentiles(samples []time.Duration) (time.Duration, time.Duration) {
	if len(samples) == 0 {
		return 0, 0
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	return samples[len(samples)/2], samples[min(len(samples)-1, len(samples)*99/100)]
}
