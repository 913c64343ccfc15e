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
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

func TestSubmitIdeaAndFindIt(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	form := c.validIdea("Sitzbänke am Neckarufer")
	form.Set("body", "Mehr Bänke zum Ausruhen.\n\nBesonders für Ältere.")
	form.Set("pseudonym", "Oma Erna")
	res := c.post(processPath+"/ideen", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303:\n%s", res.StatusCode, res.Body)
	}
	loc := res.Header.Get("Location")
	if !strings.HasPrefix(loc, processPath+"/ideen/") || !strings.HasSuffix(loc, "?eingereicht=1") {
		t.Fatalf("Location = %q", loc)
	}
	page := c.get(loc)
	doc := page.doc(t)
	if doc.Find("h1").Text() != "Sitzbänke am Neckarufer" {
		t.Errorf("idea page h1 = %q", doc.Find("h1").Text())
	}
	if doc.Find(".notice--success").Length() != 1 {
		t.Error("no thank-you notice after submitting")
	}
	if paragraphs := doc.Find("article.idea > p").Length(); paragraphs != 2 {
		t.Errorf("body rendered as %d paragraphs, want 2", paragraphs)
	}
	facts := doc.Find(".facts").Text()
	for _, want := range []string{"Oma Erna", "Demografie-Strategie", "eingereicht", "0"} {
		if !strings.Contains(facts, want) {
			t.Errorf("idea facts lack %q: %s", want, facts)
		}
	}
	// It is in the list, first among the newest, and found by search.
	list := c.get(processPath + "/ideen").doc(t)
	if first := list.Find(".idea-card__title").First().Text(); first != "Sitzbänke am Neckarufer" {
		t.Errorf("newest idea in list = %q", first)
	}
	found := c.get(processPath + "/ideen?suche=sitzbaenke").doc(t)
	if found.Find(".idea-card").Length() != 1 {
		t.Errorf("search for sitzbaenke found %d", found.Find(".idea-card").Length())
	}
}

func TestIdeaFormRejectsBadInputAndKeepsIt(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	tests := []struct {
		name       string
		change     func(url.Values)
		wantStatus int
		wantText   string
	}{
		{"missing title", func(f url.Values) { f.Set("title", "  ") }, 422, "Bitte geben Sie Ihrer Idee einen kurzen Titel."},
		{"10 KB title", func(f url.Values) { f.Set("title", strings.Repeat("Ä", 10240)) }, 422, "Der Titel ist zu lang"},
		{"invalid UTF-8", func(f url.Values) { f.Set("title", "Back\xc3\x28haus") }, 422, "Zeichen, die wir nicht speichern können"},
		{"control characters", func(f url.Values) { f.Set("body", "Ding\x07Dong") }, 422, "Zeichen, die wir nicht speichern können"},
		{"unknown action field", func(f url.Values) { f.Set("action_field", "9999") }, 422, "Bitte wählen Sie ein Handlungsfeld."},
		{"action field not a number", func(f url.Values) { f.Set("action_field", "1 OR 1=1") }, 422, "Bitte wählen Sie ein Handlungsfeld."},
		{"no privacy consent", func(f url.Values) { f.Del("privacy") }, 422, "Bitte bestätigen Sie den Datenschutzhinweis."},
		{"honeypot filled", func(f url.Values) { f.Set("website", "http://spam.example") }, 400, "Website"},
		{"tampered token", func(f url.Values) { f.Set("form_token", f.Get("form_token")+"x") }, 400, "Das Formular war abgelaufen"},
		{"missing token", func(f url.Values) { f.Del("form_token") }, 400, "Das Formular war abgelaufen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCitizen(t, srv)
			form := c.validIdea("Mein Titel bleibt erhalten")
			form.Set("body", "Mein Text bleibt auch erhalten")
			tt.change(form)
			res := c.post(processPath+"/ideen", form)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if !strings.Contains(res.Body, tt.wantText) {
				t.Errorf("page lacks %q", tt.wantText)
			}
			doc := res.doc(t)
			if body := doc.Find("textarea#body").Text(); !strings.Contains(body, "bleibt auch erhalten") && !strings.Contains(tt.name, "control") {
				t.Errorf("typed body lost: %q", body)
			}
			if token, _ := doc.Find(`input[name="form_token"]`).Attr("value"); token == "" {
				t.Error("re-rendered form has no token")
			}
		})
	}
	// None of these created an idea.
	page, err := srv.Store.Ideas(context.Background(), domain.IdeaQuery{ProcessID: 1, Page: 1, PerPage: 50})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 14 {
		t.Errorf("%d ideas after only bad submissions, want the 14 demo ideas", page.Total)
	}
}

