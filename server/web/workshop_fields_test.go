package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestWorkshopResultsKeepTheirField: groups tied to action fields, a card
// and a cluster filed under others by the moderator; at the close every
// card becomes a contribution of the right field, the Kritik phase's as
// challenges (offered on the concept page, not in the public idea list),
// the others as ideas; the project group moves a contribution to another
// field on the board (audited), it keeps its trail, and moving it back
// undoes it.
func TestWorkshopResultsKeepTheirField(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, code := liveWorkshop(t, srv, mod, "3", "3")
	groups, _ := srv.Store.Groups(ctx, newestWorkshop(t, srv))
	fields, _ := srv.Store.ActionFields(ctx, 1)
	if len(groups) != 2 || len(fields) < 5 {
		t.Fatalf("setup: %d groups, %d fields", len(groups), len(fields))
	}
	field := func(i int) string { return fmt.Sprint(fields[i].ID) }
	for i, g := range groups {
		res := mod.post(fmt.Sprintf("%s/gruppen/%d", console, g.ID), url.Values{"field": {field(i + 1)}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("tie group %d to a field: %d %s", i, res.StatusCode, res.Body)
		}
		if i == 0 {
			mustContain(t, mod.get(res.Header.Get("Location")).doc(t).Find(`[role=status]`).Text(), "Gespeichert.")
		}
	}
	// Another process's field is refused.
	otherProcessField := fmt.Sprint(fields[len(fields)-1].ID + 1000)
	if res := mod.post(fmt.Sprintf("%s/gruppen/%d", console, groups[0].ID), url.Values{"field": {otherProcessField}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a field outside the process: %d, want 422", res.StatusCode)
	}
	anna, ben := newCitizen(t, srv), newCitizen(t, srv)
	anna.joinGroup(code, 0)
	ben.joinGroup(code, 1)
	write := func(c *citizen, text, key string) {
		t.Helper()
		if res := c.post("/w/"+code+"/karten", url.Values{"text": {text}, "key": {key}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("card %q: %d", text, res.StatusCode)
		}
	}
	write(anna, "Zu wenig Bänke am Neckar", "fieldsfieldsfields01")
	write(ben, "Der Bus fährt zu selten", "fieldsfieldsfields02")
	mod.post(console+"/steuerung", url.Values{"action": {"next"}})
	write(anna, "Backhaus wieder beleben", "fieldsfieldsfields03")
	write(ben, "Bürgerbus jede Stunde", "fieldsfieldsfields04")
	cardOf := func(text string) domain.Card {
		t.Helper()
		for _, c := range mustCards(t, srv, 0) {
			if c.Text == text {
				return c
			}
		}
		t.Fatalf("no card %q", text)
		return domain.Card{}
	}
	if c := cardOf("Zu wenig Bänke am Neckar"); c.ActionFieldID == nil || *c.ActionFieldID != fields[1].ID {
		t.Errorf("a card does not take its group's field: %v", c.ActionFieldID)
	}
	backhaus := cardOf("Backhaus wieder beleben")
	if res := mod.post(fmt.Sprintf("%s/karten/%d", console, backhaus.ID), url.Values{"action": {"field"}, "field": {field(4)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("file a card under a field: %d", res.StatusCode)
	}
	mod.post(console+"/cluster", url.Values{"group": {fmt.Sprint(groups[1].ID)}, "title": {"Mobilität"}})
	clusters, _ := srv.Store.Clusters(ctx, newestWorkshop(t, srv))
	bus := cardOf("Bürgerbus jede Stunde")
	mod.post(fmt.Sprintf("%s/karten/%d", console, bus.ID), url.Values{"action": {"cluster"}, "cluster": {fmt.Sprint(clusters[0].ID)}})
	if res := mod.post(fmt.Sprintf("%s/cluster/%d", console, clusters[0].ID), url.Values{"action": {"field"}, "field": {field(3)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("file a cluster under a field: %d", res.StatusCode)
	}
	if res := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("close: %d", res.StatusCode)
	}

	// Its cards are contributions now: they change on the board, not here.
	if res := mod.post(fmt.Sprintf("%s/karten/%d", console, backhaus.ID), url.Values{"action": {"field"}, "field": {field(0)}}); res.StatusCode != http.StatusConflict {
		t.Errorf("a card's field after the close: %d, want 409", res.StatusCode)
	}
	contributions, err := srv.Store.OpenContributions(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]domain.Contribution{}
	for _, c := range contributions {
		got[c.Title] = c
	}
	for _, want := range []struct {
		title string
		field int
		kind  string
	}{
		{"Zu wenig Bänke am Neckar", 1, domain.KindChallenge},
		{"Der Bus fährt zu selten", 2, domain.KindChallenge},
		{"Backhaus wieder beleben", 4, "idee"},
		{"Bürgerbus jede Stunde", 3, "idee"},
	} {
		c, ok := got[want.title]
		if !ok {
			t.Errorf("%q did not become a contribution", want.title)
			continue
		}
		if c.ActionFieldID != fields[want.field].ID || c.Kind != want.kind {
			t.Errorf("%q: field %d, kind %q; want field %d, kind %q", want.title, c.ActionFieldID, c.Kind, fields[want.field].ID, want.kind)
		}
	}
	// The moderator's cluster is the card's theme on the board.
	for title, c := range got {
		want := ""
		if title == "Bürgerbus jede Stunde" {
			want = "Mobilität"
		}
		if c.Theme != want {
			t.Errorf("%q: theme %q, want %q", title, c.Theme, want)
		}
	}
	// Anna's "Meine Beiträge" shows her Kritik card as a challenge, not
	// as an idea with supports.
	mine := anna.get("/meine-beitraege").doc(t).Find(".idea-card")
	mine.Each(func(_ int, card *goquerySelection) {
		if strings.Contains(card.Text(), "Zu wenig Bänke am Neckar") && (!strings.Contains(card.Text(), "Herausforderung aus einer Werkstatt") || strings.Contains(card.Text(), "Unterstützung")) {
			t.Errorf("a challenge on Meine Beiträge: %q", card.Text())
		}
	})
	if mine.Length() < 2 {
		t.Errorf("Meine Beiträge lists %d of Anna's cards", mine.Length())
	}
	// A challenge is no idea to support.
	challenge := got["Zu wenig Bänke am Neckar"]
	supporter := newCitizen(t, srv)
	if res := supporter.post(fmt.Sprintf("%s/ideen/%d/unterstuetzung", processPath, challenge.ID), url.Values{"support": {"1"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("support of a challenge: %d, want 404", res.StatusCode)
	}
	page := supporter.get(fmt.Sprintf("%s/ideen/%d", processPath, challenge.ID)).doc(t)
	if page.Find("form.support").Length() != 0 || page.Find(".support__count").Length() != 0 {
		t.Error("a challenge's page offers support or counts it")
	}
	if got := page.Find(".hero__kicker").Text() + page.Find(`.breadcrumbs [aria-current]`).Text(); !strings.Contains(got, "Herausforderung aus einer Werkstatt") || !strings.Contains(got, "Diese Herausforderung") {
		t.Errorf("a challenge's page does not say what it is: %q", got)
	}
	if facts := page.Find(".facts").Text(); strings.Contains(facts, "Stand") || strings.Contains(facts, "anonym") {
		t.Errorf("a challenge's page shows an author or a review status: %q", facts)
	}
	if got := page.Find("#trail-title").Text() + page.Find(".breadcrumbs").Text() + page.Find("main").Text(); strings.Contains(got, "Was aus der Idee wurde") || strings.Contains(got, "Zurück zu allen Ideen") {
		t.Errorf("a challenge's page speaks of an idea: %q", page.Find("#trail-title").Text())
	}
	public := newCitizen(t, srv).get(processPath + "/ideen").Body
	if strings.Contains(public, "Zu wenig Bänke") || !strings.Contains(public, "Backhaus wieder beleben") {
		t.Error("the public idea list shows a challenge or lacks an idea")
	}
	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	pg.post(staffProcess+"/konzept", url.Values{"action": {"revision"}}) // the demo's version is adopted
	concept := pg.get(staffProcess + "/konzept").doc(t)
	if hint := concept.Find(fmt.Sprintf("#challenges-hint-%d", fields[1].ID)).Text(); !strings.Contains(hint, "Zu wenig Bänke am Neckar") {
		t.Errorf("the concept does not offer the field's challenges: %q", hint)
	}
	// One action takes them into the field's text, after what was typed.
	form := concept.Find(fmt.Sprintf("#challenges-%d", fields[1].ID)).Closest("form")
	version, _ := form.Find(`input[name=version]`).Attr("value")
	take := url.Values{"action": {"challenges_take"}, "version": {version}, "field": {field(1)}, "challenges": {"Was wir selbst sahen."}}
	if res := pg.post(staffProcess+"/konzept", take); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("take the challenges: %d %s", res.StatusCode, res.Body)
	}
	challengesText := func() string {
		return pg.get(staffProcess + "/konzept").doc(t).Find(fmt.Sprintf("#challenges-%d", fields[1].ID)).Text()
	}
	// The demo's Zukunftswerkstatt named one for the field, too.
	want := "Was wir selbst sahen.\n– In den Herbst- und Osterferien gibt es keine Betreuung\n– Zu wenig Bänke am Neckar"
	if got := challengesText(); got != want {
		t.Errorf("the field's challenges after taking them: %q", got)
	}
	if pg.get(staffProcess+"/konzept").doc(t).Find(fmt.Sprintf(`form:has(#challenges-%d) button[value=challenges_take]`, fields[1].ID)).Length() != 0 {
		t.Error("the button to take the challenges is offered when every one is taken")
	}
	take.Set("challenges", want) // taken again from the saved text: nothing doubled
	pg.post(staffProcess+"/konzept", take)
	if got := challengesText(); got != want {
		t.Errorf("taken twice: %q", got)
	}
	// Near the limit: taking them in would make the text too long. The
	// answer says so, and what was typed stays in the field.
	typed := strings.Repeat("Lange Notiz. ", 306) // 3,978 characters
	take.Set("challenges", typed)
	res := pg.post(staffProcess+"/konzept", take)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "länger als 4.000 Zeichen") {
		t.Errorf("taking challenges beyond the limit: %d", res.StatusCode)
	}
	if kept := res.doc(t).Find(fmt.Sprintf("#challenges-%d", fields[1].ID)).Text(); kept != typed {
		t.Errorf("the typed text is lost after the refusal (%d characters kept)", len(kept))
	}
	tooLong := url.Values{"action": {"challenges"}, "version": {version}, "field": {field(1)}, "challenges": {strings.Repeat("x", 4001)}}
	res = pg.post(staffProcess+"/konzept", tooLong)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "höchstens 4.000 Zeichen") ||
		res.doc(t).Find(fmt.Sprintf("#challenges-%d", fields[1].ID)).Text() != strings.Repeat("x", 4001) {
		t.Errorf("a challenges text too long: %d, or its text is lost", res.StatusCode)
	}
	if got := challengesText(); got != want {
		t.Errorf("a refused text changed the saved one: %q", got)
	}
	objective := url.Values{"action": {"objective_add"}, "version": {version}, "field": {field(1)}, "title": {strings.Repeat("Z", 161)}, "description": {"Beschreibung bleibt"}}
	res = pg.post(staffProcess+"/konzept", objective)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "höchstens 160 Zeichen") {
		t.Errorf("an objective title too long: %d", res.StatusCode)
	}
	if kept := res.doc(t).Find(fmt.Sprintf("#new-o-desc-%d", fields[1].ID)).Text(); kept != "Beschreibung bleibt" {
		t.Errorf("the new objective's description after the refusal: %q", kept)
	}

	// The board moves an idea to another field; its trail stays; moving
	// it back undoes it.
	idea := got["Backhaus wieder beleben"]
	item := fmt.Sprintf("%s/beitraege/%d", staffProcess, idea.ID)
	if res := pg.post(item, url.Values{"action": {"field"}, "field": {field(0)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move on the board: %d %s", res.StatusCode, res.Body)
	}
	if res := pg.post(item, url.Values{"action": {"field"}, "field": {otherProcessField}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("move to a field outside the process: %d, want 422", res.StatusCode)
	}
	ideaPage := newCitizen(t, srv).get(fmt.Sprintf("%s/ideen/%d", processPath, idea.ID))
	mustContain(t, ideaPage.Body, fields[0].Title)
	mustContain(t, ideaPage.Body, "In der Werkstatt „Zukunftswerkstatt SKV-Halle“ geschrieben am")
	pg.post(item, url.Values{"action": {"field"}, "field": {field(4)}})
	entries, _ := srv.Store.AuditEntries(ctx, store.AuditFilter{MunicipalityID: 1, Limit: 200})
	moves := 0
	for _, e := range entries {
		if e.Action == "contribution.field" {
			moves++
		}
	}
	after, _ := srv.Store.OpenContributions(ctx, 1)
	for _, c := range after {
		if c.ID == idea.ID && c.ActionFieldID != fields[4].ID {
			t.Errorf("moving back did not undo: field %d", c.ActionFieldID)
		}
	}
	if moves != 2 {
		t.Errorf("audited moves: %d, want 2", moves)
	}
}
