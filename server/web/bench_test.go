package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/demo"
	"zukunftswerk/server/testutil"
)

// The benchmarks run over real HTTP on loopback, each with its own client
// goroutines (RunParallel), and report requests per second. BareGin is the
// baseline every figure in the README is divided by:
//
//	go test -run '^$' -bench . -benchtime 3s ./server/web/
//
// With TEST_POSTGRES_URL set, idea submission runs on PostgreSQL as well.

func BenchmarkBareGin(b *testing.B) {
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	engine.POST("/ideas", func(c *gin.Context) {
		body, _ := io.ReadAll(c.Request.Body)
		c.JSON(http.StatusCreated, gin.H{"received": len(body)})
	})
	srv := httptest.NewServer(engine)
	defer srv.Close()
	runParallel(b, func(client *http.Client, n int64) int {
		res, err := client.Post(srv.URL+"/ideas", "application/json", strings.NewReader(ideaJSONBody(n)))
		if err != nil {
			b.Error(err)
			return 0
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}, http.StatusCreated)
}

// BenchmarkIdeaSubmit stores a new idea per request: validation, rate
// limit in Redis, a durable transaction with the search index — on SQLite,
// and on PostgreSQL side by side when TEST_POSTGRES_URL is set.
func BenchmarkIdeaSubmit(b *testing.B) {
	engines := map[string]func(testing.TB) string{"sqlite": func(tb testing.TB) string {
		return filepath.Join(tb.TempDir(), "bench.db")
	}}
	if os.Getenv("TEST_POSTGRES_URL") != "" {
		engines["postgres"] = testutil.PostgresURL
	}
	for _, engine := range []string{"sqlite", "postgres"} {
		databaseURL, ok := engines[engine]
		if !ok {
			continue
		}
		b.Run(engine, func(b *testing.B) {
			srv := testutil.NewServer(b, testutil.Options{Demo: true, Store: testutil.StoreAt(b, databaseURL(b)),
				Env: map[string]string{"IDEA_RATE_PER_HOUR": "100000", "CLIENT_RATE_PER_HOUR": "10000000", "CARD_RATE_PER_MINUTE": "1000000"}})
			runParallel(b, func(client *http.Client, n int64) int {
				req, _ := http.NewRequest(http.MethodPost, srv.URL+apiProcess+"/ideas", strings.NewReader(ideaJSONBody(n)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Cookie", fmt.Sprintf("zw_device=%032x", n%500)) // 500 devices share the load
				res, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return 0
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				return res.StatusCode
			}, http.StatusCreated)
		})
	}
}

// BenchmarkSupport adds and withdraws supports in turn, so every request
// really writes.
func BenchmarkSupport(b *testing.B) {
	srv := testutil.NewServer(b, testutil.Options{Demo: true, Env: map[string]string{"CLIENT_RATE_PER_HOUR": "10000000"}})
	var devices atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
		worker := devices.Add(1) * 1_000_000
		for i := 0; pb.Next(); i++ {
			// A new device every 26 requests keeps each under the rate limit.
			device := fmt.Sprintf("zw_device=%032x", worker+int64(i/26))
			method := http.MethodPut
			if (i/13)%2 == 1 {
				method = http.MethodDelete
			}
			req, _ := http.NewRequest(method, fmt.Sprintf("%s%s/ideas/%d/support", srv.URL, apiProcess, i%8+1), nil)
			req.Header.Set("Cookie", device)
			res, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				b.Errorf("support: %d", res.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkIdeaListPage renders the HTML idea list of the demo process.
func BenchmarkIdeaListPage(b *testing.B) {
	benchmarkPage(b, processPath+"/ideen")
}

// BenchmarkConceptPage renders the demo's adopted Handlungskonzept: five
// fields, eight measures with their source ideas.
func BenchmarkConceptPage(b *testing.B) {
	benchmarkPage(b, processPath+"/handlungskonzept")
}

// BenchmarkConceptPDF lays the same concept out twice (contents with page
// numbers) and writes the PDF.
func BenchmarkConceptPDF(b *testing.B) {
	benchmarkPage(b, processPath+"/handlungskonzept.pdf")
}

// BenchmarkIdeaPageWithTrail is the Backhaus idea with its trail to the
// adopted measure.
func BenchmarkIdeaPageWithTrail(b *testing.B) {
	benchmarkPage(b, processPath+"/ideen/6")
}

// BenchmarkDashboard computes every measure's state and the three charts.
func BenchmarkDashboard(b *testing.B) {
	benchmarkPage(b, processPath+"/umsetzung")
}

// BenchmarkAtomFeed and BenchmarkICalFeed are what feed readers and
// calendars poll.
func BenchmarkAtomFeed(b *testing.B) {
	benchmarkPage(b, processPath+"/umsetzung.atom")
}

func BenchmarkICalFeed(b *testing.B) {
	benchmarkPage(b, processPath+"/termine.ics")
}

func benchmarkPage(b *testing.B, path string) {
	srv := testutil.NewServer(b, testutil.Options{Demo: true})
	getParallel(b, srv.URL+path)
}

var requestCounter atomic.Int64

func runParallel(b *testing.B, do func(*http.Client, int64) int, want int) {
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
		for pb.Next() {
			if status := do(client, requestCounter.Add(1)); status != want {
				b.Errorf("status %d, want %d", status, want)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

func ideaJSONBody(n int64) string {
	return fmt.Sprintf(`{"action_field_id":%d,"title":"Idee Nummer %d für die Ortsmitte","body":"Eine Beschreibung mit Umlauten: Bäckerei, Straße, Übergang.","privacy_accepted":true}`, n%5+1, n)
}

// BenchmarkPagesWhileWriting is the idea list and the concept page while
// 50 supports a second are written (a busy evening, or the dots of a live
// workshop): every write raises the data version, so the first request
// after it makes the page again (web/kept.go) — the concept page without
// its layout, by its content tag — and the ones after find it kept.
func BenchmarkPagesWhileWriting(b *testing.B) {
	for _, page := range []struct{ name, path string }{{"idea-list", "/ideen"}, {"concept", "/handlungskonzept"}} {
		b.Run(page.name, func(b *testing.B) {
			srv := testutil.NewServer(b, testutil.Options{Demo: true})
			ctx := context.Background()
			m, err := srv.Store.MunicipalityBySlug(ctx, "ingersheim")
			if err != nil {
				b.Fatal(err)
			}
			p, err := srv.Store.ProcessBySlug(ctx, m.ID, demo.ProcessSlug)
			if err != nil {
				b.Fatal(err)
			}
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				defer close(done)
				tick := time.NewTicker(20 * time.Millisecond)
				defer tick.Stop()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					case <-tick.C:
						if _, err := srv.Store.SetSupport(ctx, p.ID, 1, fmt.Sprintf("writer-%d", i%7), i%2 == 0); err != nil {
							b.Error(err)
							return
						}
					}
				}
			}()
			getParallel(b, srv.URL+processPath+page.path)
			close(stop)
			<-done
		})
	}
}
