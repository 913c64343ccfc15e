package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// BenchmarkCostCurve shows how the cost of the citizens' pages grows with
// the number of ideas (100, 1,000, 10,000) and the cost of a dot and of the
// wall with the number of cards (10, 200, 2,000), so that no
// town meets a cliff in production. Each size is built once on one server
// and grown to the next:
//
//	go test -run '^$' -bench 'CostCurve|BareGin' -benchtime 2s ./server/web/
func BenchmarkCostCurve(b *testing.B) {
	ctx := context.Background()
	srv := testutil.NewServer(b, testutil.Options{Demo: true})
	ideas := 8 // the demo's online ideas
	for _, size := range []int{100, 1000, 10000} {
		for ; ideas < size; ideas++ {
			draft := domain.IdeaDraft{ActionFieldID: int64(ideas%5 + 1), Title: fmt.Sprintf("Idee %d für die Ortsmitte", ideas),
				Body: "Mehr Bänke und Schatten an der Bushaltestelle, damit Ältere dort warten können.", PrivacyAccepted: true}.Normalize()
			if _, _, err := srv.Store.CreateIdea(ctx, 1, draft, "bench", "bench-idea-"+strconv.Itoa(ideas)); err != nil {
				b.Fatal(err)
			}
		}
		for name, path := range map[string]string{"idea-list": processPath + "/ideen", "idea-page": processPath + "/ideen/6",
			"concept-page": processPath + "/handlungskonzept"} {
			b.Run(fmt.Sprintf("ideas=%d/%s", size, name), func(b *testing.B) { getParallel(b, srv.URL+path) })
		}
		// The same pages at a new address each time: never kept
		// (web/kept.go), made from the database on every request — the
		// cost of the first request after a write.
		for name, path := range map[string]string{"idea-list-made": processPath + "/ideen", "concept-page-made": processPath + "/handlungskonzept"} {
			b.Run(fmt.Sprintf("ideas=%d/%s", size, name), func(b *testing.B) { getParallelMade(b, srv.URL+path) })
		}
	}

	code, workshop, err := openBenchWorkshop(ctx, srv)
	if err != nil {
		b.Fatal(err)
	}
	groups, err := srv.Store.Groups(ctx, workshop)
	if err != nil {
		b.Fatal(err)
	}
	writer, err := srv.Store.Join(ctx, workshop, groups[0].ID, "bench-writer", "")
	if err != nil {
		b.Fatal(err)
	}
	phone, err := joinBenchPhone(srv.URL, code)
	if err != nil {
		b.Fatal(err)
	}
	cards, first := 0, int64(0)
	for _, size := range []int{10, 200, 2000} {
		for ; cards < size; cards++ {
			card, _, err := srv.Store.CreateCard(ctx, writer, fmt.Sprintf("Karte %d: mehr Schatten am Spielplatz", cards), "bench-card-"+strconv.Itoa(cards))
			if err != nil {
				b.Fatal(err)
			}
			if first == 0 {
				first = card.ID
			}
		}
		b.Run(fmt.Sprintf("cards=%d/dot", size), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				delta := "1"
				if i%2 == 1 {
					delta = "-1"
				}
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/w/"+code+"/punkte",
					strings.NewReader(url.Values{"card": {strconv.FormatInt(first, 10)}, "delta": {delta}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Accept", "application/json")
				res, err := phone.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Fatalf("dot: %d %s", res.StatusCode, body)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
		b.Run(fmt.Sprintf("cards=%d/wall", size), func(b *testing.B) { getParallel(b, srv.URL+"/w/"+code+"/wand") })
	}
}

// openBenchWorkshop opens a live workshop with voting open and budgets no
// benchmark spends, and returns its join code and id.
func openBenchWorkshop(ctx context.Context, srv *testutil.Server) (string, int64, error) {
	actor := store.Actor{Name: "bench"}
	id, err := srv.Store.CreateWorkshop(ctx, actor, 1, domain.Workshop{ProcessID: 1, Kind: "zukunft", Title: "Kostenkurve",
		DotBudget: 1000000, MaxDotsPerCard: 1000000, TalliesVisible: true},
		[]domain.Phase{{Title: "Kritikphase", CardKind: "kritik"}}, []domain.Group{{Title: "Alle"}})
	if err != nil {
		return "", 0, err
	}
	w, err := srv.Store.UpdateWorkshop(ctx, actor, 1, id, "open", func(w *domain.Workshop) error {
		code := domain.NewJoinCode()
		w.JoinCode, w.State, w.VotingOpen = &code, domain.WorkshopLive, true
		return nil
	})
	return w.Code(), id, err
}

// joinBenchPhone joins the workshop's first group as a phone does.
func joinBenchPhone(base, code string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(base + "/w/" + code)
	if err != nil {
		return nil, err
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	_, rest, _ := strings.Cut(string(page), `name="group" value="`)
	group, _, _ := strings.Cut(rest, `"`)
	res, err = client.PostForm(base+"/w/"+code+"/beitreten", url.Values{"group": {group}})
	if err != nil {
		return nil, err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("join: %d", res.StatusCode)
	}
	return client, nil
}

// getParallel measures GET requests of one page from parallel clients.
func getParallel(b *testing.B, target string) {
	getEach(b, func(int64) string { return target })
}

// getParallelMade is getParallel with a query parameter the page ignores,
// new on every request, so that no request finds the page kept.
func getParallelMade(b *testing.B, target string) {
	getEach(b, func(n int64) string { return target + "?bench=" + strconv.FormatInt(n, 10) })
}

// getEach measures GET requests from parallel clients, the nth to url(n).
func getEach(b *testing.B, url func(n int64) string) {
	runParallel(b, func(client *http.Client, n int64) int {
		res, err := client.Get(url(n))
		if err != nil {
			b.Error(err)
			return 0
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}, http.StatusOK)
}