func TestErrorSummaryLinksToFields(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	form := c.ideaForm()
	res := c.post(processPath+"/ideen", form)
	doc := res.doc(t)
	links := doc.Find(`[role="alert"] a`)
	if links.Length() != 3 {
		t.Fatalf("error summary has %d links, want 3 (field, title, privacy)", links.Length())
	}
	for _, id := range []string{"action_field", "title", "privacy"} {
		if doc.Find(`[role="alert"] a[href="#`+id+`"]`).Length() != 1 {
			t.Errorf("no summary link to #%s", id)
		}
		if inv, _ := doc.Find("#" + id).Attr("aria-invalid"); inv != "true" {
			t.Errorf("#%s not marked aria-invalid", id)
		}
	}
}

func TestMaliciousTextComesBackEscaped(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	payloads := []string{
		`<script>alert(1)</script>`,
		`"><img src=x onerror=alert(1)>`,
		`'; DROP TABLE contribution; --`,
		`javascript:alert(1)`,
		`مرحبا بالعالم ‮evil‬ 🎉👩‍👩‍👧`,
	}
	for i, p := range payloads {
		form := c.validIdea(p)
		form.Set("body", p+"\n\n"+p)
		form.Set("pseudonym", fmt.Sprintf("x%d<b>", i))
		path := c.submit(form)
		for _, page := range []string{path, processPath + "/ideen", processPath + "/"} {
			body := c.get(page).Body
			if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, "<b>") {
				t.Errorf("payload %d rendered unescaped on %s", i, page)
			}
		}
		// Stored as typed, but without bidi overrides, which would turn
		// around what follows the title on the page.
		want := strings.NewReplacer("\u202E", "", "\u202C", "").Replace(p)
		doc := c.get(path).doc(t)
		if got := doc.Find("h1").Text(); got != want {
			t.Errorf("payload %d title came back as %q", i, got)
		}
	}
	res := c.sendJSON("GET", "/api/v1/processes/ingersheim/heute-leben-morgen-gestalten/ideas?q=drop", "")
	if !strings.Contains(res.Body, `DROP TABLE contribution`) {
		t.Error("SQL metacharacters were not stored as text")
	}
}

func TestDoubleSubmitStoresOneIdea(t *testing.T) {
	// A rate limit above the number of taps: this test is about duplicates.
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"IDEA_RATE_PER_HOUR": "100"}})
	c := newCitizen(t, srv)
	form := c.validIdea("Doppelt getippt")
	first := c.submit(form)
	second := c.submit(form)
	if first != second {
		t.Fatalf("resend created %s besides %s", second, first)
	}
	// Twenty taps at once.
	form = c.validIdea("Zwanzigmal getippt")
	paths := make([]string, 20)
	var wg sync.WaitGroup
	for i := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, srv.URL+processPath+"/ideen", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := c.client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			paths[i] = res.Header.Get("Location")
			if res.StatusCode != http.StatusSeeOther {
				t.Errorf("tap %d: status %d", i, res.StatusCode)
			}
		}()
	}
	wg.Wait()
	for i := range paths {
		if paths[i] == "" || paths[i] != paths[0] {
			t.Fatalf("tap %d went to %q, tap 0 to %q", i, paths[i], paths[0])
		}
	}
	res := c.get(processPath + "/ideen?suche=zwanzigmal")
	if n := res.doc(t).Find(".idea-card").Length(); n != 1 {
		t.Errorf("%d ideas titled Zwanzigmal, want 1", n)
	}
}

