package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// The comparison runs one load — n subscribers on one workshop's stream,
// one publisher posting cards at a fixed rate — against the server binary
// and against Centrifugo (its Redis engine on the same Redis, the uni_sse
// transport), alternately, with the same client code, and prints both.
// Both servers run in their own processes; the subscribers and the
// publisher run here.

// centrifugoVersion is the release the comparison is measured against.
const centrifugoVersion = "v6.9.1"

// target is one server under the same load: how to subscribe, how to
// publish message seq, and where to find the sequence number in a line of
// the stream.
type target struct {
	name      string
	pid       func() int
	streamURL string
	publish   func(client *http.Client, seq int) error
	marker    []byte // the bytes right before the sequence number
}

// compareResult is what one run measured.
type compareResult struct {
	p50, p99     time.Duration
	delivered    float64 // share of (message, subscriber) pairs that arrived
	posted       int     // publishes answered OK
	postRate     float64 // of those, per second of the run
	memPerConnKB float64 // resident set growth per idle subscriber
}

// names are the compared servers, in the order they run.
var names = []string{"Zukunftswerk", "Centrifugo " + centrifugoVersion}

// startCompared starts both servers; stop ends them.
func startCompared(ctx context.Context, centrifugo string) ([]target, func(), error) {
	ours, code, err := newServerProcess(ctx, "cmp", false)
	if err != nil {
		return nil, nil, err
	}
	if err := ours.start(); err != nil {
		ours.close()
		return nil, nil, err
	}
	publisher, err := joinAll(ours.base(), code, 1)
	if err != nil {
		ours.close()
		return nil, nil, err
	}
	publisher[0].client.Transport = &http.Transport{MaxIdleConnsPerHost: 64}
	cf, err := startCentrifugo(centrifugo)
	if err != nil {
		ours.close()
		return nil, nil, err
	}

	targets := []target{
		{name: names[0], pid: func() int { return ours.cmd.Process.Pid }, streamURL: ours.base() + "/w/" + code + "/ereignisse",
			marker: []byte("Last#"), publish: func(_ *http.Client, seq int) error {
				_, err := publisher[0].card(ours.base(), code, "Last#"+strconv.Itoa(seq)+"#")
				return err
			}},
		{name: names[1], pid: func() int { return cf.cmd.Process.Pid }, streamURL: cf.streamURL(),
			marker: []byte(`"seq":`), publish: cf.publish},
	}
	return targets, func() { ours.close(); cf.close() }, nil
}

func compareTest(subscribers, rate int, duration time.Duration, rounds int) error {
	ctx := context.Background()
	raiseFileLimit()
	centrifugo, err := centrifugoBinary()
	if err != nil {
		return err
	}
	fmt.Printf("subscribers=%d rate=%d/s duration=%s rounds=%d (alternating, fresh processes each round; Centrifugo: Redis engine, uni_sse, history on)\n",
		subscribers, rate, duration, rounds)
	results := map[string][]compareResult{}
	for round := 0; round < rounds; round++ {
		// Fresh processes every round: a process's resident set does not
		// shrink back, and memory per connection must start from idle.
		targets, stop, err := startCompared(ctx, centrifugo)
		if err != nil {
			return err
		}
		if round%2 == 1 {
			targets[0], targets[1] = targets[1], targets[0] // who goes first alternates too
		}
		for _, t := range targets {
			r, err := measureFanOut(t, subscribers, rate, duration)
			if err != nil {
				stop()
				return fmt.Errorf("%s: %w", t.name, err)
			}
			fmt.Printf("round %d %-18s p50 %7s p99 %7s delivered %6.2f%% posts %5.1f/s memory per idle connection %.1f KB\n",
				round+1, t.name, r.p50.Round(time.Millisecond), r.p99.Round(time.Millisecond), 100*r.delivered, r.postRate, r.memPerConnKB)
			results[t.name] = append(results[t.name], r)
		}
		stop()
	}
	a, b := results[names[0]], results[names[1]]
	for i := range a {
		fmt.Printf("round %d ratio Zukunftswerk/Centrifugo: p99 %.2f, memory per connection %.2f\n",
			i+1, float64(a[i].p99)/float64(max(b[i].p99, time.Millisecond)), a[i].memPerConnKB/max(b[i].memPerConnKB, 0.1))
	}
	return nil
}

