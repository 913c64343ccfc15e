package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"zukunftswerk"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/store"
)

// memoryTest runs the server binary on its own and measures how much its
// resident memory grows per idle SSE connection: the phones run in this
// process, so only the server's share is counted.
func memoryTest(n int) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "zw-mem-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "zukunftswerk")
	if out, err := exec.Command("go", "build", "-o", bin, "zukunftswerk/server").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "mem.db")
	st, err := store.Open(ctx, dbPath, zukunftswerk.Migrations())
	if err != nil {
		return err
	}
	if err := demo.Load(ctx, st); err != nil {
		return err
	}
	code, err := openWorkshop(ctx, st, n)
	if err != nil {
		return err
	}
	st.Close()
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "LISTEN_ADDR="+addr, "DATABASE_URL="+dbPath, "REDIS_URL="+redisURL,
		"REDIS_PREFIX="+fmt.Sprintf("zwmem:%d:", time.Now().UnixNano()), "BASE_URL=http://"+addr)
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() }()
	base := "http://" + addr
	for i := 0; i < 600; i++ {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	phones, err := joinAll(base, code, n)
	if err != nil {
		return err
	}
	time.Sleep(time.Second)
	before, err := rssKB(cmd.Process.Pid)
	if err != nil {
		return err
	}
	streamCtx, stop := context.WithCancel(ctx)
	defer stop()
	var connected sync.WaitGroup
	for i, p := range phones {
		connected.Add(1)
		go p.listen(streamCtx, base, code, i, newLedger(1), &connected)
	}
	connected.Wait()
	time.Sleep(2 * time.Second)
	after, err := rssKB(cmd.Process.Pid)
	if err != nil {
		return err
	}
	fmt.Printf("server memory per idle SSE connection (%d connections, resident set of the server process): %.1f KB\n",
		n, float64(after-before)/float64(n))
	return nil
}

func rssKB(pid int) (int, error) {
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			return strconv.Atoi(strings.Fields(line)[1])
		}
	}
	return 0, fmt.Errorf("no VmRSS for %d", pid)
}
