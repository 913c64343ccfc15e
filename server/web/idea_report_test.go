package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"zukunftswerk/server/testutil"
)

func TestReportedIdeaDisappearsEverywhere(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	author := newCitizen(t, srv)
	path := author.submit(author.validIdea("Kaufen Sie billige Uhren"))
	id := path[strings.LastIndex(path, "/")+1:]
	apiIdea := apiProcess + "/ideas/" + id

	report := url.Values{"reason": {"spam"}, "note": {"Werbung"}}
	first := newCitizen(t, srv)
	first.post(processPath+"/ideen/1/unterstuetzung", url.Values{"support": {"1"}}) // establishes the device
	// One device reporting many times, also at once, counts once.
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ { // 5 + 4 more reports stay under the 10 per address
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, srv.URL+path+"/meldung", strings.NewReader(report.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if res, err := first.client.Do(req); err == nil {
				res.Body.Close()
			}
		}()
	}
	wg.Wait()
	res := first.post(path+"/meldung", report)
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "gemeldet=1") {
		t.Fatalf("report: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if !strings.Contains(first.get(res.Header.Get("Location")).Body, "Danke für Ihre Meldung") {
		t.Error("no thank-you notice after reporting")
	}
	newCitizen(t, srv).post(path+"/meldung", report)
	if res := author.get(path); res.StatusCode != http.StatusOK {
		t.Fatalf("after two of three reports the idea is gone already: %d", res.StatusCode)
	}

	newCitizen(t, srv).post(path+"/meldung", url.Values{"reason": {"sonstiges"}})
	reader := newCitizen(t, srv)
	checks := map[string]func() bool{
		"idea page": func() bool { return reader.get(path).StatusCode == http.StatusNotFound },
		"idea list": func() bool { return !strings.Contains(author.get(processPath+"/ideen").Body, "billige Uhren") },
		"search": func() bool {
			return author.get(processPath+"/ideen?suche=billige").doc(t).Find(".idea-card").Length() == 0
		},
		"process page": func() bool { return !strings.Contains(author.get(processPath+"/").Body, "billige Uhren") },
		"API idea":     func() bool { return reader.sendJSON("GET", apiIdea, "").StatusCode == http.StatusNotFound },
		"API list": func() bool {
			return !strings.Contains(author.sendJSON("GET", apiProcess+"/ideas?q=billige", "").Body, "Uhren")
		},
		"count": func() bool {
			var list struct{ Total int }
			json.Unmarshal([]byte(author.sendJSON("GET", apiProcess+"/ideas", "").Body), &list)
			return list.Total == 14
		},
		"support": func() bool {
			return author.post(path+"/unterstuetzung", url.Values{"support": {"1"}}).StatusCode == http.StatusNotFound
		},
		"report": func() bool { return newCitizen(t, srv).post(path+"/meldung", report).StatusCode == http.StatusNotFound },
	}
	for name, hidden := range checks {
		if !hidden() {
			t.Errorf("after three reports the idea still shows in: %s", name)
		}
	}
	// Its author is told why it is gone, on the idea page and in the overview.
	own := author.get(path)
	if own.StatusCode != http.StatusOK || !strings.Contains(own.Body, "Ihre Idee ist ausgeblendet: Dieser Beitrag wurde mehrfach gemeldet") {
		t.Errorf("author's view of the hidden idea: %d", own.StatusCode)
	}
	if own.doc(t).Find("form.support").Length() != 0 {
		t.Error("a hidden idea offers support")
	}
	mine := author.get("/meine-beitraege").Body
	if !strings.Contains(mine, "Ausgeblendet: Dieser Beitrag wurde mehrfach gemeldet") {
		t.Error("the author does not see that the idea is hidden and why")
	}
	var export struct {
		Contributions []struct {
			Visibility   string `json:"visibility"`
			HiddenReason string `json:"hidden_reason"`
		} `json:"contributions"`
	}
	json.Unmarshal([]byte(author.get("/meine-beitraege/export.json").Body), &export)
	if len(export.Contributions) != 1 || export.Contributions[0].Visibility != "hidden" || export.Contributions[0].HiddenReason != "reported" {
		t.Errorf("author's export: %+v", export)
	}
}

func TestReportFormValidation(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	tests := []struct {
		name string
		form url.Values
		want string
	}{
		{"no reason", url.Values{}, "Bitte wählen Sie einen Grund"},
		{"unknown reason", url.Values{"reason": {"<script>"}}, "Bitte wählen Sie einen Grund"},
		{"note too long", url.Values{"reason": {"spam"}, "note": {strings.Repeat("ö", 501)}}, "höchstens 500 Zeichen"},
		{"control characters", url.Values{"reason": {"spam"}, "note": {"a\x1bb"}}, "Zeichen, die wir nicht speichern können"},
	}
	for _, tt := range tests {
		res := c.post(processPath+"/ideen/1/meldung", tt.form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, tt.want) {
			t.Errorf("%s: %d, want 422 with %q", tt.name, res.StatusCode, tt.want)
		}
		if open, _ := res.doc(t).Find("details.report").Attr("open"); open == "" && !res.doc(t).Find("details.report").Is("[open]") {
			t.Errorf("%s: the report form is not open to show the problem", tt.name)
		}
	}
	if res := c.post(processPath+"/ideen/99999/meldung", url.Values{"reason": {"spam"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("report of a missing idea: %d", res.StatusCode)
	}
}

// A script that drops its cookie is a new device every time; the limit per
// client address stops it from hiding ideas at will.
func TestReportsAreLimitedPerClient(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"REPORT_THRESHOLD": "50"}})
	limited := 0
	for i := 0; i < 15; i++ {
		res := newCitizen(t, srv).post(processPath+"/ideen/1/meldung", url.Values{"reason": {"spam"}})
		if res.StatusCode == http.StatusTooManyRequests {
			limited++
			if res.Header.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
		}
	}
	if limited != 5 {
		t.Errorf("%d of 15 cookie-less reports from one address were refused, want 5", limited)
	}
	if strings.Contains(srv.Logs.String(), "127.0.0.1") {
		t.Error("the client address reached the logs")
	}
}