// measureFanOut connects the subscribers, measures memory while they are
// idle, then publishes at the rate for the duration and waits (at most ten
// seconds) for the last messages to arrive.
func measureFanOut(t target, n, rate int, duration time.Duration) (compareResult, error) {
	var r compareResult
	total := rate * int(duration/time.Second)
	sentAt := make([]atomic.Int64, total+1)
	var received atomic.Int64
	hist := newHistogram()

	before, err := rssKB(t.pid())
	if err != nil {
		return r, err
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	transport := &http.Transport{MaxIdleConnsPerHost: -1, DialContext: (&net.Dialer{}).DialContext}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport}
	var connected, finished sync.WaitGroup
	var failed atomic.Int64
	gate := make(chan struct{}, 100) // connect at most 100 at a time
	for i := 0; i < n; i++ {
		connected.Add(1)
		finished.Add(1)
		gate <- struct{}{}
		go func() {
			defer finished.Done()
			subscribe(ctx, client, t, sentAt, hist, &received, func(ok bool) {
				if !ok {
					failed.Add(1)
				}
				<-gate
				connected.Done()
			})
		}()
	}
	connected.Wait()
	if failed.Load() > 0 {
		return r, fmt.Errorf("%d of %d subscribers could not connect", failed.Load(), n)
	}
	time.Sleep(2 * time.Second)
	after, err := rssKB(t.pid())
	if err != nil {
		return r, err
	}
	r.memPerConnKB = float64(after-before) / float64(n)

	publishClient := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var posted atomic.Int64
	var posts sync.WaitGroup
	start := time.Now()
	interval := time.Second / time.Duration(rate)
	tick := time.NewTicker(interval)
	for seq := 1; seq <= total; seq++ {
		<-tick.C
		posts.Add(1)
		go func(seq int) {
			defer posts.Done()
			sentAt[seq].Store(time.Now().UnixNano())
			if t.publish(publishClient, seq) == nil {
				posted.Add(1)
			}
		}(seq)
	}
	tick.Stop()
	posts.Wait()
	elapsed := time.Since(start)
	want := posted.Load() * int64(n)
	for deadline := time.Now().Add(10 * time.Second); received.Load() < want && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	transport.CloseIdleConnections()
	finished.Wait()
	r.posted = int(posted.Load())
	r.postRate = float64(r.posted) / elapsed.Seconds()
	r.delivered = float64(received.Load()) / float64(max(int64(total)*int64(n), 1))
	r.p50, r.p99 = hist.quantile(0.50), hist.quantile(0.99)
	return r, nil
}

// subscribe reads one stream until ctx ends, recording for every message
// the time since it was published; ready reports once whether the stream
// opened.
func subscribe(ctx context.Context, client *http.Client, t target, sentAt []atomic.Int64, hist *histogram, received *atomic.Int64, ready func(bool)) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, t.streamURL, nil)
	req.Header.Set("Accept", "text/event-stream")
	res, err := client.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		if err == nil {
			res.Body.Close()
		}
		ready(false)
		return
	}
	defer res.Body.Close()
	reader := bufio.NewReaderSize(res.Body, 4096)
	// The first line proves the server registered the subscriber.
	if _, err := reader.ReadSlice('\n'); err != nil {
		ready(false)
		return
	}
	ready(true)
	for {
		line, err := reader.ReadSlice('\n')
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return
		}
		i := bytes.Index(line, t.marker)
		if i < 0 {
			continue
		}
		seq := 0
		for _, c := range line[i+len(t.marker):] {
			if c < '0' || c > '9' {
				break
			}
			seq = seq*10 + int(c-'0')
		}
		if seq <= 0 || seq >= len(sentAt) {
			continue
		}
		if at := sentAt[seq].Load(); at > 0 {
			hist.add(time.Duration(time.Now().UnixNano() - at))
			received.Add(1)
		}
	}
}

// histogram counts latencies in millisecond buckets up to a minute,
// without locks: millions of samples cost 480 KB.
type histogram struct{ buckets [60001]atomic.Int64 }

func newHistogram() *histogram { return &histogram{} }

func (h *histogram) add(d time.Duration) {
	h.buckets[min(max(int(d/time.Millisecond), 0), len(h.buckets)-1)].Add(1)
}

func (h *histogram) quantile(q float64) time.Duration {
	var total int64
	for i := range h.buckets {
		total += h.buckets[i].Load()
	}
	if total == 0 {
		return 0
	}
	want := int64(q * float64(total))
	var seen int64
	for i := range h.buckets {
		seen += h.buckets[i].Load()
		if seen > want {
			return time.Duration(i+1) * time.Millisecond
		}
	}
	return time.Minute
}

