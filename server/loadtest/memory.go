package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memoryTest runs the server binary on its own and measures how much its
// resident memory grows per idle SSE connection: the phones run in this
// process, so only the server's share is counted.
func memoryTest(n int) error {
	ctx := context.Background()
	server, code, err := newServerProcess(ctx, "mem", false)
	if err != nil {
		return err
	}
	defer server.close()
	if err := server.start(); err != nil {
		return err
	}
	base := server.base()
	phones, err := joinAll(base, code, n)
	if err != nil {
		return err
	}
	time.Sleep(time.Second)
	before, err := rssKB(server.cmd.Process.Pid)
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
	after, err := rssKB(server.cmd.Process.Pid)
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
