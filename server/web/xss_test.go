package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"zukunftswerk/server/testutil"
)

// TestScriptsInEveryFieldComeBackEscaped puts a script into every field a
// citizen or staff member can fill and opens every page that shows it.
func TestScriptsInEveryFieldComeBackEscaped(t *testing.T) {
	const payload = `<script>alert("zw")</script>`
	const raw = `<script>alert(`
	srv := testutil.NewServer(t, testutil.Options{})
	testutil.CreateStaff(t, srv.Store, "root@land.de", "Root "+payload, true)
	admin := newCitizen(t, srv)
	admin.login("root@land.de")
	steps := []struct {
		path string
		form url.Values
	}{
		{"/intern/kommunen", url.Values{"name": {"Stadt " + payload}, "slug": {"xss"}}},
		{"/intern/k/xss/verfahren", url.Values{"title": {"Verfahren " + payload}, "slug": {"vx"}, "description": {payload}, "moderation": {"post"}}},
		{"/intern/k/xss/verfahren/vx/handlungsfelder", url.Values{"title": {"Feld " + payload}, "question": {payload}}},
		{"/intern/k/xss/verfahren/vx/fahrplan", url.Values{"title": {"Termin " + payload}, "description": {payload}, "date": {"2027-01-01"}}},
		{"/intern/seiten", url.Values{"page": {"privacy"}, "lang": {"de"}, "body": {payload}}},
	}
	for _, s := range steps {
		if res := admin.post(s.path, s.form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d", s.path, res.StatusCode)
		}
	}
	author := newCitizen(t, srv)
	res := author.get("/xss/vx/ideen/neu")
	token, _ := res.doc(t).Find(`input[name="form_token"]`).Attr("value")
	fieldID, _ := res.doc(t).Find(`#action_field option[value]:not([value=""])`).Attr("value")
	res = author.post("/xss/vx/ideen", url.Values{"form_token": {token}, "action_field": {fieldID}, "title": {payload},
		"body": {payload}, "pseudonym": {"P" + payload}, "privacy": {"yes"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("idea: %d", res.StatusCode)
	}
	ideaPath, _, _ := strings.Cut(res.Header.Get("Location"), "?")
	id := ideaPath[strings.LastIndex(ideaPath, "/")+1:]
	newCitizen(t, srv).post(ideaPath+"/meldung", url.Values{"reason": {"spam"}, "note": {payload}})
	// A form sent back with errors carries the payload in its inputs.
	invalid := author.post("/xss/vx/ideen", url.Values{"form_token": {token + "x"}, "title": {payload}, "body": {payload}})
	if strings.Contains(invalid.Body, raw) {
		t.Error("the re-rendered idea form contains the raw script")
	}

	// Curation and the concept carry the payload in every text they take.
	staffBase := "/intern/k/xss/verfahren/vx"
	curationSteps := []struct {
		path string
		form url.Values
	}{
		{staffBase + "/kuratierung", url.Values{"action": {"theme"}, "id": {id}, "theme": {"T" + payload}}},
		{staffBase + "/beitraege/" + id, url.Values{"action": {"assess"}, "importance": {"2"}, "feasibility": {"1"}, "note": {payload}}},
		{staffBase + "/konzept", url.Values{"action": {"create"}}},
	}
	for _, s := range curationSteps {
		if res := admin.post(s.path, s.form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d\n%s", s.path, res.StatusCode, res.Body)
		}
	}
	conceptPage := admin.get(staffBase + "/konzept").doc(t)
	version, _ := conceptPage.Find(`input[name="version"]`).First().Attr("value")
	fieldInput, _ := conceptPage.Find(`input[name="field"]`).First().Attr("value")
	for _, form := range []url.Values{
		{"action": {"leitbild"}, "leitbild": {payload}},
		{"action": {"challenges"}, "field": {fieldInput}, "challenges": {payload}},
		{"action": {"objective_add"}, "field": {fieldInput}, "title": {"Ziel " + payload}, "description": {payload}},
	} {
		form.Set("version", version)
		if res := admin.post(staffBase+"/konzept", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("concept %s: %d\n%s", form.Get("action"), res.StatusCode, res.Body)
		}
	}
	objectiveID, _ := admin.get(staffBase + "/konzept/massnahmen/neu").doc(t).Find(`select[name="objective"] option`).First().Attr("value")
	measureForm := url.Values{"objective": {objectiveID}, "timing": {"langfristig"}, "priority": {"niedrig"}, "recurrence": {"jaehrlich"}, "beitrag": {id}}
	for _, f := range []string{"title", "description", "target_group", "lead", "partners", "cost_estimate", "funding", "indicator"} {
		measureForm.Set(f, f+payload)
	}
	if res := admin.post(staffBase+"/konzept/massnahmen", measureForm); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("measure: %d\n%s", res.StatusCode, res.Body)
	}
	measurePath, _, _ := strings.Cut(admin.get(staffBase+"/konzept").doc(t).Find(".measure-list a").First().AttrOr("href", ""), "?")
	for _, to := range []string{"abgestimmt", "vorgelegt"} {
		admin.post(staffBase+"/konzept", url.Values{"action": {"status"}, "version": {version}, "to": {to}})
	}
	if res := admin.post(staffBase+"/konzept", url.Values{"action": {"decision"}, "version": {version}, "decided_on": {"2027-01-12"},
		"body": {"Rat " + payload}, "agenda_item": {"TOP" + payload[:20]}, "result": {"mit_aenderungen"}, "amendments": {payload}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("decision: %d\n%s", res.StatusCode, res.Body)
	}
	if res := admin.post(staffBase+"/kuratierung", url.Values{"action": {"decide"}, "id": {id}, "decision": {"uebernommen"}, "answer": {payload}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("decide: %d\n%s", res.StatusCode, res.Body)
	}
	lineage := ""
	publicConcept := author.get("/xss/vx/handlungskonzept")
	reportPath := staffBase + "/umsetzung/" + strings.TrimPrefix(publicConcept.doc(t).Find("h4 a").AttrOr("href", ""), "/xss/vx/handlungskonzept/massnahmen/")
	for _, form := range []url.Values{
		{"action": {"report"}, "reported_on": {"2027-02-01"}, "status": {"verschoben"}, "new_date": {"2027-09-01"}, "text": {payload}, "indicator_value": {payload}},
		{"action": {"occurrence"}, "occurred_on": {"2027-02-02"}, "note": {payload}, "attendance": {"12"}},
	} {
		if res := admin.post(reportPath, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d\n%s", form.Get("action"), res.StatusCode, res.Body)
		}
	}
	if res := admin.post(staffBase+"/qualitaetssicherung", url.Values{"held_on": {"2027-03-01"}, "title": {"Review " + payload}, "notes": {payload}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("review: %d\n%s", res.StatusCode, res.Body)
	}
	if href, ok := publicConcept.doc(t).Find("h4 a").Attr("href"); ok {
		lineage, _, _ = strings.Cut(href, "?")
	}
	if lineage == "" || measurePath == "" {
		t.Fatal("the concept pages lack their measure links")
	}

	pages := []struct {
		who  *citizen
		path string
	}{
		{author, "/"}, {author, "/xss/"}, {author, "/xss/vx/"}, {author, "/xss/vx/ideen"},
		{author, "/xss/vx/ideen?suche=" + url.QueryEscape(payload)}, {author, ideaPath}, {author, "/meine-beitraege"},
		{author, "/meine-beitraege/export.json"}, {author, "/datenschutz"}, {author, "/api/v1/processes/xss/vx/ideas"},
		{admin, "/intern/"}, {admin, "/intern/kommunen"}, {admin, "/intern/k/xss/"}, {admin, "/intern/k/xss/verfahren/vx"},
		{admin, "/intern/k/xss/team"}, {admin, "/intern/k/xss/protokoll"}, {admin, "/intern/protokoll"},
		{admin, "/intern/k/xss/moderation"}, {admin, "/intern/seiten"},
		{admin, staffBase + "/kuratierung"}, {admin, staffBase + "/beitraege/" + id}, {admin, staffBase + "/konzept"},
		{admin, measurePath}, {author, "/xss/vx/handlungskonzept"}, {author, lineage},
		{author, "/xss/vx/daten/beitraege.json"}, {author, "/xss/vx/daten/massnahmen.json"},
		{author, "/xss/vx/umsetzung"}, {author, "/xss/vx/umsetzung.atom"}, {author, "/xss/vx/termine.ics"},
		{admin, staffBase + "/umsetzung"}, {admin, reportPath}, {admin, staffBase + "/qualitaetssicherung"}, {admin, staffBase + "/fahrplan"},
	}
	check := func() {
		for _, p := range pages {
			res := p.who.get(p.path)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s: %d", p.path, res.StatusCode)
			}
			if strings.HasSuffix(p.path, ".ics") {
				// A calendar is plain text: the script is just text there, as
				// long as no browser takes the file for HTML.
				if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") || res.Header.Get("X-Content-Type-Options") != "nosniff" {
					t.Errorf("%s: %q, nosniff %q", p.path, res.Header.Get("Content-Type"), res.Header.Get("X-Content-Type-Options"))
				}
				continue
			}
			if strings.Contains(res.Body, raw) {
				t.Errorf("%s contains the raw script", p.path)
			}
		}
	}
	check()
	if !strings.Contains(author.get("/xss/vx/").Body, "Verfahren &lt;script&gt;") {
		t.Error("the escaped process title is missing: the test did not reach the page it meant")
	}
	if !strings.Contains(author.get(lineage).Body, "lead&lt;script&gt;") {
		t.Error("the measure page does not show the escaped lead")
	}
	if !strings.Contains(author.get(ideaPath).Body, "title&lt;script&gt;") {
		t.Error("the idea's trail does not show the escaped measure title")
	}
	if !strings.Contains(admin.get("/intern/k/xss/moderation").Body, "&lt;script&gt;alert(&#34;zw&#34;)") {
		t.Error("the report note is not shown escaped in the queue")
	}
	// Hidden with a scripted public reason: the author's views.
	if res := admin.post("/intern/k/xss/moderation", url.Values{"id": {id}, "action": {"hide"}, "reason": {payload}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("hide: %d", res.StatusCode)
	}
	// A hidden contribution is moderation's business: curation no longer finds it.
	pages = slices.DeleteFunc(pages, func(p struct {
		who  *citizen
		path string
	}) bool {
		return p.path == staffBase+"/beitraege/"+id
	})
	check()
}
