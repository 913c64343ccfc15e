package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestBigWorkshopPagesWeigh: a workshop of 2,000 cards in two groups —
// the console, a phone, the wall and the documentation as they travel
// (gzip). Run with -v for the figures in the README.
func TestBigWorkshopPagesWeigh(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 cards")
	}
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, code := liveWorkshop(t, srv, mod, "3", "3")
	phone := newCitizen(t, srv)
	phone.joinGroup(code, 0)
	ctx := context.Background()
	workshop := newestWorkshop(t, srv)
	groups, err := srv.Store.Groups(ctx, workshop)
	if err != nil || len(groups) != 2 {
		t.Fatalf("groups: %v %v", groups, err)
	}
	var participants []domain.Participant
	for i := 0; i < 40; i++ {
		p, err := srv.Store.Join(ctx, workshop, groups[i%2].ID, fmt.Sprintf("device-%d", i), "")
		if err != nil {
			t.Fatal(err)
		}
		participants = append(participants, p)
	}
	// Cards as varied as a hall writes them: repeated text would
	// compress far better than real cards do.
	words := strings.Fields(`Bank Schatten Bushaltestelle Ältere Jugendliche Treffpunkt Spielplatz Radweg Gehweg
		Bäckerei Dorfladen Backhaus Kinderbetreuung Ganztag Schule Verein Ehrenamt Pflege Nachbarschaft Wohnen
		Bauplatz Mietwohnung Bürgerbus Fahrplan Bahnhof Parkplatz Marktplatz Brunnen Baum Blumen Licht
		abends sicher barrierefrei günstig näher öfter schneller gemeinsam jung alt Familien Senioren
		mehr weniger bessere neue alte kleine große Öffnungszeiten Sprechstunde Arzt Apotheke Café Feste`)
	rng := rand.New(rand.NewPCG(1, 2))
	var lastCard int64
	for i := 0; i < 2000; i++ {
		n := 8 + rng.IntN(10)
		picked := make([]string, n)
		for j := range picked {
			picked[j] = words[rng.IntN(len(words))]
		}
		text := strings.Join(picked, " ")
		card, _, err := srv.Store.CreateCard(ctx, participants[i%len(participants)], text, fmt.Sprintf("key-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		lastCard = card.ID
	}
	weigh := func(c *citizen, path string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := (&http.Client{Jar: c.client.Jar, Transport: &http.Transport{DisableCompression: true}}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		compressed, _ := io.ReadAll(res.Body)
		raw := len(compressed)
		if res.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(compressed))
			if err == nil {
				plain, _ := io.ReadAll(zr)
				raw = len(plain)
			}
		}
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		t.Logf("%-40s %8d B raw, %7d B gzip", path, raw, len(compressed))
		return len(compressed)
	}
	for _, page := range []struct {
		who  *citizen
		path string
	}{{mod, console}, {phone, "/w/" + code + "/gruppe"}, {phone, "/w/" + code + "/wand"}, {mod, console + "/doku"},
		{mod, fmt.Sprintf("%s?alle=%d", console, groups[0].ID)}} {
		if size := weigh(page.who, page.path); size > 300*1024 {
			t.Errorf("%s weighs %d KB compressed with 2,000 cards, over 300 KB", page.path, size/1024)
		}
	}
	// The console folds each group to its newest 100 cards (a laptop
	// parses what it gets: 2.5 KB of forms per card), and shows one
	// group in full on request.
	folded := mod.get(console)
	if n := strings.Count(folded.Body, `class="idea-card"`); n != 200 {
		t.Errorf("the folded console shows %d cards, want 2 groups × 100", n)
	}
	if !strings.Contains(folded.Body, fmt.Sprintf(`?alle=%d#group-%d`, groups[0].ID, groups[0].ID)) || !strings.Contains(folded.Body, "Alle 1000 Karten zeigen") {
		t.Error("the folded console offers no way to the group's other cards")
	}
	if !strings.Contains(folded.Body, fmt.Sprintf(`id="karte-%d"`, lastCard)) {
		t.Error("the folded console does not show the newest card")
	}
	full := mod.get(fmt.Sprintf("%s?alle=%d", console, groups[0].ID))
	if n := strings.Count(full.Body, `class="idea-card"`); n != 1100 {
		t.Errorf("the console with one group in full shows %d cards, want 1,000 + 100", n)
	}
}
