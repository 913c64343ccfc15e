package web_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// atomFeed is what a feed reader needs from an Atom document.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

// The dashboard shows the demo's measures and the Backhaustag's three
// occurrences with its next date; a report from the administration
// changes the dashboard, the measure page, the idea's trail and the feeds.
func TestImplementationReportsDashboardAndFeeds(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "verw@i.de", "Verwaltung", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung})
	visitor := newCitizen(t, srv)
	now := time.Now().UTC()
	dates := demo.BackhaustagDates(now)
	next := dates[len(dates)-1].AddDate(0, 6, 0)
	held := fmt.Sprintf("%d Mal stattgefunden", len(dates))

	dash := visitor.get(processPath + "/umsetzung")
	if dash.StatusCode != http.StatusOK {
		t.Fatalf("dashboard: %d", dash.StatusCode)
	}
	doc := dash.doc(t)
	if got := doc.Find(".concept-status").First().Text(); !strings.Contains(got, "3 von 8 Maßnahmen") {
		t.Errorf("summary %q", got)
	}
	upcoming := doc.Find(`section[aria-labelledby="upcoming"]`).Text()
	if !strings.Contains(upcoming, "Backhaustag") || !strings.Contains(upcoming, held) ||
		!strings.Contains(upcoming, demoDate(next)) {
		t.Errorf("upcoming lacks the Backhaustag's %d occurrences and next date %s:\n%s", len(dates), demoDate(next), upcoming)
	}
	if n := doc.Find(`svg[role="img"] title`).Length(); n < 2 {
		t.Errorf("%d SVG charts with a title, want 2", n)
	}
	// The action-field chart is a list whose labels wrap: every field's
	// whole title, with its share.
	bars := doc.Find(`.field-bars li`)
	if bars.Length() != 5 || !strings.Contains(bars.Eq(3).Text(), "Gesundheitsversorgung, Beratung, Hilfe, Pflege") || !strings.Contains(bars.Eq(3).Text(), "%") {
		t.Errorf("the action-field chart: %d bars, 4th %q", bars.Length(), bars.Eq(3).Text())
	}
	if n := doc.Find("table caption").Length(); n < 3 {
		t.Errorf("%d data tables beside the charts, want 3", n)
	}
	if got := doc.Find(`#by-status-desc`).Text(); !strings.Contains(got, "verstetigt: 2") {
		t.Errorf("status chart text alternative %q", got)
	}

	// The administration reports on the Willkommenspaten.
	staff := newCitizen(t, srv)
	staff.login("verw@i.de")
	list := staff.get(staffProcess + "/umsetzung")
	href, ok := list.doc(t).Find(`a:contains("Willkommenspaten")`).Attr("href")
	if !ok {
		t.Fatalf("reporting list lacks the measure:\n%s", list.Body)
	}
	for name, form := range map[string]url.Values{
		"progress 150":        {"action": {"report"}, "reported_on": {"2026-11-01"}, "status": {"in_umsetzung"}, "progress": {"150"}},
		"postponed, no date":  {"action": {"report"}, "reported_on": {"2026-11-01"}, "status": {"verschoben"}},
		"status planned":      {"action": {"report"}, "reported_on": {"2026-11-01"}, "status": {"geplant"}},
		"no date":             {"action": {"report"}, "status": {"umgesetzt"}},
		"attendance negative": {"action": {"occurrence"}, "occurred_on": {"2026-11-01"}, "attendance": {"-4"}},
	} {
		if res := staff.post(href, form); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `role="alert"`) {
			t.Errorf("%s: %d, want 422 with a message", name, res.StatusCode)
		}
	}
	res := staff.post(href, url.Values{"action": {"report"}, "reported_on": {now.Format("2006-01-02")}, "status": {"umgesetzt"},
		"progress": {"100"}, "text": {"Zehn Patenschaften <b>vermittelt</b>."}, "indicator_value": {"10 Haushalte"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("report: %d\n%s", res.StatusCode, res.Body)
	}
	backhausHref, _ := list.doc(t).Find(`a:contains("Backhaustag")`).Attr("href")
	if res := staff.post(backhausHref, url.Values{"action": {"occurrence"}, "occurred_on": {dates[len(dates)-1].Format("2006-01-02")}}); res.StatusCode != http.StatusConflict {
		t.Errorf("the same Backhaustag twice: %d, want 409", res.StatusCode)
	}

	if got := visitor.get(processPath + "/umsetzung").doc(t).Find(".concept-status").First().Text(); !strings.Contains(got, "4 von 8 Maßnahmen") {
		t.Errorf("summary after the report %q", got)
	}
	idea, _, _ := srv.Store.IdeaByIdempotencyKey(context.Background(), "demo-idea-08")
	trail := visitor.get(processPath + "/ideen/" + strconv.FormatInt(idea.ID, 10)).doc(t).Find(".trail").Text()
	if !strings.Contains(trail, "Umsetzungsstand: umgesetzt") {
		t.Errorf("trail after the report:\n%s", trail)
	}
	measurePage := visitor.get(processPath + "/handlungskonzept/massnahmen/" + href[strings.LastIndex(href, "/")+1:])
	mustContain(t, measurePage.Body, "Zehn Patenschaften &lt;b&gt;vermittelt&lt;/b&gt;.")
	if strings.Contains(measurePage.Body, "Verwaltung") {
		t.Error("the public measure page names the staff member who reported")
	}
	if staffPage := staff.get(href); !strings.Contains(staffPage.doc(t).Find(".trail__steps").Text(), "Verwaltung") {
		t.Error("the staff page does not name who reported")
	}

	// The Atom feed parses and leads with the new report.
	atom := visitor.get(processPath + "/umsetzung.atom")
	var feed atomFeed
	if err := xml.Unmarshal([]byte(atom.Body), &feed); err != nil {
		t.Fatalf("Atom: %v\n%s", err, atom.Body)
	}
	if feed.ID == "" || feed.Title == "" || feed.Updated == "" || len(feed.Entries) != 12 {
		t.Fatalf("feed %q %q %q with %d entries, want 12 (11 demo reports and the new one)", feed.ID, feed.Title, feed.Updated, len(feed.Entries))
	}
	first := feed.Entries[0]
	if !strings.Contains(first.Title, "Willkommenspaten: umgesetzt") || first.ID == "" || first.Updated == "" ||
		!strings.HasPrefix(first.Link.Href, "http") || !strings.Contains(first.Summary, "Zehn Patenschaften") {
		t.Errorf("first entry: %+v", first)
	}
	ids := map[string]bool{}
	for _, e := range feed.Entries {
		if ids[e.ID] {
			t.Errorf("duplicate entry id %s", e.ID)
		}
		ids[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry updated %q: %v", e.Updated, err)
		}
	}

	// The calendar parses and holds the workshops' and measures' dates.
	calRes := visitor.get(processPath + "/termine.ics")
	if !strings.HasPrefix(calRes.Header.Get("Content-Type"), "text/calendar") {
		t.Errorf("calendar content type %q", calRes.Header.Get("Content-Type"))
	}
	for _, line := range strings.Split(calRes.Body, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(calRes.Body))
	if err != nil {
		t.Fatalf("iCalendar: %v", err)
	}
	var summaries []string
	uids := map[string]bool{}
	for _, e := range cal.Events() {
		uid := e.GetProperty(ics.ComponentPropertyUniqueId).Value
		if uids[uid] {
			t.Errorf("duplicate UID %s", uid)
		}
		uids[uid] = true
		start, err := e.GetAllDayStartAt()
		if err != nil {
			t.Errorf("event %s without a day: %v", uid, err)
		}
		summary := e.GetProperty(ics.ComponentPropertySummary).Value
		summaries = append(summaries, summary)
		if summary == "Backhaustag (geplant)" && !start.Equal(next) {
			t.Errorf("next Backhaustag on %v, want %v", start, next)
		}
	}
	all := strings.Join(summaries, "|")
	for _, want := range []string{"Backhaustag (geplant)", "Zukunftswerkstatt mit der Bürgerschaft", "Gemeinderat Ingersheim: Handlungskonzept Version 1"} {
		if !strings.Contains(all, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	// The logged ones, the next, and the Fahrplan's first and second.
	if strings.Count(all, "Backhaustag") != len(dates)+3 {
		t.Errorf("calendar has %d Backhaustag events, want %d logged, the next and the Fahrplan's two", strings.Count(all, "Backhaustag"), len(dates))
	}
}

// The project group keeps the Fahrplan; dated workshops and the council's
// decisions appear on it by themselves.
func TestFahrplanEditingAndAutomaticEntries(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "pg@i.de", "Projektgruppe", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleProjektgruppe})
	ctx := context.Background()
	held := time.Date(2014, 7, 19, 0, 0, 0, 0, time.UTC)
	if _, err := srv.Store.CreateWorkshop(ctx, store.Actor{Name: "test"}, 1, domain.Workshop{ProcessID: 1, Kind: "zukunft",
		Title: "Jugendwerkstatt im Rathaus", HeldOn: &held, DotBudget: 3, MaxDotsPerCard: 3},
		[]domain.Phase{{Title: "Kritik", CardKind: "kritik"}}, []domain.Group{{Title: "Alle"}}); err != nil {
		t.Fatal(err)
	}
	pg := newCitizen(t, srv)
	pg.login("pg@i.de")
	page := pg.get(staffProcess + "/fahrplan")
	if page.StatusCode != http.StatusOK {
		t.Fatalf("Fahrplan: %d", page.StatusCode)
	}
	action, _ := page.doc(t).Find(`form[action*="/fahrplan/"]:not([action$="/neu"])`).First().Attr("action")
	if res := pg.post(action, url.Values{"action": {"save"}, "title": {"Bewerbung <i>eingereicht</i>"}, "date": {"2013-03-04"}, "done": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.StatusCode, res.Body)
	}
	if res := pg.post(action, url.Values{"action": {"save"}, "title": {""}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("empty title: %d, want 422", res.StatusCode)
	}
	if res := pg.post(staffProcess+"/fahrplan/neu", url.Values{"title": {"Zweite Ergebniswerkstatt"}, "date": {"2027-05-08"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add: %d", res.StatusCode)
	}
	if res := pg.post(staffProcess+"/fahrplan/999999", url.Values{"action": {"delete"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("deleting an unknown entry: %d, want 404", res.StatusCode)
	}
	public := newCitizen(t, srv).get(processPath + "/").doc(t).Find(".timeline").Text()
	for _, want := range []string{"Bewerbung <i>eingereicht</i>", "Zweite Ergebniswerkstatt", "Jugendwerkstatt im Rathaus", "Gemeinderat Ingersheim: Handlungskonzept Version 1 – beschlossen"} {
		if !strings.Contains(public, want) {
			t.Errorf("public Fahrplan lacks %q", want)
		}
	}
	// The workshop of 19 July 2014 sits between the milestones of that summer.
	if i, j := strings.Index(public, "Jugendwerkstatt"), strings.Index(public, "Strategiewerkstatt der Projektgruppe"); i < 0 || j < 0 || i > j {
		t.Errorf("the workshop is not placed by its date")
	}
}

// demoDate formats a date as the German pages do.
func demoDate(d time.Time) string {
	months := []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	return strconv.Itoa(d.Day()) + ". " + months[d.Month()-1] + " " + strconv.Itoa(d.Year())
}