func TestMinimumFillTime(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"MIN_FILL_SECONDS": "1"}})
	c := newCitizen(t, srv)
	form := c.validIdea("Zu schnell für einen Menschen")
	res := c.post(processPath+"/ideen", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "Das ging sehr schnell") {
		t.Fatalf("instant submit: %d", res.StatusCode)
	}
	if v, _ := res.doc(t).Find("#title").Attr("value"); v != "Zu schnell für einen Menschen" {
		t.Errorf("title lost after too-fast submit: %q", v)
	}
	time.Sleep(1100 * time.Millisecond)
	c.submit(form) // the same form, sent again after a moment, is accepted
}

func TestIdeaRateLimitPerDevice(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"IDEA_RATE_PER_HOUR": "2"}})
	c := newCitizen(t, srv)
	c.submit(c.validIdea("Eins"))
	second := c.validIdea("Zwei")
	c.submit(second)
	c.submit(second) // a resend of a stored idea does not count
	res := c.post(processPath+"/ideen", c.validIdea("Drei"))
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("third idea within an hour: %d, want 429", res.StatusCode)
	}
	retry, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if err != nil || retry < 1 || retry > 3600 {
		t.Errorf("Retry-After = %q", res.Header.Get("Retry-After"))
	}
	if v, _ := res.doc(t).Find("#title").Attr("value"); v != "Drei" {
		t.Errorf("title lost on 429: %q", v)
	}
	// Another device is not affected.
	newCitizen(t, srv).submit(newCitizen(t, srv).validIdea("Anderes Gerät"))
	// The API answers the same device with 429 as well.
	api := c.sendJSON("POST", "/api/v1/processes/ingersheim/heute-leben-morgen-gestalten/ideas",
		`{"action_field_id":1,"title":"Vier","privacy_accepted":true}`)
	if api.StatusCode != http.StatusTooManyRequests || api.Header.Get("Retry-After") == "" {
		t.Errorf("API: %d Retry-After %q", api.StatusCode, api.Header.Get("Retry-After"))
	}
}

func TestOversizedBodiesAreRefused(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	form := c.validIdea("Groß")
	form.Set("body", strings.Repeat("x", 200<<10))
	res := c.post(processPath+"/ideen", form)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(res.Body, "zu groß") {
		t.Errorf("200 KB form: %d %q", res.StatusCode, res.Body)
	}
	// Without Content-Length the cap still holds while reading.
	pr, pw := ioPipe()
	go func() {
		pw.Write([]byte("title=x&body="))
		for i := 0; i < 100; i++ {
			pw.Write([]byte(strings.Repeat("y", 4096)))
		}
		pw.Close()
	}()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+processPath+"/ideen", pr)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.ContentLength = -1
	streamed := c.do(req)
	if streamed.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("streamed 400 KB: %d", streamed.StatusCode)
	}
	api := c.sendJSON("POST", "/api/v1/processes/ingersheim/heute-leben-morgen-gestalten/ideas",
		`{"title":"`+strings.Repeat("z", 100<<10)+`"}`)
	if api.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(api.Body, `"code":"too_large"`) {
		t.Errorf("API 100 KB: %d %s", api.StatusCode, api.Body)
	}
}

