package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

const checkBase = "/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/bilanz"

// checkItemForm reads the form of one item on a round page: its action and
// the values it would send as they are.
func checkItemForm(t *testing.T, c *citizen, roundPath string, item int) (string, url.Values) {
	t.Helper()
	res := c.get(roundPath)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("round page: %d\n%s", res.StatusCode, c.srv.Logs.String())
	}
	form := res.doc(t).Find(fmt.Sprintf(`#punkt-%d form.check-form`, item))
	if form.Length() != 1 {
		i := strings.Index(res.Body, fmt.Sprintf(`id="punkt-%d"`, item))
		t.Fatalf("item %d has no form on the round page (%s at %d)\n%s", item, roundPath, i, res.Body[max(0, i):min(len(res.Body), max(0, i)+1500)])
	}
	action, _ := form.Attr("action")
	values := url.Values{}
	for _, name := range []string{"base_version", "base_status", "base_need", "base_note", "base_owner", "owner"} {
		v, _ := form.Find(`input[name="` + name + `"]`).Attr("value")
		values.Set(name, v)
	}
	values.Set("note", form.Find(`textarea[name="note"]`).Text())
	for _, name := range []string{"status", "need"} {
		v, _ := form.Find(`select[name="` + name + `"] option[selected]`).Attr("value")
		values.Set(name, v)
	}
	return action, values
}

