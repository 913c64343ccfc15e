package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestWorkshopDaysTimesAndPlace: a Strategiewerkstatt on two evenings, with
// hours in the town's time zone; the Fahrplan shows both days, the
// calendar has timed events (DTSTART/DTEND) with the place as LOCATION;
// the moderator edits the details until the workshop is closed, and staff
// pages show times in Europe/Berlin, not UTC.
func TestWorkshopDaysTimesAndPlace(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	form := url.Values{"process": {"1"}, "kind": {"strategie"}, "title": {"Strategiewerkstatt der Projektgruppe"},
		"place": {"Rathaus, großer Saal"}, "groups": {"Projektgruppe"}, "budget": {"3"}, "max": {"3"},
		"date": {"2014-07-28"}, "starts": {"18:30"}, "ends": {"21:30"}, "date_2": {"2014-09-22"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("ends", "17:00")
	if res := mod.post("/intern/k/ingersheim/werkstaetten", bad); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(res.Body, "Das Ende liegt vor dem Anfang") {
		t.Errorf("an end before the start: %d", res.StatusCode)
	}
	res := mod.post("/intern/k/ingersheim/werkstaetten", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create a two-day workshop: %d\n%s", res.StatusCode, res.Body)
	}
	console := res.Header.Get("Location")
	page := mod.get(console).Body
	mustContain(t, page, "Montag, 28. Juli 2014, 18:30–21:30 Uhr")
	mustContain(t, page, "22. September 2014")
	// The documentation names both days with their hours.
	doc := mod.get(console + "/doku").doc(t).Find(".workshop-days").Text()
	if !strings.Contains(doc, "Montag, 28. Juli 2014, 18:30–21:30 Uhr · Rathaus, großer Saal") || !strings.Contains(doc, "Montag, 22. September 2014") {
		t.Errorf("the documentation's days: %q", doc)
	}

	fahrplan := newCitizen(t, srv).get(processPath + "/").doc(t).Find(".timeline").Text()
	if strings.Count(fahrplan, "Strategiewerkstatt der Projektgruppe") < 2 {
		t.Errorf("the Fahrplan does not show both days: %q", fahrplan)
	}
	// With weekday and the hours in the town's time (UTC+2 in summer).
	mustContain(t, fahrplan, "Montag, 28. Juli 2014, 18:30–21:30 Uhr")
	mustContain(t, fahrplan, "Montag, 22. September 2014")
	ics := newCitizen(t, srv).get(processPath + "/termine.ics").Body
	unfolded := strings.ReplaceAll(ics, "\r\n ", "")
	for _, want := range []string{"DTSTART:20140728T163000Z", "DTEND:20140728T193000Z", "LOCATION:Rathaus\\, großer Saal", "DTSTART;VALUE=DATE:20140922"} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}

	details := url.Values{"title": {"Strategiewerkstatt"}, "place": {"Bürgerhaus"}, "question": {""},
		"date": {"2014-07-28"}, "starts": {"18:30"}, "ends": {"21:30"}}
	// Refused: the form comes back open, saying which field, with what was
	// typed.
	noTitle := url.Values{"title": {""}, "place": {"Bürgerhaus"}, "question": {"Was brauchen wir?"}, "date": {"2014-07-28"}}
	refused := mod.post(console+"/angaben", noTitle)
	if refused.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(refused.Body, "Titel: Bitte geben Sie der Werkstatt einen Titel") {
		t.Errorf("details without a title: %d", refused.StatusCode)
	}
	box := refused.doc(t).Find("details.workshop-details")
	if _, open := box.Attr("open"); !open || box.Find("#d-question").Text() != "Was brauchen wir?" {
		t.Errorf("the refused details form is closed or lost the question: %q", box.Find("#d-question").Text())
	}
	if res := mod.post(console+"/angaben", details); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit the details: %d %s", res.StatusCode, res.Body)
	}
	page = mod.get(console).Body
	mustContain(t, page, "Bürgerhaus")
	if strings.Contains(page, "22. September 2014") {
		t.Error("the removed second day is still there")
	}
	mod.post(console+"/steuerung", url.Values{"action": {"open"}})
	mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}})
	if res := mod.post(console+"/angaben", details); res.StatusCode != http.StatusConflict {
		t.Errorf("details of a closed workshop: %d, want 409", res.StatusCode)
	}

	// The audit log shows when in the town's time, without "UTC".
	admin := staffBrowser(t, srv, "admin@i.de", domain.RoleAdmin)
	audit := admin.get("/intern/k/ingersheim/protokoll").Body
	if strings.Contains(audit, " UTC") {
		t.Error("the audit log shows UTC times")
	}
}

