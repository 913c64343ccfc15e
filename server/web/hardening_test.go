package web_test

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// Finding 4: no request path or header turns a redirect into one to
// another host, and the folder pages still get their slash.
func TestNoOpenRedirect(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	for _, raw := range []string{"//evil.example", "/%2Fevil.example", "//evil.example/", "/%2F%2Fevil.example/", "/%5Cevil.example",
		"/\\evil.example", "//evil.example/heute", "/ingersheim//evil.example", "/intern//evil.example", "/%09/evil.example"} {
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = raw // sent exactly as written
		res := c.do(req)
		loc := res.Header.Get("Location")
		if loc != "" && !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
			t.Errorf("GET %s → %d Location %q", raw, res.StatusCode, loc)
		}
	}
	for path, want := range map[string]string{
		"/ingersheim": "/ingersheim/",
		"/ingersheim/heute-leben-morgen-gestalten?lang=en": "/ingersheim/heute-leben-morgen-gestalten/?lang=en",
		"/datenschutz/": "/datenschutz",
		"/intern":       "/intern/",
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		req.Header.Set("X-Forwarded-Prefix", "//evil.example")
		res := c.do(req)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("GET %s with X-Forwarded-Prefix → %d %q, want 301 %q", path, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}

// Finding 7: a phone cannot place a dot on another group's card, and a
// moderator cannot file a card under another group's cluster.
func TestDotsStayInTheirGroup(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, code := liveWorkshop(t, srv, mod, "5", "3")
	anna, ben := newCitizen(t, srv), newCitizen(t, srv)
	anna.joinGroup(code, 0)
	ben.joinGroup(code, 1)
	ben.post("/w/"+code+"/karten", url.Values{"text": {"Bens Karte in Gruppe 2"}, "key": {"bbbbbbbbbbbbbbbb0001"}})
	bensCard, _ := ben.get("/w/" + code + "/gruppe").doc(t).Find("#cards li").Attr("data-card")
	if bensCard == "" {
		t.Fatal("Ben's card is not on his phone")
	}
	mod.post(console+"/steuerung", url.Values{"action": {"voting_open"}})
	res := anna.sendJSON("POST", "/w/"+code+"/punkte", url.Values{"card": {bensCard}, "delta": {"1"}}.Encode(),
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json")
	if res.StatusCode < 400 {
		t.Errorf("dot on another group's card: %d, want refused", res.StatusCode)
	}
	for _, card := range mustCards(t, srv, 0) {
		if card.DotTotal != 0 {
			t.Errorf("card %d has %d dots after a refused dot", card.ID, card.DotTotal)
		}
	}
	if res := ben.post("/w/"+code+"/punkte", url.Values{"card": {bensCard}, "delta": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("dot on the own group's card: %d", res.StatusCode)
	}

	// A cluster of group 1 does not take group 2's card.
	groups, _ := srv.Store.Groups(t.Context(), newestWorkshop(t, srv))
	mod.post(console+"/cluster", url.Values{"group": {itoa(groups[0].ID)}, "title": {"Verkehr"}})
	clusters, err := srv.Store.Clusters(t.Context(), newestWorkshop(t, srv))
	if err != nil || len(clusters) != 1 {
		t.Fatalf("clusters: %v %v", clusters, err)
	}
	res = mod.post(console+"/karten/"+bensCard, url.Values{"action": {"cluster"}, "cluster": {itoa(clusters[0].ID)}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("another group's cluster: %d, want 422", res.StatusCode)
	}
}

// Finding 8: a Last-Event-ID after the stream's newest event reloads the
// phone, and events flow afterwards.
func TestStreamFromTheFutureReloads(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	_, code := liveWorkshop(t, srv, mod, "3", "3")
	anna := newCitizen(t, srv)
	anna.joinGroup(code, 0)
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Vorher"}, "key": {"aaaaaaaaaaaaaaaa0001"}})

	got := make(chan []sseEvent, 1)
	go func() { got <- readEvents(t, anna, "/w/"+code+"/ereignisse", "99999999999999-0", 2, 10*time.Second) }()
	time.Sleep(300 * time.Millisecond)
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Nachher"}, "key": {"aaaaaaaaaaaaaaaa0002"}})
	events := <-got
	if len(events) != 2 || events[0].typ != "reload" || events[1].typ != "card" || !strings.Contains(events[1].data, "Nachher") {
		t.Fatalf("stream after a Last-Event-ID from the future: %+v", events)
	}
}

// Finding 9: a report's text reaches feed readers as text, not markup,
// line breaks kept; the feed names itself.
func TestAtomFeedCarriesText(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	staff := staffBrowser(t, srv, "verw@i.de", domain.RoleVerwaltung)
	list := staff.get("/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/umsetzung")
	href, _ := list.doc(t).Find(`a:contains("Willkommenspaten")`).Attr("href")
	text := "Erste Zeile <img src=x onerror=alert(1)>\nZweite Zeile & mehr"
	res := staff.post(href, url.Values{"action": {"report"}, "reported_on": {time.Now().Format("2006-01-02")}, "status": {"in_umsetzung"}, "text": {text}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("report: %d", res.StatusCode)
	}
	body := newCitizen(t, srv).get(processPath + "/umsetzung.atom").Body
	var feed struct {
		Links []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			Summary struct {
				Type string `xml:"type,attr"`
				Text string `xml:",chardata"`
			} `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(body), &feed); err != nil || len(feed.Entries) == 0 {
		t.Fatalf("feed: %v", err)
	}
	self := false
	for _, l := range feed.Links {
		self = self || l.Rel == "self" && strings.HasSuffix(l.Href, "/umsetzung.atom")
	}
	if !self {
		t.Error(`the feed lacks its rel="self" link`)
	}
	s := feed.Entries[0].Summary
	if s.Type != "text" || !strings.HasSuffix(s.Text, text) {
		t.Errorf("summary type %q text %q, want type text ending in the report as typed", s.Type, s.Text)
	}
	if strings.Contains(body, "&lt;img") == false || strings.Contains(body, "&amp;lt;") {
		t.Error("the report's markup is not escaped exactly once")
	}
}

// Finding 10: dates outside 1990–2100 are refused; the API refuses escapes
// of lone surrogates and a second JSON value.
func TestUnboundedInputIsRefused(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	for _, date := range []string{"0000-01-01", "9999-12-31", "1989-12-31", "2101-01-01", "2014-02-30"} {
		res := mod.post("/intern/k/ingersheim/werkstaetten", url.Values{"process": {"1"}, "kind": {"zukunft"}, "title": {"Werkstatt " + date},
			"date": {date}, "groups": {"Alle"}, "budget": {"3"}, "max": {"3"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "zwischen 1990 und 2100") {
			t.Errorf("workshop on %s: %d, want 422 with the range", date, res.StatusCode)
		}
	}
	if ics := newCitizen(t, srv).get(processPath + "/termine.ics").Body; strings.Contains(ics, "00000101") || strings.Contains(ics, "99991231") {
		t.Error("the calendar carries an impossible date")
	}

	c := newCitizen(t, srv)
	api := "/api/v1/processes/ingersheim/heute-leben-morgen-gestalten/ideas"
	for name, body := range map[string]string{
		"lone surrogate": `{"action_field_id":1,"title":"Bank \ud800 am Neckar","privacy_accepted":true}`,
		"second object":  `{"action_field_id":1,"title":"Bank am Neckar","privacy_accepted":true} {"title":"zweite"}`,
	} {
		res := c.sendJSON("POST", api, body, "Content-Type", "application/json")
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(res.Body, `"error"`) {
			t.Errorf("%s: %d %s, want 400", name, res.StatusCode, res.Body)
		}
	}
	res := c.sendJSON("POST", api, `{"action_field_id":1,"title":"Brot \ud83c\udf5e vom Backhaus","privacy_accepted":true}`, "Content-Type", "application/json")
	if res.StatusCode != http.StatusCreated || !strings.Contains(res.Body, "🍞") {
		t.Errorf("a proper surrogate pair: %d %s", res.StatusCode, res.Body)
	}
}

// Finding 11: HEAD wherever GET works, 404 past the last page, HSTS over
// HTTPS.
func TestHTTPConformance(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	for _, path := range []string{"/", "/healthz", "/readyz", processPath + "/", processPath + "/ideen", processPath + "/umsetzung.atom",
		processPath + "/termine.ics", processPath + "/handlungskonzept.pdf", processPath + "/daten/beitraege.csv", "/static/app.css", "/intern/anmelden"} {
		get := c.get(path)
		req, _ := http.NewRequest(http.MethodHead, srv.URL+path, nil)
		head := c.do(req)
		if head.StatusCode != get.StatusCode || head.StatusCode != http.StatusOK || head.Body != "" ||
			head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q (%d bytes of body), GET: %d %q", path, head.StatusCode, head.Header.Get("Content-Type"), len(head.Body),
				get.StatusCode, get.Header.Get("Content-Type"))
		}
	}
	// A HEAD of a live stream answers at once.
	req, _ := http.NewRequest(http.MethodHead, srv.URL+"/w/ABCDEF/ereignisse", nil)
	if res := c.do(req); res.StatusCode != http.StatusNotFound {
		t.Errorf("HEAD of an unknown stream: %d", res.StatusCode)
	}

	last := c.get(processPath + "/ideen").doc(t).Find(".pagination").Text()
	for _, path := range []string{processPath + "/ideen?seite=30", "/api/v1/processes/ingersheim/heute-leben-morgen-gestalten/ideas?page=30"} {
		if res := c.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404 (pagination: %q)", path, res.StatusCode, last)
		}
	}
	if res := c.get(processPath + "/ideen?seite=1&suche=gibtesnicht"); res.StatusCode != http.StatusOK {
		t.Errorf("the first page of an empty result: %d", res.StatusCode)
	}

	if hsts := c.get("/").Header.Get("Strict-Transport-Security"); hsts != "" {
		t.Errorf("HSTS over plain HTTP: %q", hsts)
	}
	secure := testutil.NewServer(t, testutil.Options{Env: map[string]string{"BASE_URL": "https://beteiligung.example.de"}})
	if hsts := newCitizen(t, secure).get("/").Header.Get("Strict-Transport-Security"); !strings.Contains(hsts, "max-age=") {
		t.Errorf("no HSTS when BASE_URL is https: %q", hsts)
	}
}

// The device code a citizen passes to the town for a data request is not
// the cookie: whoever holds it cannot act as that browser.
func TestDeviceCodeIsNotTheCookie(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	citizen := newCitizen(t, srv)
	form := citizen.validIdea("Geheim bleibt geheim")
	form.Set("pseudonym", "Erika")
	citizen.submit(form)
	text := citizen.get("/meine-beitraege").doc(t).Find("p.meta").Last().Text()
	code := text[strings.LastIndex(text, " ")+1:]
	u, _ := url.Parse(srv.URL)
	for _, ck := range citizen.client.Jar.Cookies(u) {
		if ck.Name == "zw_device" && ck.Value == code {
			t.Fatal("Meine Beiträge shows the device cookie itself")
		}
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/meine-beitraege/export.json", nil)
	req.AddCookie(&http.Cookie{Name: "zw_device", Value: code})
	if body := newCitizen(t, srv).do(req).Body; strings.Contains(body, "Erika") || strings.Contains(body, "Geheim bleibt") {
		t.Error("the device code opens the citizen's data as a cookie")
	}
}

// The language switch of an error page never leads to another host.
func TestErrorPageLinksStayHere(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	req.URL.Opaque = "//evil.example/x"
	doc := newCitizen(t, srv).do(req).doc(t)
	doc.Find("a[href]").Each(func(_ int, a *goquerySelection) {
		if href, _ := a.Attr("href"); strings.HasPrefix(href, "//") || strings.Contains(href, "evil.example") {
			t.Errorf("the error page links to %q", href)
		}
	})
}

// Throwing the cookie away does not escape the limits: ideas and supports
// are limited per client address too; cards per participant.
func TestLimitsHoldWithoutCookies(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"CLIENT_RATE_PER_HOUR": "20", "CARD_RATE_PER_MINUTE": "2"}})
	api := "/api/v1/processes/ingersheim/heute-leben-morgen-gestalten/ideas"
	statuses := map[int]int{}
	for i := range 4 {
		res := newCitizen(t, srv).sendJSON("POST", api, `{"action_field_id":1,"title":"Ohne Keks `+itoa(int64(i))+`","privacy_accepted":true}`, "Content-Type", "application/json")
		statuses[res.StatusCode]++
	}
	if statuses[http.StatusCreated] != 2 || statuses[http.StatusTooManyRequests] != 2 {
		t.Errorf("4 ideas from fresh cookies with 2 allowed per address: %v", statuses)
	}
	statuses = map[int]int{}
	for range 25 {
		statuses[newCitizen(t, srv).sendJSON("PUT", api+"/1/support", "").StatusCode]++
	}
	if statuses[http.StatusOK] != 20 || statuses[http.StatusTooManyRequests] != 5 {
		t.Errorf("25 supports from fresh cookies with 20 allowed per address: %v", statuses)
	}

	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	_, code := liveWorkshop(t, srv, mod, "3", "3")
	anna := newCitizen(t, srv)
	anna.joinGroup(code, 0)
	var last response
	for i := range 3 {
		last = anna.sendJSON("POST", "/w/"+code+"/karten", url.Values{"text": {"Karte " + itoa(int64(i))}, "key": {"cccccccccccccccc000" + itoa(int64(i))}}.Encode(),
			"Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json")
	}
	if last.StatusCode != http.StatusTooManyRequests || !strings.Contains(last.Body, `"message"`) || last.Header.Get("Retry-After") == "" {
		t.Errorf("the third card within a minute (2 allowed): %d %s", last.StatusCode, last.Body)
	}
}

// Workshop findings of the attack review: hidden tallies stay hidden in the
// dot answer, a hidden card's text goes to no screen, a phone cannot read
// another phone's card by its key, and under pre-moderation the cards of a
// closed workshop wait for release.
func TestWorkshopKeepsWhatIsHidden(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "admin@i.de", domain.RoleAdmin)
	if res := mod.post(staffProcess, url.Values{"title": {"Heute leben – morgen gestalten"}, "moderation": {"pre"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("pre-moderation: %d %s", res.StatusCode, res.Body)
	}
	console, code := liveWorkshop(t, srv, mod, "3", "3")
	anna, ben := newCitizen(t, srv), newCitizen(t, srv)
	anna.joinGroup(code, 0)
	ben.joinGroup(code, 0)
	key := "dddddddddddddddd0001"
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Annas geheime Karte"}, "key": {key}})
	if res := ben.sendJSON("POST", "/w/"+code+"/karten", url.Values{"text": {"x"}, "key": {key}}.Encode(),
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"); res.StatusCode != http.StatusConflict || strings.Contains(res.Body, "geheime") {
		t.Errorf("another phone's card key: %d %s", res.StatusCode, res.Body)
	}
	cardID, _ := anna.get("/w/" + code + "/gruppe").doc(t).Find("#cards li").Attr("data-card")
	mod.post(console+"/steuerung", url.Values{"action": {"tallies_hide"}})
	mod.post(console+"/steuerung", url.Values{"action": {"voting_open"}})
	res := ben.sendJSON("POST", "/w/"+code+"/punkte", url.Values{"card": {cardID}, "delta": {"1"}}.Encode(),
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json")
	if res.StatusCode != http.StatusOK || strings.Contains(res.Body, "total") {
		t.Errorf("dot answer while tallies are hidden: %d %s", res.StatusCode, res.Body)
	}

	// A correction, then another card corrected and left visible.
	mod.post(console+"/karten/"+cardID, url.Values{"action": {"edit"}, "text": {"Annas korrigierte Karte"}})
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Bens Telefonnummer 0171"}, "key": {"dddddddddddddddd0002"}})
	var second string
	anna.get("/w/" + code + "/gruppe").doc(t).Find("#cards li").Each(func(_ int, li *goquerySelection) {
		if strings.Contains(li.Text(), "Telefonnummer") {
			second, _ = li.Attr("data-card")
		}
	})
	mod.post(console+"/karten/"+second, url.Values{"action": {"edit"}, "text": {"Bens Karte"}})
	time.Sleep(300 * time.Millisecond) // the dot's tally window passes
	got := make(chan []sseEvent, 1)
	go func() { got <- readEvents(t, ben, "/w/"+code+"/ereignisse", "", 1, 10*time.Second) }()
	time.Sleep(300 * time.Millisecond)
	mod.post(console+"/karten/"+cardID, url.Values{"action": {"hide"}})
	events := <-got
	if len(events) != 1 || events[0].typ != "card-changed" || strings.Contains(events[0].data, "geheime") {
		t.Errorf("hiding a card told the screens: %+v", events)
	}
	// A screen that reconnects with the stream's first ID gets no replay
	// of the hidden card.
	workshopID := console[strings.LastIndex(console, "/")+1:]
	first, err := srv.Redis.Client.XRangeN(t.Context(), srv.Redis.Key("{workshop:"+workshopID+"}:events"), "-", "+", 1).Result()
	if err != nil || len(first) == 0 {
		t.Fatalf("stream: %v %v", first, err)
	}
	replayed := readEvents(t, newCitizen(t, srv), "/w/"+code+"/ereignisse", first[0].ID, 20, 2*time.Second)
	corrected := false
	for _, e := range replayed {
		if strings.Contains(e.data, "geheime") || strings.Contains(e.data, "korrigierte") || strings.Contains(e.data, "Telefonnummer") || e.typ == "reload" {
			t.Errorf("the replay after a hidden and a corrected card: %+v", e)
		}
		corrected = corrected || strings.Contains(e.data, "Bens Karte")
	}
	if !corrected {
		t.Errorf("the replay lacks the corrected card: %+v", replayed)
	}
	mod.post(console+"/karten/"+cardID, url.Values{"action": {"show"}})
	fields, err := srv.Store.ActionFields(t.Context(), 1)
	if err != nil || len(fields) == 0 {
		t.Fatalf("action fields: %v %v", fields, err)
	}
	if res := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}, "rest_feld": {strconv.FormatInt(fields[0].ID, 10)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("closing: %d %s", res.StatusCode, res.Body)
	}
	if res := newCitizen(t, srv).get(processPath + "/ideen?suche=korrigierte"); strings.Contains(res.Body, "Annas korrigierte Karte") {
		t.Error("under pre-moderation a workshop card is public before its release")
	}
	if q := mod.get("/intern/k/ingersheim/moderation"); !strings.Contains(q.Body, "Annas korrigierte Karte") {
		t.Error("the closed workshop's card is not in the moderation queue")
	}
}

// Browsers send textarea line breaks as CRLF; staff texts take them.
func TestStaffTextsTakeBrowserLineBreaks(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	res := pg.post(staffProcess+"/fahrplan/neu", url.Values{"title": {"Backhaustag"}, "description": {"Zeile eins\r\nZeile zwei"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("a Fahrplan entry with CRLF: %d", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/", nil)
	if allow := pg.do(req).Header.Get("Allow"); !strings.Contains(allow, "HEAD") {
		t.Errorf("Allow: %q lacks HEAD", allow)
	}
}

// TestGuessingJoinCodesIsThrottled: a client that misses join codes again
// and again is told to wait; a right code still needs no luck.
func TestGuessingJoinCodesIsThrottled(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	guesser := newCitizen(t, srv)
	status := 0
	for i := 0; i < 301 && status != http.StatusTooManyRequests; i++ {
		status = guesser.get(fmt.Sprintf("/w/ZZ%04d", i)).StatusCode
		if status != http.StatusNotFound && status != http.StatusTooManyRequests {
			t.Fatalf("guess %d: %d", i, status)
		}
	}
	if status != http.StatusTooManyRequests {
		t.Errorf("301 wrong codes from one address: the last answered %d, want 429", status)
	}
}
