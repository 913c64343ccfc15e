package main

import (
	"context"
	"testing"
	"time"

	"zukunftswerk/server/testutil"
)

// TestNothingAcknowledgedIsLostOnSIGKILL builds the server, loads it with
// cards and dots, kills it with SIGKILL, restarts it and checks the ledger.
func TestNothingAcknowledgedIsLostOnSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server binary")
	}
	lv := testutil.Redis(t) // fails under CI=true without Redis
	if err := lv.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("REDIS_URL", testutil.RedisURL())
	if err := killTest(30, 2*time.Second); err != nil {
		t.Fatal(err)
	}
}
