package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zukunftswerk/server/testutil"
)

// TestCitizenFlowOnRedisCluster runs the Redis-backed parts of the citizen
// flow (rate limits) through a real three-master cluster.
func TestCitizenFlowOnRedisCluster(t *testing.T) {
	cluster := testutil.RedisAt(t, testutil.StartRedisCluster(t))
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Redis: cluster, Env: map[string]string{"IDEA_RATE_PER_HOUR": "2"}})
	c := newCitizen(t, srv)
	path := c.submit(c.validIdea("Im Cluster eingereicht"))
	c.submit(c.validIdea("Zweite Idee"))
	if res := c.post(processPath+"/ideen", c.validIdea("Dritte Idee")); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("third idea on the cluster: %d, want 429", res.StatusCode)
	}
	if res := c.post(path+"/unterstuetzung", url.Values{"support": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("support on the cluster: %d", res.StatusCode)
	}
	if got := strings.TrimSpace(c.get(path).doc(t).Find(".facts .support__count").Text()); got != "1" {
		t.Errorf("support count = %q", got)
	}
	if res := c.get("/readyz"); res.StatusCode != http.StatusOK {
		t.Errorf("readyz on the cluster: %d", res.StatusCode)
	}
}
