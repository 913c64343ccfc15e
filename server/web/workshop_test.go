package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// liveWorkshop prepares and opens a workshop through the console and
// returns its console path and join code.
func liveWorkshop(t *testing.T, srv *testutil.Server, mod *citizen, budget, max string) (console, code string) {
	t.Helper()
	res := mod.post("/intern/k/ingersheim/werkstaetten", url.Values{
		"process": {"1"}, "kind": {"zukunft"}, "title": {"Zukunftswerkstatt SKV-Halle"}, "date": {"2014-07-19"},
		"place": {"SKV-Halle"}, "question": {"Jung & Alt: Wie wollen wir hier künftig leben?"},
		"groups": {"Jung & Alt\nWohnen und Mobilität\n"}, "budget": {budget}, "max": {max}, "tallies": {"visible"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create workshop: %d\n%s", res.StatusCode, res.Body)
	}
	console = res.Header.Get("Location")
	if res := mod.post(console+"/steuerung", url.Values{"action": {"open"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("open: %d", res.StatusCode)
	}
	m := regexp.MustCompile(`/w/([A-Z0-9]{6})/wand`).FindStringSubmatch(mod.get(console).Body)
	if m == nil {
		t.Fatal("no join code on the console")
	}
	return console, m[1]
}

// joinGroup makes the citizen a participant of the n-th group.
func (c *citizen) joinGroup(code string, n int) {
	c.t.Helper()
	doc := c.get("/w/" + code).doc(c.t)
	group, _ := doc.Find(`input[name="group"]`).Eq(n).Attr("value")
	if res := c.post("/w/"+code+"/beitreten", url.Values{"group": {group}, "name": {"Teilnehmerin"}}); res.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("join: %d %s", res.StatusCode, res.Body)
	}
}

func TestWorkshopCardsDotsAndClose(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	mod := newCitizen(t, srv)
	mod.login("mod@i.de")
	console, code := liveWorkshop(t, srv, mod, "5", "3")

	anna := newCitizen(t, srv)
	anna.joinGroup(code, 0)
	// Changing the group keeps the name and marks the group she is in.
	change := anna.get("/w/" + code + "?wechseln=1").doc(t)
	if name, _ := change.Find("#name").Attr("value"); name != "Teilnehmerin" || change.Find(`input[name=group][checked]`).Length() != 1 {
		t.Errorf("changing the group: name %q, %d groups marked", name, change.Find(`input[name=group][checked]`).Length())
	}
	page := anna.get("/w/" + code + "/gruppe")
	mustContain(t, page.Body, "Kritikphase")
	key := "0123456789abcdef0123"
	for i := 0; i < 3; i++ { // the same card sent three times (offline queue retries)
		res := anna.post("/w/"+code+"/karten", url.Values{"text": {"Zu wenig Bänke am Neckar <b>"}, "key": {key}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("card: %d", res.StatusCode)
		}
	}
	for _, bad := range []url.Values{{"text": {""}, "key": {key + "1"}}, {"text": {strings.Repeat("x", 141)}, "key": {key + "2"}}, {"text": {"ok"}, "key": {"short"}}} {
		if res := anna.post("/w/"+code+"/karten", bad); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("bad card %v: %d", bad, res.StatusCode)
		}
	}
	doc := anna.get("/w/" + code + "/gruppe").doc(t)
	if n := doc.Find("#cards li").Length(); n != 1 {
		t.Fatalf("%d cards after sending one card three times", n)
	}
	if strings.Contains(anna.get("/w/"+code+"/gruppe").Body, "<b>") {
		t.Error("card text rendered unescaped")
	}
	cardID, _ := doc.Find("#cards li").Attr("data-card")

	// Dots: refused while voting is closed; 200 at once spend exactly 5.
	if res := anna.post("/w/"+code+"/punkte", url.Values{"card": {cardID}, "delta": {"1"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("dot before voting opened: %d", res.StatusCode)
	}
	// An English projector laptop still shows the hall's German wall.
	if wall := anna.sendJSON("GET", "/w/"+code+"/wand", "", "Accept-Language", "en-US,en;q=0.9"); !strings.Contains(wall.Body, "Alle Gruppen") {
		t.Error("the wall follows the projector's browser language")
	}
	// The console says what the step did.
	opened := mod.post(console+"/steuerung", url.Values{"action": {"voting_open"}})
	if notice := mod.get(opened.Header.Get("Location")).doc(t).Find(".notice--success").Text(); notice != "Die Punktevergabe ist offen." {
		t.Errorf("after opening the voting the console says %q", notice)
	}
	ben := newCitizen(t, srv)
	ben.joinGroup(code, 0)
	ben.post("/w/"+code+"/karten", url.Values{"text": {"Kein Skaterpark für Jugendliche"}, "key": {"fedcba9876543210fedc"}})
	cards := ben.get("/w/" + code + "/gruppe").doc(t).Find("#cards li")
	second, _ := cards.Eq(1).Attr("data-card")
	var wg sync.WaitGroup
	for i := 0; i < 200; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target := cardID
			if i%2 == 1 {
				target = second
			}
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/w/"+code+"/punkte", strings.NewReader(url.Values{"card": {target}, "delta": {"1"}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept", "application/json")
			if res, err := anna.client.Do(req); err == nil {
				res.Body.Close()
			}
		}()
	}
	wg.Wait()
	res := anna.sendJSON("POST", "/w/"+code+"/punkte", "", "Content-Type", "application/x-www-form-urlencoded")
	_ = res
	total := 0
	for _, c := range mustCards(t, srv, 0) {
		total += c.DotTotal
		if c.DotTotal > 3 {
			t.Errorf("card %d has %d of one participant's dots, max is 3", c.ID, c.DotTotal)
		}
	}
	if total != 5 {
		t.Fatalf("200 concurrent dots with a budget of 5 placed %d", total)
	}
	// Take one back, place it again.
	back := anna.post("/w/"+code+"/punkte", url.Values{"card": {cardID}, "delta": {"-1"}})
	if back.StatusCode != http.StatusSeeOther {
		t.Errorf("take back: %d", back.StatusCode)
	}
	mod.post(console+"/steuerung", url.Values{"action": {"voting_close"}})
	if res := anna.post("/w/"+code+"/punkte", url.Values{"card": {cardID}, "delta": {"1"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("dot after voting closed: %d", res.StatusCode)
	}

	// Close. The groups have no action field and nobody filed the cards:
	// the confirmation names them group by group and asks where they go.
	ask := mod.post(console+"/steuerung", url.Values{"action": {"close"}}).doc(t)
	if got := ask.Find(".confirm__details li").Text(); got != "Jung & Alt: 2 Karten" {
		t.Errorf("unfiled cards on the close confirmation: %q", got)
	}
	fields, err := srv.Store.ActionFields(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if n := ask.Find(`select[name=rest_feld] option[value!=""]`).Length(); n != len(fields) {
		t.Errorf("the close confirmation offers %d fields, want %d", n, len(fields))
	}
	// Confirming without a choice, or with a field of no process of this
	// workshop, closes nothing.
	refused := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}})
	if refused.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("close without a field for the unfiled cards: %d", refused.StatusCode)
	}
	mustContain(t, refused.Body, "Bitte wählen Sie, in welches Handlungsfeld diese Karten kommen.")
	foreign := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}, "rest_feld": {"987654"}})
	if foreign.StatusCode != http.StatusConflict {
		t.Errorf("close with an unknown field: %d", foreign.StatusCode)
	}
	mustContain(t, foreign.Body, "Dieses Handlungsfeld gehört nicht zum Verfahren der Werkstatt.")
	if w, _ := srv.Store.WorkshopByCode(context.Background(), code); w.State != domain.WorkshopLive {
		t.Fatalf("a refused close changed the workshop to %q", w.State)
	}
	// Cards become contributions of the chosen field; the documentation
	// lists them.
	chosen := fields[2]
	if res := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}, "rest_feld": {strconv.FormatInt(chosen.ID, 10)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("close: %d", res.StatusCode)
	}
	docPage := mod.get(console + "/doku")
	mustContain(t, docPage.Body, "Zu wenig Bänke am Neckar &lt;b&gt;")
	// Each card names the field it went to.
	if got := docPage.doc(t).Find(".doc-cards li").First().Text(); !strings.Contains(got, chosen.Title) {
		t.Errorf("a documented card does not name its field %q: %q", chosen.Title, got)
	}
	mustContain(t, docPage.Body, "Kein Skaterpark für Jugendliche")
	csv := mod.get(console + "/doku?format=csv").Body
	mustContain(t, csv, "gruppe,phase,wird,handlungsfeld,cluster,karte,punkte,papier")
	mustContain(t, csv, "Kein Skaterpark für Jugendliche")
	mustContain(t, csv, "Kritikphase,Herausforderung,")
	// For German Excel: a byte order mark, semicolons, the same cells
	// under column names people read; the file is named by its day.
	excel := mod.get(console + "/doku?format=excel")
	if !strings.HasPrefix(excel.Body, "\uFEFFGruppe;Phase;Wird zu;Handlungsfeld;Cluster;Karte;Punkte;Papierkarte\r\n") {
		t.Errorf("Excel CSV starts with %q", excel.Body[:min(len(excel.Body), 80)])
	}
	mustContain(t, excel.Body, ";Herausforderung;")
	if got := excel.Header.Get("Content-Disposition"); !regexp.MustCompile(`filename="werkstatt-\d+-2014-07-19-excel\.csv"`).MatchString(got) {
		t.Errorf("Excel CSV file name: %q", got)
	}
	// Cards of the Kritik phase become their field's challenges (issue
	// 12): contributions of the process, but not ideas in the public list.
	ideas := newCitizen(t, srv).get(processPath + "/ideen?suche=skaterpark").doc(t)
	if n := ideas.Find(".idea-card").Length(); n != 0 {
		t.Errorf("a Kritik card became a public idea (%d found)", n)
	}
	challenges, err := srv.Store.Challenges(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range challenges[chosen.ID] {
		found = found || strings.Contains(c.Title, "Skaterpark")
	}
	if !found {
		t.Errorf("the workshop's Kritik card did not become a challenge of field %d: %v", chosen.ID, challenges)
	}
	mustContain(t, anna.get("/meine-beitraege").Body, "Zu wenig Bänke")
	// A card sent by a plain form after the close: refused, and its text
	// comes back to copy.
	late := anna.post("/w/"+code+"/karten", url.Values{"text": {"zu spät <i>"}, "key": {"latecomer-key-000001"}})
	if late.StatusCode != http.StatusConflict {
		t.Errorf("card after close: %d", late.StatusCode)
	}
	if got := late.doc(t).Find(".late-cards").Text(); !strings.Contains(got, "zu spät <i>") || !strings.Contains(got, "nicht mehr aufgenommen") {
		t.Errorf("a card after the close does not come back: %q", got)
	}
	if href, _ := late.doc(t).Find(".late-cards a").Attr("href"); href != processPath+"/ideen/neu" {
		t.Errorf("the late card's way to the idea form: %q", href)
	}
	// The language link of a page answering a form post leads to the page
	// the form was on, not to the form's address (which takes only POST).
	posted := anna.sendJSON("POST", "/w/"+code+"/karten", url.Values{"text": {"noch eine"}, "key": {"latecomer-key-000002"}}.Encode(),
		"Content-Type", "application/x-www-form-urlencoded", "Referer", srv.URL+"/w/"+code+"/gruppe")
	if href, _ := posted.doc(t).Find(`.lang-menu a[hreflang="en"]`).Attr("href"); href != "/w/"+code+"/gruppe?lang=en" {
		t.Errorf("the language link after a form post: %q", href)
	}
	dot := anna.sendJSON("POST", "/w/"+code+"/punkte", url.Values{"card": {"1"}, "delta": {"1"}}.Encode(),
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json")
	if dot.StatusCode != http.StatusConflict || !strings.Contains(dot.Body, "Die Werkstatt ist abgeschlossen") {
		t.Errorf("a dot after the close: %d %s", dot.StatusCode, dot.Body)
	}
}

// newestWorkshop is the id of the workshop the test opened last (the
// demo has one of its own).
func newestWorkshop(t *testing.T, srv *testutil.Server) int64 {
	t.Helper()
	workshops, err := srv.Store.Workshops(context.Background(), 1)
	if err != nil || len(workshops) == 0 {
		t.Fatalf("workshops: %v %v", workshops, err)
	}
	var newest int64
	for _, w := range workshops {
		newest = max(newest, w.ID)
	}
	return newest
}

func mustCards(t *testing.T, srv *testutil.Server, group int64) []domain.Card {
	t.Helper()
	cards, err := srv.Store.Cards(context.Background(), newestWorkshop(t, srv), group, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	return cards
}

// sseEvent is one event read from a stream.
type sseEvent struct{ id, typ, data string }

// readEvents connects to an SSE stream and collects events until n arrived
// or the timeout passed.
func readEvents(t *testing.T, c *citizen, path, lastID string, n int, timeout time.Duration) []sseEvent {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.srv.URL+path, nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	res, err := c.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("stream content type %q", ct)
	}
	var events []sseEvent
	var cur sseEvent
	scanner := bufio.NewScanner(res.Body)
	for len(events) < n && scanner.Scan() {
		line := scanner.Text()
		switch {
		case strings.HasPrefix(line, "id: "):
			cur.id = line[4:]
		case strings.HasPrefix(line, "event: "):
			cur.typ = line[7:]
		case strings.HasPrefix(line, "data: "):
			cur.data = line[6:]
		case line == "" && cur.typ != "":
			events = append(events, cur)
			cur = sseEvent{}
		}
	}
	return events
}

func TestWorkshopStreamResumesAndReloads(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	mod := newCitizen(t, srv)
	mod.login("mod@i.de")
	_, code := liveWorkshop(t, srv, mod, "3", "3")
	anna := newCitizen(t, srv)
	anna.joinGroup(code, 0)

	got := make(chan []sseEvent, 1)
	go func() { got <- readEvents(t, anna, "/w/"+code+"/ereignisse", "", 2, 10*time.Second) }()
	time.Sleep(300 * time.Millisecond) // let the stream subscribe
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Erste Karte"}, "key": {"aaaaaaaaaaaaaaaa0001"}})
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Zweite Karte"}, "key": {"aaaaaaaaaaaaaaaa0002"}})
	events := <-got
	if len(events) != 2 || events[0].typ != "card" || !strings.Contains(events[1].data, "Zweite Karte") {
		t.Fatalf("live events: %+v", events)
	}
	// A phone that saw only the first event gets the second on reconnect.
	replayed := readEvents(t, anna, "/w/"+code+"/ereignisse", events[0].id, 1, 5*time.Second)
	if len(replayed) != 1 || replayed[0].id != events[1].id {
		t.Fatalf("replay after %s: %+v", events[0].id, replayed)
	}
	var card struct{ Text string }
	json.Unmarshal([]byte(replayed[0].data), &card)
	if card.Text != "Zweite Karte" {
		t.Errorf("replayed card %q", card.Text)
	}
	// Redis loses everything: the phone is told to reload, the cards are
	// all still there (SQLite is the truth).
	ctx := context.Background()
	iter := srv.Redis.Client.Scan(ctx, 0, srv.Redis.Prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		srv.Redis.Client.Del(ctx, iter.Val())
	}
	after := readEvents(t, anna, "/w/"+code+"/ereignisse", events[1].id, 1, 5*time.Second)
	if len(after) != 1 || after[0].typ != "reload" {
		t.Fatalf("after Redis lost the stream: %+v", after)
	}
	if n := anna.get("/w/" + code + "/gruppe").doc(t).Find("#cards li").Length(); n != 2 {
		t.Errorf("%d cards after Redis lost its state, want 2", n)
	}
}

// TestTwoInstancesShareAWorkshop: a phone on one instance sees cards and
// dots given through another, live; and after Redis lost its state the dot
// budget is rebuilt from the database, so nothing is double-counted.
func TestTwoInstancesShareAWorkshop(t *testing.T) {
	// Two stores on one database (file or schema), as two processes have.
	database := testutil.DatabaseURL(t)
	a := testutil.NewServer(t, testutil.Options{Demo: true, Store: testutil.StoreAt(t, database)})
	b := testutil.NewServer(t, testutil.Options{Store: testutil.StoreAt(t, database), Redis: a.Redis})
	testutil.CreateStaff(t, a.Store, "mod@i.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	mod := newCitizen(t, a)
	mod.login("mod@i.de")
	console, code := liveWorkshop(t, a, mod, "3", "3")
	mod.post(console+"/steuerung", url.Values{"action": {"voting_open"}})

	onA := newCitizen(t, a)
	onA.joinGroup(code, 0)
	onB := newCitizen(t, b)
	onB.joinGroup(code, 0)

	got := make(chan []sseEvent, 1)
	go func() { got <- readEvents(t, onB, "/w/"+code+"/ereignisse", "", 2, 10*time.Second) }()
	time.Sleep(300 * time.Millisecond)
	onA.post("/w/"+code+"/karten", url.Values{"text": {"Karte über Instanz A"}, "key": {"bbbbbbbbbbbbbbbb0001"}})
	cardID, _ := onA.get("/w/" + code + "/gruppe").doc(t).Find("#cards li").Attr("data-card")
	onA.post("/w/"+code+"/punkte", url.Values{"card": {cardID}, "delta": {"1"}})
	events := <-got
	if len(events) != 2 || events[0].typ != "card" || events[1].typ != "tally" || !strings.Contains(events[1].data, `"`+cardID+`":1`) {
		t.Fatalf("instance B saw: %+v", events)
	}

	// Redis forgets everything; A's participant has 2 dots left and gets
	// exactly those, through B.
	ctx := context.Background()
	iter := a.Redis.Client.Scan(ctx, 0, a.Redis.Prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		a.Redis.Client.Del(ctx, iter.Val())
	}
	onA.post("/w/"+code+"/karten", url.Values{"text": {"Zweite Karte"}, "key": {"bbbbbbbbbbbbbbbb0002"}})
	second, _ := onA.get("/w/" + code + "/gruppe").doc(t).Find("#cards li").Eq(1).Attr("data-card")
	accepted := 0
	for i := 0; i < 5; i++ {
		req, _ := http.NewRequest(http.MethodPost, b.URL+"/w/"+code+"/punkte", strings.NewReader(url.Values{"card": {second}, "delta": {"1"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		for _, ck := range onA.client.Jar.Cookies(mustURL(a.URL)) {
			req.AddCookie(ck)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			accepted++
		}
	}
	if accepted != 2 {
		t.Errorf("after Redis lost its state, %d of 5 dots were accepted; the participant had 2 left", accepted)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestWallGroupsCardsByCluster(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	mod := newCitizen(t, srv)
	mod.login("mod@i.de")
	console, code := liveWorkshop(t, srv, mod, "3", "3")
	p := newCitizen(t, srv)
	p.joinGroup(code, 0)
	p.post("/w/"+code+"/karten", url.Values{"text": {"Busse fahren selten"}, "key": {"cccccccccccccccc0001"}})
	p.post("/w/"+code+"/karten", url.Values{"text": {"Kein Radweg"}, "key": {"cccccccccccccccc0002"}})
	cards := mustCards(t, srv, 0)
	group := fmt.Sprint(cards[0].GroupID)
	if res := mod.post(console+"/cluster", url.Values{"group": {group}, "title": {"Mobilität"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cluster: %d", res.StatusCode)
	}
	clusters, _ := srv.Store.Clusters(context.Background(), newestWorkshop(t, srv))
	res := mod.post(fmt.Sprintf("%s/karten/%d", console, cards[0].ID), url.Values{"action": {"cluster"}, "cluster": {fmt.Sprint(clusters[0].ID)}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("assign cluster: %d", res.StatusCode)
	}
	wall := newCitizen(t, srv).get("/w/" + code + "/wand?gruppe=" + group).doc(t)
	section := wall.Find(`section[aria-labelledby="cluster-` + fmt.Sprint(clusters[0].ID) + `"]`)
	if section.Find("h2").Text() != "Mobilität" || !strings.Contains(section.Text(), "Busse fahren selten") || strings.Contains(section.Text(), "Kein Radweg") {
		t.Errorf("cluster section: %q", section.Text())
	}
	if !strings.Contains(wall.Find(`#cards`).Text(), "Kein Radweg") {
		t.Error("the unclustered card is missing")
	}
	// Moving a card to another group, fixing a typo and hiding are audited.
	groups, _ := srv.Store.Groups(context.Background(), newestWorkshop(t, srv))
	mod.post(fmt.Sprintf("%s/karten/%d", console, cards[1].ID), url.Values{"action": {"edit"}, "text": {"Kein Radweg nach Bietigheim"}})
	mod.post(fmt.Sprintf("%s/karten/%d", console, cards[1].ID), url.Values{"action": {"move"}, "group": {fmt.Sprint(groups[1].ID)}})
	mod.post(fmt.Sprintf("%s/karten/%d", console, cards[0].ID), url.Values{"action": {"hide"}})
	if res := mod.post(fmt.Sprintf("%s/karten/%d", console, cards[0].ID), url.Values{"action": {"move"}, "group": {"999"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("move to a foreign group: %d", res.StatusCode)
	}
	after := mustCards(t, srv, 0)
	if !after[0].Hidden || after[1].Text != "Kein Radweg nach Bietigheim" || after[1].GroupID != groups[1].ID {
		t.Errorf("cards after moderation: %+v", after)
	}
	entries, _ := srv.Store.AuditEntries(context.Background(), store.AuditFilter{MunicipalityID: 1, Limit: 50})
	actions := map[string]bool{}
	for _, e := range entries {
		actions[e.Action] = true
	}
	for _, want := range []string{"workshop.create", "workshop.open", "cluster.create", "card.cluster", "card.edit", "card.move", "card.hide"} {
		if !actions[want] {
			t.Errorf("audit log lacks %s", want)
		}
	}
}

// TestConsoleChangesACardAndItsClusters: the console's one form per card
// changes text, cluster, field and group together; a cluster is renamed
// and dissolved without losing its cards; a closed workshop refuses both.
func TestConsoleChangesACardAndItsClusters(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	mod := newCitizen(t, srv)
	mod.login("mod@i.de")
	console, code := liveWorkshop(t, srv, mod, "3", "3")
	p := newCitizen(t, srv)
	p.joinGroup(code, 0)
	p.post("/w/"+code+"/karten", url.Values{"text": {"Busse fahren selten"}, "key": {"dddddddddddddddd0001"}})
	card := mustCards(t, srv, 0)[0]
	ctx := context.Background()
	groups, _ := srv.Store.Groups(ctx, card.WorkshopID)
	mod.post(console+"/cluster", url.Values{"group": {fmt.Sprint(card.GroupID)}, "title": {"Mobilität"}})
	clusters, _ := srv.Store.Clusters(ctx, card.WorkshopID)
	cardURL := fmt.Sprintf("%s/karten/%d", console, card.ID)
	save := url.Values{"action": {"save"}, "text": {"Busse fahren zu selten"}, "cluster": {fmt.Sprint(clusters[0].ID)}, "field": {"3"}, "group": {fmt.Sprint(card.GroupID)}}
	if res := mod.post(cardURL, save); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.StatusCode, res.Body)
	}
	got := mustCards(t, srv, 0)[0]
	if got.Text != "Busse fahren zu selten" || got.ClusterID == nil || *got.ClusterID != clusters[0].ID || got.ActionFieldID == nil || *got.ActionFieldID != 3 {
		t.Fatalf("after save: %+v", got)
	}
	doc := mod.get(console).doc(t)
	if meta := doc.Find(fmt.Sprintf("#karte-%d .meta", card.ID)).Text(); !strings.Contains(meta, "Mobilität") {
		t.Errorf("the card's cluster is not shown on the console: %q", meta)
	}
	// Too long a text is refused with its reason, and nothing changes.
	tooLong := url.Values{"action": {"save"}, "text": {strings.Repeat("x", 141)}, "group": {fmt.Sprint(card.GroupID)}}
	if res := mod.post(cardURL, tooLong); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("too long: %d", res.StatusCode)
	}
	if again := mustCards(t, srv, 0)[0]; again.Text != got.Text || again.ClusterID == nil {
		t.Errorf("a refused save changed the card: %+v", again)
	}
	// Renaming keeps the cards in it.
	clusterURL := fmt.Sprintf("%s/cluster/%d", console, clusters[0].ID)
	if res := mod.post(clusterURL, url.Values{"action": {"rename"}, "title": {"Bus und Bahn"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rename: %d", res.StatusCode)
	}
	if res := mod.post(clusterURL, url.Values{"action": {"rename"}, "title": {"  "}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("empty name: %d", res.StatusCode)
	}
	renamed, _ := srv.Store.Clusters(ctx, card.WorkshopID)
	if len(renamed) != 1 || renamed[0].Title != "Bus und Bahn" {
		t.Errorf("after rename: %+v", renamed)
	}
	// Moving the card to another group takes it out of its cluster, and
	// the console says so.
	save.Set("group", fmt.Sprint(groups[1].ID))
	res := mod.post(cardURL, save)
	if moved := mustCards(t, srv, 0)[0]; moved.GroupID != groups[1].ID || moved.ClusterID != nil {
		t.Errorf("moved card: %+v", moved)
	}
	if notice := mod.get(res.Header.Get("Location")).doc(t).Find(".notice--success").Text(); !strings.Contains(notice, "ohne Cluster") {
		t.Errorf("moving a clustered card into another group: notice %q", notice)
	}
	if notice := mod.get(console + "?gespeichert=workshop.error.closed").doc(t).Find(".notice").Length(); notice != 0 {
		t.Errorf("a crafted notice query shows %d notices", notice)
	}
	// Dissolving a cluster keeps its cards.
	save.Set("group", fmt.Sprint(card.GroupID))
	mod.post(cardURL, save)
	if res := mod.post(clusterURL, url.Values{"action": {"delete"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	left, _ := srv.Store.Clusters(ctx, card.WorkshopID)
	after := mustCards(t, srv, 0)
	if len(left) != 0 || len(after) != 1 || after[0].ClusterID != nil || after[0].Text != "Busse fahren zu selten" {
		t.Errorf("after dissolving: clusters %+v, cards %+v", left, after)
	}
	if res := mod.post(clusterURL, url.Values{"action": {"rename"}, "title": {"Weg"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("rename a dissolved cluster: %d", res.StatusCode)
	}
	// A name too long is refused with the limit.
	long := mod.post(console+"/cluster", url.Values{"group": {fmt.Sprint(card.GroupID)}, "title": {strings.Repeat("M", 81)}})
	if long.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(long.Body, "höchstens 80 Zeichen") {
		t.Errorf("a cluster name of 81 characters: %d", long.StatusCode)
	}
	// A closed workshop takes no new cluster and no new name.
	mod.post(console+"/cluster", url.Values{"group": {fmt.Sprint(card.GroupID)}, "title": {"Verkehr"}})
	kept, _ := srv.Store.Clusters(ctx, card.WorkshopID)
	if res := mod.post(console+"/steuerung", url.Values{"action": {"close"}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("close: %d %s", res.StatusCode, res.Body)
	}
	if res := mod.post(console+"/cluster", url.Values{"group": {fmt.Sprint(card.GroupID)}, "title": {"Nachher"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("a cluster in a closed workshop: %d, want 409", res.StatusCode)
	}
	if res := mod.post(fmt.Sprintf("%s/cluster/%d", console, kept[0].ID), url.Values{"action": {"rename"}, "title": {"Nachher"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("renaming a cluster of a closed workshop: %d, want 409", res.StatusCode)
	}
	if final, _ := srv.Store.Clusters(ctx, card.WorkshopID); len(final) != 1 || final[0].Title != "Verkehr" {
		t.Errorf("clusters after the refusals: %+v", final)
	}
	entries, _ := srv.Store.AuditEntries(ctx, store.AuditFilter{MunicipalityID: 1, Limit: 50})
	actions := map[string]bool{}
	for _, e := range entries {
		actions[e.Action] = true
	}
	for _, want := range []string{"card.save", "cluster.rename", "cluster.delete"} {
		if !actions[want] {
			t.Errorf("audit log lacks %s", want)
		}
	}
}

// TestCardLeavingTheWallGivesItsDotsBack: a card the moderator hides or
// moves to another group during voting gives its dots back to their
// givers, who could neither see it nor take them back.
func TestCardLeavingTheWallGivesItsDotsBack(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, code := liveWorkshop(t, srv, mod, "2", "2")
	anna := newCitizen(t, srv)
	anna.joinGroup(code, 0)
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Bänke am Neckar"}, "key": {"dddddddddddddddd0001"}})
	anna.post("/w/"+code+"/karten", url.Values{"text": {"Bus am Sonntag"}, "key": {"dddddddddddddddd0002"}})
	cards := mustCards(t, srv, 0)
	groups, _ := srv.Store.Groups(context.Background(), cards[0].WorkshopID)
	mod.post(console+"/steuerung", url.Values{"action": {"voting_open"}})
	for _, c := range cards {
		if res := anna.post("/w/"+code+"/punkte", url.Values{"card": {fmt.Sprint(c.ID)}, "delta": {"1"}}); res.StatusCode >= 400 {
			t.Fatalf("dot: %d %s", res.StatusCode, res.Body)
		}
	}
	left := func() string {
		return strings.TrimSpace(anna.get("/w/" + code + "/gruppe").doc(t).Find("#dots-left").Text())
	}
	if got := left(); !strings.HasPrefix(got, "Sie haben alle Ihre Punkte vergeben") {
		t.Fatalf("after two dots: %q", got)
	}
	if res := mod.post(fmt.Sprintf("%s/karten/%d", console, cards[0].ID), url.Values{"action": {"hide"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("hide: %d", res.StatusCode)
	}
	if got := left(); got != "Sie haben noch 1 Punkt." {
		t.Errorf("after the moderator hid a card with a dot: %q", got)
	}
	save := url.Values{"action": {"save"}, "text": {"Bus am Sonntag"}, "group": {fmt.Sprint(groups[1].ID)}}
	if res := mod.post(fmt.Sprintf("%s/karten/%d", console, cards[1].ID), save); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d", res.StatusCode)
	}
	if got := left(); got != "Sie haben noch 2 Punkte." {
		t.Errorf("after the moderator moved a card with a dot away: %q", got)
	}
	for _, c := range mustCards(t, srv, 0) {
		if c.DotTotal != 0 {
			t.Errorf("card %q keeps %d dots", c.Text, c.DotTotal)
		}
	}
	// Shown again, the card starts without dots; its dot can be given anew.
	mod.post(fmt.Sprintf("%s/karten/%d", console, cards[0].ID), url.Values{"action": {"show"}})
	if res := anna.post("/w/"+code+"/punkte", url.Values{"card": {fmt.Sprint(cards[0].ID)}, "delta": {"1"}}); res.StatusCode >= 400 {
		t.Errorf("a dot on the card shown again: %d %s", res.StatusCode, res.Body)
	}
}

// TestStreamsCountOnlyJoinedPhones: a stream for a group the workshop
// lacks is not found, and only a phone joined to the group counts as
// connected there; a stranger's stream only listens.
func TestStreamsCountOnlyJoinedPhones(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	_, code := liveWorkshop(t, srv, mod, "3", "3")
	wc, err := srv.App.WorkshopByCode(context.Background(), code, false)
	if err != nil {
		t.Fatal(err)
	}
	group := wc.Groups[0].ID
	stranger := newCitizen(t, srv)
	if res := stranger.get(fmt.Sprintf("/w/%s/ereignisse?gruppe=987654321", code)); res.StatusCode != http.StatusNotFound {
		t.Errorf("a stream for a group the workshop lacks: %d", res.StatusCode)
	}
	online := func() int {
		att, err := srv.App.WorkshopAttendance(context.Background(), wc)
		if err != nil {
			t.Fatal(err)
		}
		return att.Online[group]
	}
	listen := func(c *citizen) {
		go func() {
			_ = readEvents(t, c, fmt.Sprintf("/w/%s/ereignisse?gruppe=%d", code, group), "", 1, 1500*time.Millisecond)
		}()
	}
	listen(stranger)
	time.Sleep(400 * time.Millisecond)
	if n := online(); n != 0 {
		t.Errorf("a stranger's stream counts as %d connected", n)
	}
	phone := newCitizen(t, srv)
	phone.joinGroup(code, 0)
	listen(phone)
	time.Sleep(400 * time.Millisecond)
	if n := online(); n != 1 {
		t.Errorf("a joined phone's stream: %d connected, want 1", n)
	}
	time.Sleep(1500 * time.Millisecond) // the streams end with their readers
}

// TestClustersPerGroupAreCapped: a group takes at most 20 clusters in a
// phase, and the 21st is refused with the reason.
func TestClustersPerGroupAreCapped(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	console, code := liveWorkshop(t, srv, mod, "3", "3")
	wc, err := srv.App.WorkshopByCode(context.Background(), code, false)
	if err != nil {
		t.Fatal(err)
	}
	group := fmt.Sprint(wc.Groups[0].ID)
	for i := 0; i < domain.MaxClustersPerGroup; i++ {
		if res := mod.post(console+"/cluster", url.Values{"group": {group}, "title": {fmt.Sprintf("Cluster %d", i)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("cluster %d: %d", i, res.StatusCode)
		}
	}
	res := mod.post(console+"/cluster", url.Values{"group": {group}, "title": {"Einer zu viel"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "schon 20 Cluster") {
		t.Errorf("the 21st cluster: %d", res.StatusCode)
	}
}

// TestCardsPerAddressAreCapped: fresh participants from one address
// cannot flood a workshop: after 300 cards a minute the address waits.
func TestCardsPerAddressAreCapped(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	_, code := liveWorkshop(t, srv, mod, "3", "3")
	refused := false
	start := time.Now()
	for p := 0; p < 40 && !refused; p++ {
		phone := newCitizen(t, srv)
		phone.joinGroup(code, 0)
		for i := 0; i < 19 && !refused; i++ {
			res := phone.post("/w/"+code+"/karten", url.Values{"text": {fmt.Sprintf("Karte %d-%d", p, i)}, "key": {fmt.Sprintf("flood-key-%04d-%04d", p, i)}})
			refused = res.StatusCode == http.StatusTooManyRequests
		}
	}
	elapsed := time.Since(start)
	wc, err := srv.App.WorkshopByCode(context.Background(), code, false)
	if err != nil {
		t.Fatal(err)
	}
	cards, _ := srv.Store.Cards(context.Background(), wc.Workshop.ID, 0, 0, true)
	// The limit refills continuously (GCRA, 5 a second): while the test
	// runs, a few more than 300 get through.
	most := 300 + int(elapsed.Seconds()*5) + 2
	if n := len(cards); !refused || n < 300 || n > most {
		t.Errorf("one address in %v: %d cards stored (refused: %v); want 300 to %d and a refusal", elapsed, n, refused, most)
	}
}
