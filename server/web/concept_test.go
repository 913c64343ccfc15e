package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/notify"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

const staffProcess = "/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten"

// ideaID is the number at the end of an idea's path.
func ideaID(t *testing.T, path string) string {
	t.Helper()
	id := path[strings.LastIndex(path, "/")+1:]
	if _, err := strconv.Atoi(id); err != nil {
		t.Fatalf("no idea id in %q", path)
	}
	return id
}

// mailbox is the notify.Mailer of the tests: it keeps what was sent.
type mailbox struct {
	mu   sync.Mutex
	sent []string // "to|subject|body"
}

func (m *mailbox) Send(_ context.Context, to, subject, body string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, to+"|"+subject+"|"+body)
	return nil
}

// The Strategiewerkstatt over HTTP: merge duplicates, a measure from ideas,
// the concept through to the council's decision, the trail, the PDF, the
// open data and the e-mail to the citizen who asked for it.
func TestFromIdeasToAdoptedMeasure(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "pg@i.de", "Projektgruppe", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleProjektgruppe})
	citizenA, citizenB := newCitizen(t, srv), newCitizen(t, srv)
	formA := citizenA.validIdea("Backofen für alle")
	formA.Set("notify_email", "Ada@Example.org")
	ideaA := ideaID(t, citizenA.submit(formA))
	ideaB := ideaID(t, citizenB.submit(citizenB.validIdea("Gemeinsames Backen <script>alert(1)</script>")))
	ideaC := ideaID(t, citizenB.submit(citizenB.validIdea("=HYPERLINK(\"http://evil\") Brotzeit")))
	citizenB.post(processPath+"/ideen/"+ideaA+"/unterstuetzung", url.Values{"support": {"1"}})
	citizenB.post(processPath+"/ideen/"+ideaB+"/unterstuetzung", url.Values{"support": {"1"}})

	pg := newCitizen(t, srv)
	pg.login("pg@i.de")
	board := pg.get(staffProcess + "/kuratierung?q=backen")
	if board.StatusCode != http.StatusOK {
		t.Fatalf("board: %d", board.StatusCode)
	}
	if strings.Contains(board.Body, "<script>alert(1)") || !strings.Contains(board.Body, "&lt;script&gt;alert(1)") {
		t.Error("the board does not escape a contribution's title")
	}

	// Bad bulk requests get a clear answer and change nothing.
	for name, form := range map[string]url.Values{
		"no selection":   {"action": {"theme"}, "theme": {"Backen"}},
		"no survivor":    {"action": {"merge"}, "id": {ideaA, ideaB}},
		"no reason":      {"action": {"decide"}, "id": {ideaC}, "decision": {"abgelehnt"}},
		"no decision":    {"action": {"decide"}, "id": {ideaC}, "decision": {""}},
		"theme too long": {"action": {"theme"}, "id": {ideaC}, "theme": {strings.Repeat("x", 61)}},
	} {
		if res := pg.post(staffProcess+"/kuratierung", form); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `role="alert"`) {
			t.Errorf("%s: %d, want 422 with a message", name, res.StatusCode)
		}
	}
	for name, form := range map[string]url.Values{
		"id not a number": {"action": {"theme"}, "id": {"abc"}},
		"unknown action":  {"action": {"drop"}, "id": {ideaC}},
	} {
		if res := pg.post(staffProcess+"/kuratierung", form); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", name, res.StatusCode)
		}
	}
	if res := pg.post(staffProcess+"/kuratierung", url.Values{"action": {"merge"}, "id": {ideaA, "999999"}, "survivor": {ideaA}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("merging an unknown idea: %d, want 404", res.StatusCode)
	}

	// Merge B into A.
	res := pg.post(staffProcess+"/kuratierung", url.Values{"action": {"merge"}, "id": {ideaA, ideaB}, "survivor": {ideaA}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge: %d\n%s", res.StatusCode, res.Body)
	}
	redirect := citizenB.get(processPath + "/ideen/" + ideaB)
	if redirect.StatusCode != http.StatusSeeOther || !strings.Contains(redirect.Header.Get("Location"), "/ideen/"+ideaA) {
		t.Errorf("merged idea: %d → %q, want a redirect to the survivor", redirect.StatusCode, redirect.Header.Get("Location"))
	}
	survivor := citizenB.get(processPath + "/ideen/" + ideaA)
	mustContain(t, survivor.Body, "Gemeinsames Backen &lt;script&gt;")
	if got := survivor.doc(t).Find(".support__count").Text(); got != "1" {
		t.Errorf("survivor counts %q supports, want 1 (the same device supported both)", got)
	}

	// Create the measure in a Fortschreibung from A and C.
	if res := pg.post(staffProcess+"/konzept", url.Values{"action": {"revision"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revision: %d\n%s", res.StatusCode, res.Body)
	}
	res = pg.post(staffProcess+"/kuratierung", url.Values{"action": {"measure"}, "id": {ideaA, ideaC}})
	form := pg.get(res.Header.Get("Location"))
	if form.StatusCode != http.StatusOK {
		t.Fatalf("measure form: %d", form.StatusCode)
	}
	doc := form.doc(t)
	objective, _ := doc.Find(`select[name="objective"] option`).First().Attr("value")
	measure := url.Values{"objective": {objective}, "title": {"Backhaustag <b>im Herbst</b>"}, "description": {"Zweimal im Jahr."},
		"timing": {"kurzfristig"}, "priority": {"hoch"}, "recurrence": {"halbjaehrlich"}, "lead": {"Landfrauen"}}
	if n := doc.Find(`input[name="beitrag"]`).Length(); n != 2 {
		t.Errorf("the measure form carries %d selected contributions, want 2", n)
	}
	measure["beitrag"] = []string{ideaA, ideaC}
	tooLong := url.Values{}
	for k, v := range measure {
		tooLong[k] = v
	}
	tooLong.Set("title", strings.Repeat("M", 161))
	if res := pg.post(staffProcess+"/konzept/massnahmen", tooLong); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("measure with a 161-character title: %d, want 422", res.StatusCode)
	}
	res = pg.post(staffProcess+"/konzept/massnahmen", measure)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create measure: %d\n%s", res.StatusCode, res.Body)
	}
	if res := citizenA.get(processPath + "/handlungskonzept/vergleich?von=1&zu=2"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a draft compared in public: %d, want 404", res.StatusCode)
	}
	// Through the workflow to the council.
	page := pg.get(staffProcess + "/konzept").doc(t)
	version, _ := page.Find(`input[name="version"]`).First().Attr("value")
	for _, to := range []string{"abgestimmt", "vorgelegt"} {
		if res := pg.post(staffProcess+"/konzept", url.Values{"action": {"status"}, "version": {version}, "to": {to}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("to %s: %d\n%s", to, res.StatusCode, res.Body)
		}
	}
	if res := pg.post(staffProcess+"/konzept", url.Values{"action": {"decision"}, "version": {version}, "decided_on": {"gestern"}, "body": {""}, "result": {"angenommen"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("decision without date and body: %d, want 422", res.StatusCode)
	}
	res = pg.post(staffProcess+"/konzept", url.Values{"action": {"decision"}, "version": {version}, "decided_on": {"2027-03-16"},
		"body": {"Gemeinderat Ingersheim"}, "agenda_item": {"TOP 7"}, "result": {"angenommen"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("decision: %d\n%s", res.StatusCode, res.Body)
	}
	if res := pg.post(staffProcess+"/konzept", url.Values{"action": {"leitbild"}, "version": {version}, "leitbild": {"neu"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("editing the adopted version: %d, want 409", res.StatusCode)
	}

	// The citizen's idea shows its trail.
	trail := citizenA.get(processPath + "/ideen/" + ideaA).doc(t).Find(".trail").Text()
	for _, want := range []string{"Online eingereicht", "Aufgenommen in", "Backhaustag <b>im Herbst</b>", "Vom Gemeinderat beschlossen am 16. März 2027", "Umsetzungsstand: geplant", "Zusammengeführt mit 1"} {
		if !strings.Contains(trail, want) {
			t.Errorf("trail lacks %q:\n%s", want, trail)
		}
	}
	// The public concept and the measure page.
	concept := citizenA.get(processPath + "/handlungskonzept")
	mustContain(t, concept.Body, "Backhaustag &lt;b&gt;im Herbst&lt;/b&gt;")
	mustContain(t, concept.Body, "Version 2")
	// Citizens see what the Fortschreibung changed.
	diff := citizenA.get(processPath + "/handlungskonzept/vergleich?von=1&zu=2")
	if diff.StatusCode != http.StatusOK {
		t.Fatalf("public diff: %d", diff.StatusCode)
	}
	if rows := diff.doc(t).Find("tbody tr").Text(); !strings.Contains(rows, "neu") || !strings.Contains(rows, "Backhaustag <b>im Herbst</b>") {
		t.Errorf("public diff rows:\n%s", rows)
	}
	if _, ok := concept.doc(t).Find(`a[href*="/handlungskonzept/vergleich?von=1&zu=2"]`).Attr("href"); !ok {
		t.Error("the concept page does not link the comparison with the previous version")
	}
	for q, want := range map[string]int{"von=1&zu=99": http.StatusNotFound, "von=eins&zu=2": http.StatusBadRequest, "zu=2": http.StatusBadRequest} {
		if res := citizenA.get(processPath + "/handlungskonzept/vergleich?" + q); res.StatusCode != want {
			t.Errorf("diff ?%s: %d, want %d", q, res.StatusCode, want)
		}
	}
	link, _ := concept.doc(t).Find(`h4 a:contains("im Herbst")`).Attr("href")
	measurePage := citizenA.get(link)
	if measurePage.StatusCode != http.StatusOK {
		t.Fatalf("measure page %q: %d", link, measurePage.StatusCode)
	}
	mustContain(t, measurePage.Body, "Backofen für alle")
	mustContain(t, measurePage.Body, "1 Unterstützung")

	// Apps see the same through the API (responses checked against the schema).
	k := newContract(t, srv.URL)
	merged := decode[struct {
		MergedInto int64  `json:"merged_into"`
		Status     string `json:"status"`
	}](t, k.call(citizenB, "GET", apiProcess+"/ideas/"+ideaB, "").Body)
	if strconv.FormatInt(merged.MergedInto, 10) != ideaA || merged.Status != domain.StatusMerged {
		t.Errorf("merged idea in the API: %+v", merged)
	}
	taken := decode[struct {
		Measures []struct{ Title, AdoptedOn string } `json:"measures"`
	}](t, k.call(citizenA, "GET", apiProcess+"/ideas/"+ideaA, "").Body)
	if len(taken.Measures) != 1 || taken.Measures[0].Title != "Backhaustag <b>im Herbst</b>" {
		t.Errorf("taken idea in the API: %+v", taken)
	}

	// The PDF names the measure and the ideas it came from.
	pdfRes := citizenA.get(processPath + "/handlungskonzept.pdf")
	if pdfRes.StatusCode != http.StatusOK || pdfRes.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: %d %s", pdfRes.StatusCode, pdfRes.Header.Get("Content-Type"))
	}
	text := testutil.PDFText(t, []byte(pdfRes.Body))
	for _, want := range []string{"Handlungskonzept", "Inhalt", "Backhaustag <b>im Herbst</b>", "Backofen für alle", "Brotzeit", "Gemeinderat Ingersheim"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if old := testutil.PDFText(t, []byte(citizenA.get(processPath+"/handlungskonzept.pdf?version=1").Body)); strings.Contains(old, "im Herbst") {
		t.Error("version 1's PDF shows a measure of version 2")
	}

	// Open data: no personal data, formulas defused.
	js := citizenA.get(processPath + "/daten/beitraege.json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(js.Body), &rows); err != nil || len(rows) < 17 {
		t.Fatalf("contributions JSON: %v, %d rows", err, len(rows))
	}
	for _, leak := range []string{"ada@example.org", "pseudonym", "device", "notify"} {
		if strings.Contains(strings.ToLower(js.Body), leak) {
			t.Errorf("open data contains %q", leak)
		}
	}
	records, err := csv.NewReader(strings.NewReader(citizenA.get(processPath + "/daten/beitraege.csv").Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		if strings.HasPrefix(r[3], "=") {
			t.Errorf("CSV cell starts a formula: %q", r[3])
		}
	}
	measures := citizenA.get(processPath + "/daten/massnahmen.json")
	if !strings.Contains(measures.Body, `"source_contributions"`) || !strings.Contains(measures.Body, "im Herbst") {
		t.Errorf("measures JSON: %s", measures.Body[:min(300, len(measures.Body))])
	}
	if res := citizenA.get(processPath + "/daten/passwoerter.csv"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown export: %d", res.StatusCode)
	}

	// The citizen who gave an address gets one e-mail per change of status.
	box := &mailbox{}
	sender := &notify.Sender{Store: srv.Store, Mailer: box, Log: slog.New(slog.DiscardHandler), BaseURL: "https://beteiligung.example.de",
		Text: func(key string, args ...any) string { return fmt.Sprint(append([]any{key}, args...)...) }}
	if _, err := sender.SendPending(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(box.sent) != 1 || !strings.HasPrefix(box.sent[0], "ada@example.org|") || !strings.Contains(box.sent[0], "https://beteiligung.example.de"+processPath+"/ideen/"+ideaA) {
		t.Errorf("mails: %q", box.sent)
	}
	id, _ := strconv.ParseInt(ideaA, 10, 64)
	notes, _ := srv.Store.Notifications(context.Background(), id)
	if len(notes) != 1 || notes[0].Delivery != store.DeliverySent || notes[0].Status != domain.StatusTaken {
		t.Errorf("notifications of idea A: %+v", notes)
	}
	if n, _ := sender.SendPending(context.Background()); n != 0 || len(box.sent) != 1 {
		t.Errorf("a second run sent again: %d", n)
	}
}
