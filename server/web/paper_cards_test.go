package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestPaperCardsTypedInQuickly: a helper picks group and phase once and
// types card after card (a plain form, Enter saves); a resent form stores
// the card once, a card too long comes back with its text; at the close a
// paper card becomes a contribution whose origin says so, and the
// documentation marks it.
func TestPaperCardsTypedInQuickly(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, _ := liveWorkshop(t, srv, mod, "3", "3")
	groups, _ := srv.Store.Groups(context.Background(), newestWorkshop(t, srv))
	entry := console + "/papierkarten"
	choose := mod.get(entry)
	if choose.StatusCode != http.StatusOK || choose.doc(t).Find(`select[name=gruppe]`).Length() != 1 {
		t.Fatalf("the entry's choice: %d", choose.StatusCode)
	}
	page := mod.get(fmt.Sprintf("%s?gruppe=%d&phase=1", entry, groups[1].ID)).doc(t)
	if _, autofocus := page.Find(`#text`).Attr("autofocus"); !autofocus {
		t.Error("the card field does not take the keyboard at once")
	}
	key, _ := page.Find(`input[name=key]`).Attr("value")
	form := url.Values{"gruppe": {fmt.Sprint(groups[1].ID)}, "phase": {"1"}, "key": {key}, "text": {"Mehr Sitzbänke am Friedhof"}}
	for i := 0; i < 2; i++ { // the second post is a resend
		res := mod.post(entry, form)
		if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "gespeichert=1") {
			t.Fatalf("save a paper card: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
	}
	after := mod.get(fmt.Sprintf("%s?gruppe=%d&phase=1&gespeichert=1", entry, groups[1].ID)).doc(t)
	mustContain(t, after.Find(`[role=status]`).Text(), "Mehr Sitzbänke am Friedhof")
	if n := after.Find(`.paper-list li`).Length(); n != 1 {
		t.Errorf("paper cards listed after a resend: %d, want 1", n)
	}
	nextKey, _ := after.Find(`input[name=key]`).Attr("value")
	if nextKey == key {
		t.Error("the next card gets the same idempotency key")
	}
	long := url.Values{"gruppe": {fmt.Sprint(groups[1].ID)}, "phase": {"1"}, "key": {nextKey}, "text": {strings.Repeat("x", 141)}}
	res := mod.post(entry, long)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a card too long: %d, want 422", res.StatusCode)
	}
	if v, _ := res.doc(t).Find(`#text`).Attr("value"); v != strings.Repeat("x", 141) {
		t.Error("the refused card's text is not back in the field")
	}
	if res := mod.post(entry, url.Values{"gruppe": {"999999"}, "phase": {"1"}, "key": {nextKey}, "text": {"x"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("a group of no workshop: %d, want 404", res.StatusCode)
	}
	// Eight posts of one form at the same moment store one card and all
	// answer like the first.
	twin := url.Values{"gruppe": {fmt.Sprint(groups[1].ID)}, "phase": {"1"}, "key": {"twintwintwintwin0001"}, "text": {"Zwillingskarte"}}
	var wg sync.WaitGroup
	statuses := make(chan int, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- mod.post(entry, twin).StatusCode
		}()
	}
	wg.Wait()
	close(statuses)
	for s := range statuses {
		if s != http.StatusSeeOther {
			t.Errorf("a twin post: %d, want 303", s)
		}
	}
	twins := 0
	for _, c := range mustCards(t, srv, groups[1].ID) {
		if c.Text == "Zwillingskarte" {
			twins++
		}
	}
	if twins != 1 {
		t.Errorf("eight twin posts stored %d cards", twins)
	}
	cards := mustCards(t, srv, groups[1].ID)[:1]
	if len(cards) != 1 || !cards[0].Paper || cards[0].ParticipantID != nil {
		t.Fatalf("the stored paper card: %+v", cards)
	}

	mod.post(console+"/steuerung", url.Values{"action": {"next"}})
	// A card for a phase already past goes into the documentation, not on
	// the wall, and the hint says so.
	past := mod.get(fmt.Sprintf("%s?gruppe=%d&phase=1", entry, groups[1].ID)).doc(t).Find(`#text-hint`).Text()
	mustContain(t, past, "die Wand zeigt nur die laufende Phase")
	fields, err := srv.Store.ActionFields(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}, "rest_feld": {strconv.FormatInt(fields[0].ID, 10)}})
	csv := mod.get(console + "/doku?format=csv").Body
	mustContain(t, csv, "Mehr Sitzbänke am Friedhof,0,ja")
	mustContain(t, mod.get(console+"/doku").Body, "Papierkarte")
	contributions, _ := srv.Store.OpenContributions(context.Background(), 1)
	found := false
	for _, c := range contributions {
		if c.Title == "Mehr Sitzbänke am Friedhof" {
			found = true
			if c.Origin != domain.OriginPaper {
				t.Errorf("origin of the paper card's contribution: %q", c.Origin)
			}
		}
	}
	if !found {
		t.Error("the paper card did not become a contribution")
	}
	if res := mod.post(entry, url.Values{"gruppe": {fmt.Sprint(groups[1].ID)}, "phase": {"1"}, "key": {"closedclosedclosed01"}, "text": {"zu spät"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("a paper card after the close: %d, want 409", res.StatusCode)
	}
}