// TestBilanzwerkstattRoundIsFilledByTwoAtOnce: the project group starts a
// round, fills an item, a second person's save of other fields merges, a
// save of the same field is refused with the other value shown and the
// typed one kept; bad input gets its message.
func TestBilanzwerkstattRoundIsFilledByTwoAtOnce(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	anna := staffBrowser(t, srv, "anna@i.de", domain.RoleProjektgruppe)
	ben := staffBrowser(t, srv, "ben@i.de", domain.RoleProjektgruppe)

	list := anna.get(checkBase)
	if list.StatusCode != http.StatusOK || !strings.Contains(list.Body, "Bilanzwerkstatt 17.03.2014") {
		t.Fatalf("the list does not show the demo's round: %d\n%s\n%s", list.StatusCode, list.Body, srv.Logs.String())
	}
	res := anna.post(checkBase, url.Values{"title": {"Zweite Bilanz"}, "held_on": {"2017-03-20"}, "template": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	roundPath := res.Header.Get("Location")
	page := anna.get(roundPath)
	if n := strings.Count(page.Body, `class="check-item"`); n != 51 {
		t.Errorf("the round asks %d items, want the standard's 51", n)
	}
	item := 1 // the first item of the standard template
	action, annaForm := checkItemForm(t, anna, roundPath, item)
	_, benForm := checkItemForm(t, ben, roundPath, item)

	annaForm.Set("status", domain.CheckMissing)
	annaForm.Set("note", "Keine Zahlen.")
	if res := anna.post(action, annaForm); res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "gespeichert=1") {
		t.Fatalf("Anna's save: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	// Ben, from the form he loaded before, sets who takes care: merged.
	benForm.Set("owner", "Hauptamt")
	res = ben.post(action, benForm)
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "zusammengefuehrt=1") {
		t.Fatalf("Ben's save of another field: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if merged := ben.get(res.Header.Get("Location")); !strings.Contains(merged.Body, "zusammengeführt") {
		t.Error("Ben is not told that his save was merged")
	}
	_, now := checkItemForm(t, anna, roundPath, item)
	if now.Get("status") != domain.CheckMissing || now.Get("note") != "Keine Zahlen." || now.Get("owner") != "Hauptamt" || now.Get("base_version") != "2" {
		t.Errorf("after both saves the item holds %v", now)
	}
	// Ben, still from his old form, rewrites the note Anna wrote: refused.
	benForm.Set("note", "Zahlen gibt es beim Landesamt.")
	res = ben.post(action, benForm)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("Ben's stale save of Anna's field: %d, want 409", res.StatusCode)
	}
	if !strings.Contains(res.Body, "„Keine Zahlen.“") || !strings.Contains(res.Body, "Zahlen gibt es beim Landesamt.</textarea>") {
		t.Errorf("the refused save does not show Anna's value beside Ben's typed one:\n%s", res.Body[strings.Index(res.Body, `id="punkt-1"`):][:3000])
	}
	// The page he got keeps Anna's status (he changed none) and his note;
	// saving it replaces the note on purpose and loses nothing else.
	refused := res.doc(t).Find(`#punkt-1 form`)
	if v, _ := refused.Find(`select[name="status"] option[selected]`).Attr("value"); v != domain.CheckMissing {
		t.Errorf("the refused form shows status %q, want Anna's %q", v, domain.CheckMissing)
	}
	again := url.Values{"note": {refused.Find("textarea").Text()}, "status": {domain.CheckMissing}}
	for _, name := range []string{"base_version", "base_status", "base_need", "base_note", "base_owner", "owner"} {
		v, _ := refused.Find(`input[name="` + name + `"]`).Attr("value")
		again.Set(name, v)
	}
	if res := ben.post(action, again); res.StatusCode != http.StatusSeeOther {
		t.Errorf("Ben's deliberate save: %d", res.StatusCode)
	}
	if _, after := checkItemForm(t, anna, roundPath, item); after.Get("note") != "Zahlen gibt es beim Landesamt." || after.Get("status") != domain.CheckMissing || after.Get("owner") != "Hauptamt" {
		t.Errorf("after Ben's deliberate save the item holds %v", after)
	}
	// The summary counts it.
	summary := anna.get(roundPath).doc(t).Find(`table.data-table tbody tr`).First().Find("td")
	if summary.Eq(2).Text() != "1" {
		t.Errorf("the summary counts %q items missing in field 1, want 1", summary.Eq(2).Text())
	}

	// JSON asked: the conflict as JSON.
	benForm.Set("note", "Noch eine andere Notiz.")
	req, _ := http.NewRequest(http.MethodPost, srv.URL+action, strings.NewReader(benForm.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	res = ben.do(req)
	var body struct {
		Error   string
		Current domain.CheckValues
	}
	if res.StatusCode != http.StatusConflict || json.Unmarshal([]byte(res.Body), &body) != nil || body.Current.Note != "Zahlen gibt es beim Landesamt." || body.Error == "" {
		t.Errorf("conflict as JSON: %d %s", res.StatusCode, res.Body)
	}

	// Nasty input.
	_, fresh := checkItemForm(t, anna, roundPath, 2)
	for name, change := range map[string][2]string{
		"status not in the list": {"status", "super"},
		"need not in the list":   {"need", "sofort"},
		"note too long":          {"note", strings.Repeat("x", domain.MaxCheckNote+1)},
		"control character":      {"owner", "Amt\x07"},
		"invalid UTF-8":          {"note", "\xff\xfe"},
	} {
		form := url.Values{}
		for k, v := range fresh {
			form[k] = v
		}
		form.Set(change[0], change[1])
		if res := anna.post(strings.Replace(action, "/punkte/1", "/punkte/2", 1), form); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", name, res.StatusCode)
		}
	}
	// A save refused for its problems keeps the version it started from:
	// corrected, it still meets what someone else saved meanwhile.
	_, anna2 := checkItemForm(t, anna, roundPath, 3)
	_, ben2 := checkItemForm(t, ben, roundPath, 3)
	ben2.Set("note", "Bens Notiz")
	item3 := strings.Replace(action, "/punkte/1", "/punkte/3", 1)
	if res := ben.post(item3, ben2); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("Ben's save of item 3: %d", res.StatusCode)
	}
	anna2.Set("note", "Annas Notiz")
	anna2.Set("owner", "Amt\x07")
	res = anna.post(item3, anna2)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("Anna's invalid save: %d", res.StatusCode)
	}
	corrected := res.doc(t).Find(`#punkt-3 form.check-form`)
	again3 := url.Values{"note": {corrected.Find("textarea").Text()}, "owner": {"Amt"}}
	for _, name := range []string{"base_version", "base_status", "base_need", "base_note", "base_owner"} {
		v, _ := corrected.Find(`input[name="` + name + `"]`).Attr("value")
		again3.Set(name, v)
	}
	if res := anna.post(item3, again3); res.StatusCode != http.StatusConflict {
		t.Errorf("Anna's corrected save over Ben's note: %d, want 409 (not a silent overwrite)", res.StatusCode)
	}
	bad := url.Values{}
	for k, v := range fresh {
		bad[k] = v
	}
	bad.Set("base_version", "neu")
	if res := anna.post(strings.Replace(action, "/punkte/1", "/punkte/2", 1), bad); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a base version that is no number: %d, want 400", res.StatusCode)
	}
	if res := anna.post(checkBase, url.Values{"title": {""}, "held_on": {"17.03.2014"}, "template": {"1"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a round without title and with a German date: %d, want 422", res.StatusCode)
	}
	if res := anna.post(checkBase, url.Values{"title": {"X"}, "held_on": {"2017-03-20"}, "template": {"999"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a round from a template that does not exist: %d, want 422", res.StatusCode)
	}
	for _, path := range []string{checkBase + "/999999", checkBase + "/abc", roundPath + "/punkte/999999"} {
		var res response
		if strings.Contains(path, "/punkte/") {
			res = anna.post(path, fresh)
		} else {
			res = anna.get(path)
		}
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
	}
}

// TestBilanzwerkstattResult: the demo's round of 17 March 2014 as a heat
// map with its table, the items with need the most urgent first, and as
// CSV (safe to open) and JSON with every item.
func TestBilanzwerkstattResult(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	// A note a spreadsheet would run as a formula.
	_, form := checkItemForm(t, pg, checkBase+"/1", 2)
	form.Set("note", "=HYPERLINK(\"http://example.com\")")
	form.Set("need", domain.NeedLong)
	action := checkBase + "/1/punkte/2"
	if res := pg.post(action, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	res := pg.get(checkBase + "/1/ergebnis")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("result: %d", res.StatusCode)
	}
	doc := res.doc(t)
	if n := doc.Find("svg.chart--heat rect.heat__cell").Length(); n != 25 {
		t.Errorf("the heat map has %d cells, want 5 fields × 5 columns", n)
	}
	if desc := doc.Find("svg.chart--heat desc").Text(); !strings.Contains(desc, "Feld 1: dringend 1, mittelfristig 2, langfristig 1, kein Bedarf 0, offen 7; Feld 2: dringend 1, mittelfristig 1, langfristig 0, kein Bedarf 1, offen 7") {
		t.Errorf("the heat map's text alternative reads %q", desc)
	}
	needs := doc.Find(".need-item__need strong").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if len(needs) != 12 || needs[0] != "dringend" || needs[4] != "dringend" || needs[5] != "mittelfristig" || needs[11] != "langfristig" {
		t.Errorf("items with need in this order: %v", needs)
	}
	csvRes := pg.get(checkBase + "/1/ergebnis.csv")
	lines := strings.Split(strings.TrimSpace(csvRes.Body), "\r\n")
	if csvRes.Header.Get("Content-Type") != "text/csv; charset=utf-8" || len(lines) != 52 || lines[0] != strings.Join([]string{"field", "field_title", "topic", "item", "question", "status", "need", "note", "owner", "updated_at"}, ",") {
		t.Fatalf("CSV: %s, %d lines, header %q", csvRes.Header.Get("Content-Type"), len(lines), lines[0])
	}
	if strings.Contains(csvRes.Body, ",=HYPERLINK") {
		t.Error("the CSV hands a formula to the spreadsheet")
	}
	var export struct {
		Round string
		Items []map[string]string
	}
	jsonRes := pg.get(checkBase + "/1/ergebnis.json")
	if err := json.Unmarshal([]byte(jsonRes.Body), &export); err != nil || export.Round != "Bilanzwerkstatt 17.03.2014" || len(export.Items) != 51 {
		t.Fatalf("JSON: %v, %q, %d items", err, export.Round, len(export.Items))
	}
	if export.Items[5]["need"] != domain.NeedUrgent || export.Items[5]["owner"] != "Projektgruppe" {
		t.Errorf("JSON item 1.6: %v", export.Items[5])
	}
}

// TestBilanzwerkstattItemBecomesAChallenge: an item with need of the demo's
// round becomes a challenge of its action field, linked both ways, and the
// concept takes it with the workshops' challenges.
func TestBilanzwerkstattItemBecomesAChallenge(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	item := 6 // 1.6, "mitreden", dringend in the demo
	question := "Können Bürgerinnen und Bürger aller Altersgruppen bei wichtigen Vorhaben mitreden, bevor entschieden ist?"
	action := fmt.Sprintf("%s/1/punkte/%d/herausforderung", checkBase, item)
	res := pg.post(action, nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("make a challenge: %d %s", res.StatusCode, res.Body)
	}
	round := pg.get(res.Header.Get("Location")).doc(t)
	link, ok := round.Find(fmt.Sprintf(`#punkt-%d a[href*="/beitraege/"]`, item)).Attr("href")
	if !ok {
		t.Fatal("the item does not link to its challenge")
	}
	if again := pg.post(action, nil); again.StatusCode != http.StatusSeeOther {
		t.Errorf("the second time: %d", again.StatusCode)
	}
	if n := pg.get(checkBase + "/1").doc(t).Find(fmt.Sprintf(`#punkt-%d a[href="%s"]`, item, link)).Length(); n != 1 {
		t.Error("making it a challenge twice made a second one")
	}
	challenge := pg.get(link)
	if challenge.StatusCode != http.StatusOK || !strings.Contains(challenge.Body, question) ||
		!strings.Contains(challenge.Body, fmt.Sprintf(`/bilanz/1#punkt-%d">Bilanzwerkstatt 17.03.2014</a>`, item)) {
		t.Fatalf("the challenge's page does not link back to the round: %d", challenge.StatusCode)
	}
	// The challenge is the project group's: not on the public pages, not
	// in the open data, and without the round's internal note.
	id := link[strings.LastIndex(link, "/")+1:]
	anyone := newCitizen(t, srv)
	if res := anyone.get(processPath + "/ideen/" + id); res.StatusCode != http.StatusNotFound {
		t.Errorf("the public idea page of a Bilanz challenge: %d, want 404", res.StatusCode)
	}
	for _, export := range []string{"/daten/beitraege.csv", "/daten/beitraege.json"} {
		if res := anyone.get(processPath + export); strings.Contains(res.Body, question) {
			t.Errorf("%s lists the Bilanz challenge", export)
		}
	}
	if strings.Contains(challenge.Body, "Bürgerversammlungen gibt es, eine frühe Beteiligung nicht.") {
		t.Error("the challenge carries the round's note")
	}
	// Without need: refused.
	if res := pg.post(fmt.Sprintf("%s/1/punkte/%d/herausforderung", checkBase, 2), nil); res.StatusCode != http.StatusConflict {
		t.Errorf("an item without need: %d, want 409", res.StatusCode)
	}
	// The concept takes it: a draft, then "take the challenges" of field 1.
	concept := "/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/konzept"
	if res := pg.post(concept, url.Values{"action": {"revision"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("start a revision: %d", res.StatusCode)
	}
	versions, _ := srv.Store.ConceptVersions(t.Context(), 1)
	fields, _ := srv.Store.ActionFields(t.Context(), 1)
	res = pg.post(concept, url.Values{"action": {"challenges_take"}, "version": {fmt.Sprint(versions[0].ID)}, "field": {fmt.Sprint(fields[0].ID)}, "challenges": {""}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("take the challenges: %d %s", res.StatusCode, res.Body)
	}
	if page := pg.get(concept); !strings.Contains(page.Body, "– "+question) {
		t.Error("the concept's challenges of field 1 do not name the item")
	}
}

// TestBilanzwerkstattLaterRoundStartsAsACopy: the quality review three years
// on continues the Bilanzwerkstatt: it starts with its answers, and the
// result shows item by item what moved. A round of another process or
// another town cannot be continued.
func TestBilanzwerkstattLaterRoundStartsAsACopy(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	secondTown(t, srv)
	foreign := checkRoundIn(t, srv, "musterstadt")
	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	if selected, _ := pg.get(checkBase).doc(t).Find(`#previous option[selected]`).Attr("value"); selected != "1" {
		t.Errorf("the form continues round %q by default, want the newest (1)", selected)
	}
	res := pg.post(checkBase, url.Values{"title": {"Qualitätssicherung 2017"}, "held_on": {"2017-03-20"}, "template": {"1"}, "previous": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	round := res.Header.Get("Location")
	_, form := checkItemForm(t, pg, round, 6) // 1.6: teilweise, dringend in the demo
	if form.Get("status") != domain.CheckPartial || form.Get("need") != domain.NeedUrgent || form.Get("owner") != "Projektgruppe" {
		t.Fatalf("the later round did not start from the earlier one's answer: %v", form)
	}
	form.Set("status", domain.CheckPresent)
	form.Set("need", domain.NeedNone)
	if res := pg.post(strings.TrimSuffix(round, "/")+"/punkte/6", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	page := pg.get(round).doc(t)
	if before := page.Find("#punkt-6 .check-item__before").Text(); !strings.Contains(before, "Bilanzwerkstatt 17.03.2014") || !strings.Contains(before, "teilweise · dringend") {
		t.Errorf("the item does not show what it was: %q", before)
	}
	if page.Find("#punkt-1 .check-item__before").Length() != 0 {
		t.Error("an item that did not move shows its earlier answer as a change")
	}
	result := pg.get(round + "/ergebnis").Body
	if !strings.Contains(result, "Was sich seit „Bilanzwerkstatt 17.03.2014“ verändert hat") || !strings.Contains(result, "teilweise → vorhanden") ||
		!strings.Contains(result, "dringend → kein Bedarf") {
		t.Error("the result does not show what moved")
	}
	if n := strings.Count(result, "→ vorhanden"); n != 1 {
		t.Errorf("%d items moved to vorhanden, want 1", n)
	}
	for _, previous := range []string{fmt.Sprint(foreign), "999999"} {
		res := pg.post(checkBase, url.Values{"title": {"Falsch"}, "held_on": {"2017-03-20"}, "template": {"1"}, "previous": {previous}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("continuing round %s: %d, want 422", previous, res.StatusCode)
		}
	}
}

// upload posts a file as the template import form does.
func upload(t *testing.T, c *citizen, path, name string, data []byte, fields map[string]string) response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, _ := w.CreateFormFile("file", name)
	part.Write(data)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.srv.URL+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// TestCheckTemplatesExportAndImport: an installation admin downloads the
// standard as JSON and CSV and reads both back in as new templates; a
// broken file stores nothing and names its bad lines; only installation
// admins may.
func TestCheckTemplatesExportAndImport(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "root@zw.de", "Root", true)
	root := newCitizen(t, srv)
	root.login("root@zw.de")
	town := staffBrowser(t, srv, "admin@i.de", domain.RoleAdmin)

	jsonFile := root.get("/intern/vorlagen/1/vorlage.json")
	csvFile := root.get("/intern/vorlagen/1/vorlage.csv")
	if jsonFile.StatusCode != http.StatusOK || csvFile.StatusCode != http.StatusOK || !strings.HasPrefix(csvFile.Body, "field,field_title,topic,question,hint") {
		t.Fatalf("downloads: %d %d %.60q", jsonFile.StatusCode, csvFile.StatusCode, csvFile.Body)
	}
	if res := upload(t, root, "/intern/vorlagen", "standard.csv", []byte(csvFile.Body), map[string]string{"slug": "kopie-csv", "title": "Kopie aus CSV"}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("CSV import: %d %s", res.StatusCode, res.Body)
	}
	asJSON := strings.Replace(jsonFile.Body, `"slug":"zukunftswerk-standard"`, `"slug":"kopie-json"`, 1)
	if res := upload(t, root, "/intern/vorlagen", "standard.json", []byte(asJSON), nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("JSON import: %d %s", res.StatusCode, res.Body)
	}
	list := root.get("/intern/vorlagen").Body
	for _, title := range []string{"Kopie aus CSV", "Wo stehen wir? (Standard)"} {
		if !strings.Contains(list, title) {
			t.Errorf("the list lacks %q", title)
		}
	}
	if n := strings.Count(list, "51 Punkte"); n != 3 {
		t.Errorf("%d templates with 51 items, want the standard and its two copies", n)
	}
	templates, _ := srv.Store.CheckTemplates(t.Context())

	// A broken file: nothing stored, every bad line named.
	broken := "field;field_title;topic;question;hint\n1;Wohnen;T;Gut?;\nx;Wohnen;T;Frage?;\n1;Wohnen;T;;\n"
	res := upload(t, root, "/intern/vorlagen", "kaputt.csv", []byte(broken), map[string]string{"slug": "kaputt", "title": "Kaputt"})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "Zeile 3:") || !strings.Contains(res.Body, "Zeile 4:") || strings.Contains(res.Body, "Zeile 2:") {
		t.Errorf("a broken CSV: %d", res.StatusCode)
	}
	for name, c := range map[string]struct {
		data   string
		fields map[string]string
	}{
		"the slug taken":     {csvFile.Body, map[string]string{"slug": "kopie-csv", "title": "Noch eine"}},
		"a CSV without slug": {csvFile.Body, map[string]string{"title": "Ohne"}},
		"broken JSON":        {`{"slug":"x"`, nil},
	} {
		if res := upload(t, root, "/intern/vorlagen", "f", []byte(c.data), c.fields); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", name, res.StatusCode)
		}
	}
	if after, _ := srv.Store.CheckTemplates(t.Context()); len(after) != len(templates) {
		t.Errorf("refused files stored %d templates", len(after)-len(templates))
	}
	// A town's admin is not the installation's.
	for _, path := range []string{"/intern/vorlagen", "/intern/vorlagen/1/vorlage.json", "/intern/vorlagen/1/vorlage.csv"} {
		if res := town.get(path); res.StatusCode != http.StatusForbidden {
			t.Errorf("a town's admin GET %s: %d, want 403", path, res.StatusCode)
		}
	}
	if res := upload(t, town, "/intern/vorlagen", "standard.csv", []byte(csvFile.Body), map[string]string{"slug": "fremd", "title": "Fremd"}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a town's admin imports: %d, want 403", res.StatusCode)
	}
	if res := root.get("/intern/vorlagen/999/vorlage.json"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a template that does not exist: %d", res.StatusCode)
	}
}