func TestCrossSitePostIsRefused(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	form := c.validIdea("Von fremder Seite")
	req, _ := http.NewRequest(http.MethodPost, srv.URL+processPath+"/ideen", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	res := c.do(req)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(res.Body, "fremden Website") {
		t.Errorf("cross-site POST: %d %q", res.StatusCode, res.Body)
	}
	if res.Header.Get("Content-Security-Policy") == "" {
		t.Error("refusal without security headers")
	}
	// The same form from the same origin is fine.
	req, _ = http.NewRequest(http.MethodPost, srv.URL+processPath+"/ideen", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if res := c.do(req); res.StatusCode != http.StatusSeeOther {
		t.Errorf("same-origin POST: %d", res.StatusCode)
	}
}

func TestRedisGoingAwayLosesNoIdea(t *testing.T) {
	redisProc := testutil.StartRedis(t)
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Redis: testutil.RedisAt(t, redisProc.URL)})
	c := newCitizen(t, srv)
	form := c.validIdea("Trotz Ausfall gespeichert")
	redisProc.Stop()
	path := c.submit(form)
	if doc := c.get(path).doc(t); doc.Find("h1").Text() != "Trotz Ausfall gespeichert" {
		t.Fatalf("idea page after Redis went away: %q", doc.Find("h1").Text())
	}
	res := c.post(path+"/unterstuetzung", url.Values{"support": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("support without Redis: %d", res.StatusCode)
	}
	if got := strings.TrimSpace(c.get(path).doc(t).Find(".facts .support__count").Text()); got != "1" {
		t.Errorf("support count without Redis = %q, want 1", got)
	}
}

func TestSupportToggleAndRace(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	author := newCitizen(t, srv)
	path := author.submit(author.validIdea("Unterstützenswert"))

	fan := newCitizen(t, srv)
	fan.get(path) // a reader gets no device cookie yet
	if u, _ := url.Parse(srv.URL); len(fan.client.Jar.Cookies(u)) != 0 {
		t.Error("reading set a cookie")
	}
	var wg sync.WaitGroup
	fan.post(path+"/unterstuetzung", url.Values{"support": {"1"}}) // establishes the device
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, srv.URL+path+"/unterstuetzung", strings.NewReader("support=1"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := fan.client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther {
				t.Errorf("support: %d", res.StatusCode)
			}
		}()
	}
	wg.Wait()
	doc := fan.get(path).doc(t)
	if got := strings.TrimSpace(doc.Find(".facts .support__count").Text()); got != "1" {
		t.Fatalf("after 51 supports from one device the count is %s, want 1", got)
	}
	if doc.Find(`form.support input[name="support"][value="0"]`).Length() != 1 {
		t.Error("supporter is not offered to withdraw")
	}
	res := fan.post(path+"/unterstuetzung", url.Values{"support": {"0"}, "back": {processPath + "/ideen?sortierung=unterstuetzt"}})
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, processPath+"/ideen?sortierung=unterstuetzt#idee-") {
		t.Errorf("redirect after support = %q, want back to the list", loc)
	}
	if got := strings.TrimSpace(fan.get(path).doc(t).Find(".facts .support__count").Text()); got != "0" {
		t.Errorf("after withdrawing the count is %s", got)
	}
	// An open redirect is not possible.
	res = fan.post(path+"/unterstuetzung", url.Values{"support": {"1"}, "back": {"//evil.example/x"}})
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, path+"#") {
		t.Errorf("redirect to foreign back = %q", loc)
	}
	for _, bad := range []string{"", "2", "yes"} {
		if res := fan.post(path+"/unterstuetzung", url.Values{"support": {bad}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("support=%q: %d, want 400", bad, res.StatusCode)
		}
	}
	if res := fan.post(processPath+"/ideen/999999/unterstuetzung", url.Values{"support": {"1"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("support of missing idea: %d", res.StatusCode)
	}
}

func TestIdeaListFiltersAndRefusesNonsense(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	doc := c.get(processPath + "/ideen?feld=5&sortierung=unterstuetzt").doc(t)
	titles := doc.Find(".idea-card__title").Map(func(_ int, s *goquerySelection) string { return s.Text() })
	if len(titles) != 3 || titles[0] != "Bürgerbus zwischen Groß- und Kleiningersheim" {
		t.Errorf("field 5 by support = %v", titles)
	}
	if !strings.Contains(doc.Find("h1").Text(), "Siedlungsstruktur") {
		t.Errorf("filtered h1 = %q", doc.Find("h1").Text())
	}
	for _, q := range []string{"feld=99", "feld=x", "sortierung=zufall", "seite=0", "seite=-3", "seite=abc", "suche=" + strings.Repeat("a", 101), "suche=%ff"} {
		res := c.get(processPath + "/ideen?" + q)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("?%s: %d, want 400", q, res.StatusCode)
		}
	}
	paged := c.get(processPath + "/ideen?seite=2").doc(t)
	if paged.Find(`a[rel="prev"]`).Length() != 0 && paged.Find(".idea-card").Length() != 0 {
		t.Errorf("14 ideas fit one page of 20, but page 2 lists ideas")
	}
}
