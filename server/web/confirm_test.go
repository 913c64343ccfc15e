package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestIrreversibleActionsAskFirst: closing a workshop, disabling an account
// and deleting a Fahrplan entry take two posts, the second confirming; the
// first changes nothing and shows what will happen, without JavaScript.
func TestIrreversibleActionsAskFirst(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, code := liveWorkshop(t, srv, mod, "3", "3")

	ask := mod.post(console+"/steuerung", url.Values{"action": {"close"}})
	if ask.StatusCode != http.StatusOK {
		t.Fatalf("close without confirmation: %d, want the question (200)", ask.StatusCode)
	}
	doc := ask.doc(t)
	mustContain(t, doc.Find(".confirm h1").Text(), "Zukunftswerkstatt SKV-Halle")
	if v, _ := doc.Find(`.confirm input[name=action]`).Attr("value"); v != "close" {
		t.Errorf("the question does not post the action again: %q", v)
	}
	if href, _ := doc.Find(`.confirm a`).Attr("href"); href != console {
		t.Errorf("cancel leads to %q, want the console %q", href, console)
	}
	if page := newCitizen(t, srv).get("/w/" + code); page.StatusCode != http.StatusOK || strings.Contains(page.Body, "abgeschlossen") {
		t.Errorf("the workshop closed without confirmation: %d", page.StatusCode)
	}
	if res := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther ||
		!strings.HasSuffix(res.Header.Get("Location"), "/doku") {
		t.Fatalf("confirmed close: %d %s", res.StatusCode, res.Header.Get("Location"))
	}

	admin := staffBrowser(t, srv, "admin@i.de", domain.RoleAdmin)
	vera := testutil.CreateStaff(t, srv.Store, "vera@i.de", "Vera Verwaltung", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung})
	member := "/intern/k/ingersheim/team/" + strconv.FormatInt(vera.ID, 10)
	ask = admin.post(member, url.Values{"action": {"disable"}})
	if ask.StatusCode != http.StatusOK {
		t.Fatalf("disable without confirmation: %d", ask.StatusCode)
	}
	mustContain(t, ask.doc(t).Find(".confirm").Text(), "Vera Verwaltung")
	vera2 := newCitizen(t, srv)
	vera2.login("vera@i.de") // still possible: nothing was disabled
	if res := admin.post(member, url.Values{"action": {"disable"}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirmed disable: %d", res.StatusCode)
	}
	if res := vera2.get("/intern/"); res.StatusCode == http.StatusOK {
		t.Error("the disabled account is still logged in")
	}
	// Disabling oneself is refused at once, not asked about.
	self, _ := srv.Store.StaffUserByEmail(t.Context(), "admin@i.de")
	if res := admin.post("/intern/k/ingersheim/team/"+strconv.FormatInt(self.ID, 10), url.Values{"action": {"disable"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("disabling oneself: %d, want 422", res.StatusCode)
	}

	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	fahrplan := staffProcess + "/fahrplan"
	entry, _ := pg.get(fahrplan).doc(t).Find(`form[action*="/fahrplan/"]:not([action$="/neu"])`).First().Attr("action")
	ask = pg.post(entry, url.Values{"action": {"delete"}})
	if ask.StatusCode != http.StatusOK || ask.doc(t).Find(".confirm").Length() != 1 {
		t.Fatalf("delete without confirmation: %d", ask.StatusCode)
	}
	before := strings.Count(pg.get(fahrplan).Body, `name="action" value="delete"`)
	if res := pg.post(entry, url.Values{"action": {"delete"}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirmed delete: %d", res.StatusCode)
	}
	if after := strings.Count(pg.get(fahrplan).Body, `name="action" value="delete"`); after != before-1 {
		t.Errorf("entries with a delete button: %d before, %d after", before, after)
	}
}

// TestConsoleOffersOnlyPossibleSteps: no "previous phase" in the first
// phase, no "next phase" in the last, no pause without a running timer.
func TestConsoleOffersOnlyPossibleSteps(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, _ := liveWorkshop(t, srv, mod, "3", "3")
	buttons := func() string {
		var values []string
		mod.get(console).doc(t).Find(`form.control button`).Each(func(_ int, b *goquery.Selection) {
			v, _ := b.Attr("value")
			values = append(values, v)
		})
		return " " + strings.Join(values, " ") + " "
	}
	got := buttons()
	for _, want := range []string{" next ", " voting_open ", " timer_start ", " close "} {
		if !strings.Contains(got, want) {
			t.Errorf("first phase: %q missing from %q", want, got)
		}
	}
	for _, unwanted := range []string{" prev ", " timer_pause ", " timer_resume ", " timer_add "} {
		if strings.Contains(got, unwanted) {
			t.Errorf("first phase offers %q: %q", unwanted, got)
		}
	}
	for i := 0; i < 2; i++ {
		mod.post(console+"/steuerung", url.Values{"action": {"next"}})
	}
	mod.post(console+"/steuerung", url.Values{"action": {"timer_start"}, "minutes": {"5"}})
	got = buttons()
	if strings.Contains(got, " next ") || !strings.Contains(got, " prev ") || !strings.Contains(got, " timer_pause ") {
		t.Errorf("last phase with a running timer: %q", got)
	}
}
