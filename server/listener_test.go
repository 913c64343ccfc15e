package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"zukunftswerk/server/testutil"
)

// startServer runs the real server (run) with env on free ports and stops
// it after the test.
func startServer(t *testing.T, extra map[string]string) (base string, env map[string]string) {
	t.Helper()
	lv := testutil.Redis(t)
	env = map[string]string{
		"LISTEN_ADDR": fmt.Sprintf("127.0.0.1:%d", testutil.FreePort(t)), "DATABASE_URL": testutil.DatabaseURL(t),
		"REDIS_URL": testutil.RedisURL(), "REDIS_PREFIX": lv.Prefix, "MIN_FILL_SECONDS": "0",
	}
	for k, v := range extra {
		env[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, testutil.Logger(t), nil, func(k string) string { return env[k] }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("server did not stop")
		}
	})
	base = "http://" + env["LISTEN_ADDR"]
	waitFor(t, base+"/healthz")
	return base, env
}

// Finding 6: headers are capped. A too-large header gets 431, and many
// connections sending huge unfinished headers do not grow the process.
func TestHugeHeadersAreRefusedWithoutMemory(t *testing.T) {
	base, env := startServer(t, nil)
	for size, want := range map[int]int{12 << 10: http.StatusOK, 17 << 10: http.StatusRequestHeaderFieldsTooLarge, 64 << 10: http.StatusRequestHeaderFieldsTooLarge} {
		req, _ := http.NewRequest(http.MethodGet, base+"/healthz", nil)
		req.Header.Set("X-Padding", strings.Repeat("a", size))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("%d KB header: %d, want %d", size>>10, res.StatusCode, want)
		}
	}

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	// 200 connections each start a 1 MB header and never finish it; with
	// the default limit (1 MB) each would hold its megabyte.
	const conns = 200
	var wg sync.WaitGroup
	var mu sync.Mutex
	var open []net.Conn
	refused := 0
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := net.Dial("tcp", env["LISTEN_ADDR"])
			if err != nil {
				return
			}
			mu.Lock()
			open = append(open, conn)
			mu.Unlock()
			fmt.Fprintf(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ")
			chunk := []byte(strings.Repeat("b", 32<<10))
			for sent := 0; sent < 1<<20; sent += len(chunk) {
				if _, err := conn.Write(chunk); err != nil {
					break // the server refused and closed
				}
			}
			_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			line, _ := bufio.NewReader(conn).ReadString('\n')
			if strings.Contains(line, "431") {
				mu.Lock()
				refused++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	runtime.GC()
	var during runtime.MemStats
	runtime.ReadMemStats(&during)
	for _, c := range open {
		c.Close()
	}
	grown := int64(during.HeapInuse) - int64(before.HeapInuse)
	t.Logf("%d connections, %d answered 431, heap grew by %d KB", conns, refused, grown>>10)
	if refused < conns/2 {
		t.Errorf("only %d of %d huge headers answered 431", refused, conns)
	}
	if grown > 40<<20 {
		t.Errorf("heap grew by %d MB for %d unfinished headers", grown>>20, conns)
	}
}

// Finding 5: /metrics is not on the public listener; METRICS_ADDR serves
// it (and nothing else), with labels from a closed set.
func TestMetricsOnlyOnTheirOwnListener(t *testing.T) {
	metricsAddr := fmt.Sprintf("127.0.0.1:%d", testutil.FreePort(t))
	base, _ := startServer(t, map[string]string{"METRICS_ADDR": metricsAddr})
	get := func(url string) (int, string) {
		t.Helper()
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	if status, _ := get(base + "/metrics"); status != http.StatusNotFound {
		t.Errorf("/metrics on the public listener: %d, want 404", status)
	}
	for i := range 300 {
		req, _ := http.NewRequest(fmt.Sprintf("M%dX", i), base+"/healthz", nil)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}
	status, metrics := get("http://" + metricsAddr + "/metrics")
	if status != http.StatusOK || !strings.Contains(metrics, "zukunftswerk_http_requests_total") {
		t.Fatalf("/metrics on METRICS_ADDR: %d", status)
	}
	if strings.Contains(metrics, `method="M1X"`) || !strings.Contains(metrics, `method="other"`) {
		t.Error("made-up methods became label values")
	}
	if n := strings.Count(metrics, "\nzukunftswerk_http_requests_total{"); n > 10 {
		t.Errorf("%d request series after 300 made-up methods", n)
	}
	if status, _ := get("http://" + metricsAddr + "/healthz"); status != http.StatusNotFound {
		t.Errorf("the metrics listener serves other paths: %d", status)
	}
}
