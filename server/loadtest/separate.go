package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// serveBareGin is the child process of the separate-process baseline: the
// same bare handler as bareGin, on its own.
func serveBareGin(addr string) error {
	return http.ListenAndServe(addr, bareGinEngine())
}

// separateTest measures dot-vote saturation with the server in its own
// process, against a bare gin handler also in its own process, so that the
// simulated phones' work does not count against either.
func separateTest(phoneCount int) error {
	ctx := context.Background()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	ginAddr, err := freeAddr()
	if err != nil {
		return err
	}
	bare := exec.Command(self, "-serve-bare-gin", ginAddr)
	if err := bare.Start(); err != nil {
		return err
	}
	defer func() { _ = bare.Process.Signal(syscall.SIGTERM); _ = bare.Wait() }()
	if err := waitUp("http://"+ginAddr+"/punkte", true); err != nil {
		return err
	}
	ginBefore := bareGinAgainst("http://"+ginAddr+"/punkte", 3*time.Second)

	server, code, phones, cards, err := startLoaded(ctx, "sep", phoneCount, 20, "Karte")
	if err != nil {
		return err
	}
	defer server.close()
	base := server.base()
	dots := saturate(base, code, phones, cards, 3*time.Second)
	ginAfter := bareGinAgainst("http://"+ginAddr+"/punkte", 3*time.Second)
	mean := (ginBefore + ginAfter) / 2
	fmt.Printf("separate processes, %d workers: bare gin %.0f / %.0f req/s, dot votes %.0f req/s = %.2f of bare gin\n",
		workers, ginBefore, ginAfter, dots, dots/mean)
	return nil
}