// TestCalendarDaysStayInAWesternTimeZone: a date (a Fahrplan entry) is the
// same day in every time zone — shown, in its form, and after saving the
// form unchanged.
func TestCalendarDaysStayInAWesternTimeZone(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"TIME_ZONE": "America/New_York"}})
	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	milestones, err := srv.Store.Milestones(t.Context(), 1)
	if err != nil || len(milestones) == 0 || milestones[0].OccursOn == nil {
		t.Fatalf("demo milestones: %v %v", milestones, err)
	}
	m := milestones[0]
	want := m.OccursOn.Format("2006-01-02")
	page := pg.get(staffProcess + "/fahrplan").doc(t)
	got, _ := page.Find(fmt.Sprintf("#ms-date-%d", m.ID)).Attr("value")
	if got != want {
		t.Fatalf("the entry's date in its form: %q, stored %q", got, want)
	}
	form := url.Values{"action": {"save"}, "title": {m.Title}, "date": {got}, "description": {m.Description}}
	if m.Done {
		form.Set("done", "yes")
	}
	if res := pg.post(fmt.Sprintf("%s/fahrplan/%d", staffProcess, m.ID), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save unchanged: %d", res.StatusCode)
	}
	after, _ := srv.Store.Milestones(t.Context(), 1)
	if after[0].OccursOn.Format("2006-01-02") != want {
		t.Errorf("saving the unchanged form moved the day to %s", after[0].OccursOn.Format("2006-01-02"))
	}
}

// TestClosedWorkshopIsDoneOnTheFahrplan: a workshop planned for a day
// ahead is "geplant" until it is closed, then "erledigt", even before
// that day.
func TestClosedWorkshopIsDoneOnTheFahrplan(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	twice := mod.post("/intern/k/ingersheim/werkstaetten", url.Values{"process": {"1"}, "kind": {"zukunft"},
		"title": {"Werkstatt im Voraus"}, "groups": {"Jung & Alt\njung  & alt"}, "budget": {"3"}, "max": {"3"}, "date": {"2099-05-04"}})
	if twice.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(twice.Body, "Zwei Arbeitsgruppen heißen gleich") {
		t.Errorf("two groups of one name: %d", twice.StatusCode)
	}
	res := mod.post("/intern/k/ingersheim/werkstaetten", url.Values{"process": {"1"}, "kind": {"zukunft"},
		"title": {"Werkstatt im Voraus"}, "place": {"SKV-Halle"}, "groups": {"Alle"}, "budget": {"3"}, "max": {"3"}, "date": {"2099-05-04"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	console := res.Header.Get("Location")
	state := func() string {
		t.Helper()
		var got string
		newCitizen(t, srv).get(processPath + "/").doc(t).Find(".timeline li").Each(func(_ int, li *goquery.Selection) {
			if strings.Contains(li.Text(), "Werkstatt im Voraus") {
				got = strings.TrimSpace(li.Find(".timeline__state").Text())
			}
		})
		return got
	}
	if got := state(); got != "geplant" {
		t.Errorf("a workshop ahead: %q, want geplant", got)
	}
	mod.post(console+"/steuerung", url.Values{"action": {"open"}})
	if res := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("close: %d %s", res.StatusCode, res.Body)
	}
	if got := state(); got != "erledigt" {
		t.Errorf("a closed workshop ahead: %q, want erledigt", got)
	}
}

// TestDraftWorkshopCanBeDeleted: a workshop that was never opened (a test,
// a typo) can be deleted after one question, and leaves the Fahrplan; an
// opened one stays.
func TestDraftWorkshopCanBeDeleted(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	create := func(title string) string {
		t.Helper()
		res := mod.post("/intern/k/ingersheim/werkstaetten", url.Values{"process": {"1"}, "kind": {"zukunft"},
			"title": {title}, "place": {"SKV-Halle"}, "groups": {"Alle"}, "budget": {"3"}, "max": {"3"}, "date": {"2099-05-04"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
		return res.Header.Get("Location")
	}
	console := create("Testwerkstatt Tippfehler")
	mustContain(t, newCitizen(t, srv).get(processPath+"/").Body, "Testwerkstatt Tippfehler")
	ask := mod.post(console+"/loeschen", url.Values{})
	if ask.StatusCode != http.StatusOK || !strings.Contains(ask.Body, "„Testwerkstatt Tippfehler“ löschen?") {
		t.Fatalf("deleting asks first: %d", ask.StatusCode)
	}
	if res := mod.post(console+"/loeschen", url.Values{"bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d %s", res.StatusCode, res.Body)
	}
	if strings.Contains(newCitizen(t, srv).get(processPath+"/").Body, "Testwerkstatt Tippfehler") {
		t.Error("the deleted workshop is still on the Fahrplan")
	}
	if res := mod.get(console); res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusForbidden {
		t.Errorf("the deleted workshop's console: %d", res.StatusCode)
	}
	opened := create("Echte Werkstatt")
	mod.post(opened+"/steuerung", url.Values{"action": {"open"}})
	if res := mod.post(opened+"/loeschen", url.Values{"bestaetigt": {"ja"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("deleting an opened workshop: %d, want 409", res.StatusCode)
	}
}