// centrifugoProcess is Centrifugo with a generated configuration in a temp
// folder: Redis engine under its own prefix, uni_sse, HMAC tokens, the
// HTTP API with a random key, and no usage statistics sent anywhere.
type centrifugoProcess struct {
	dir, addr, apiKey, token string
	cmd                      *exec.Cmd
}

func startCentrifugo(bin string) (*centrifugoProcess, error) {
	dir, err := os.MkdirTemp("", "zw-centrifugo-")
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	host, port, _ := net.SplitHostPort(addr)
	portNumber, _ := strconv.Atoi(port)
	secret := strconv.FormatUint(rand.Uint64(), 36)
	c := &centrifugoProcess{dir: dir, addr: addr, apiKey: strconv.FormatUint(rand.Uint64(), 36)}
	c.token = hs256(secret, map[string]any{"sub": "loadtest", "channels": []string{"workshop"}})
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	config := map[string]any{
		"http_server": map[string]any{"address": host, "port": portNumber},
		"log":         map[string]any{"level": "error"},
		"usage_stats": map[string]any{"disabled": true},
		"health":      map[string]any{"enabled": true},
		"client":      map[string]any{"token": map[string]any{"hmac_secret_key": secret}, "allowed_origins": []string{"*"}},
		"uni_sse":     map[string]any{"enabled": true},
		"http_api":    map[string]any{"key": c.apiKey},
		"engine": map[string]any{"type": "redis", "redis": map[string]any{
			"address": []string{redisURL}, "prefix": fmt.Sprintf("zwcf%d", time.Now().UnixNano())}},
		// A replay buffer in Redis, as the workshop stream keeps one.
		"channel": map[string]any{"without_namespace": map[string]any{"history_size": 1000, "history_ttl": "300s", "force_recovery": true}},
	}
	raw, _ := json.Marshal(config)
	configPath := filepath.Join(dir, "config.json")
	if err := os.WriteFile(configPath, raw, 0o600); err != nil {
		return nil, err
	}
	c.cmd = exec.Command(bin, "-c", configPath)
	c.cmd.Stderr = os.Stderr
	if err := c.cmd.Start(); err != nil {
		return nil, err
	}
	return c, waitUp("http://"+addr+"/health", false)
}

func (c *centrifugoProcess) streamURL() string {
	connect, _ := json.Marshal(map[string]string{"token": c.token})
	return "http://" + c.addr + "/connection/uni_sse?cf_connect=" + url.QueryEscape(string(connect))
}

func (c *centrifugoProcess) publish(client *http.Client, seq int) error {
	body := fmt.Sprintf(`{"channel":"workshop","data":{"seq":%d,"text":"Karte"}}`, seq)
	req, _ := http.NewRequest(http.MethodPost, "http://"+c.addr+"/api/publish", strings.NewReader(body))
	req.Header.Set("X-API-Key", c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !bytes.Contains(out, []byte(`"result"`)) {
		return fmt.Errorf("publish: status %d %s", res.StatusCode, out)
	}
	return nil
}

func (c *centrifugoProcess) close() {
	if c.cmd != nil && c.cmd.Process != nil {
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		_ = c.cmd.Wait()
	}
	os.RemoveAll(c.dir)
}

// hs256 signs a JWT the way Centrifugo's HMAC verification expects.
func hs256(secret string, claims map[string]any) string {
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	payload, _ := json.Marshal(claims)
	unsigned := header + "." + enc.EncodeToString(payload)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(unsigned))
	return unsigned + "." + enc.EncodeToString(mac.Sum(nil))
}

// centrifugoBinary finds Centrifugo on PATH or in GOPATH/bin, and installs
// the compared release through the Go module proxy when it is missing.
func centrifugoBinary() (string, error) {
	if p, err := exec.LookPath("centrifugo"); err == nil {
		return p, nil
	}
	gopath, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(strings.TrimSpace(string(gopath)), "bin", "centrifugo")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	fmt.Println("installing Centrifugo " + centrifugoVersion + " (go install, about two minutes)")
	install := exec.Command("go", "install", "github.com/centrifugal/centrifugo/v6@"+centrifugoVersion)
	install.Stdout, install.Stderr = os.Stdout, os.Stderr
	if err := install.Run(); err != nil {
		return "", fmt.Errorf("go install centrifugo: %w", err)
	}
	return bin, nil
}

// raiseFileLimit lifts the open-files limit to its hard maximum: ten
// thousand subscribers are ten thousand sockets on each side.
func raiseFileLimit() {
	var limit syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &limit) == nil && limit.Cur < limit.Max {
		limit.Cur = limit.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &limit)
	}
}
