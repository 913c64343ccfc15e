package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"zukunftswerk/server/testutil"
)

func TestProcessPageShowsFieldsAndRoadmap(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	res := c.get(processPath + "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	doc := res.doc(t)
	if lang, _ := doc.Find("html").Attr("lang"); lang != "de" {
		t.Errorf("html lang = %q, want de", lang)
	}
	if got := doc.Find("h1").Text(); got != "Ingersheim, heute leben – morgen gestalten" {
		t.Errorf("h1 = %q", got)
	}
	if n := doc.Find(".fields > li").Length(); n != 5 {
		t.Errorf("%d action fields shown, want 5", n)
	}
	if !strings.Contains(doc.Find(".fields").Text(), "Wie müssen Siedlungsentwicklung, Infrastruktur") {
		t.Error("guiding question of field 5 missing")
	}
	items := doc.Find(".timeline > li")
	// The 17 milestones of the source, and the Zukunftswerkstatt's day and
	// the council's adoption of the demo concept, which appear on the
	// Fahrplan by themselves.
	if items.Length() != 19 {
		t.Errorf("%d Fahrplan entries, want 19", items.Length())
	}
	if !strings.Contains(doc.Find(".timeline").Text(), "Gemeinderat Ingersheim: Handlungskonzept Version 1 – beschlossen") {
		t.Error("the council decision is not on the Fahrplan")
	}
	if got := strings.TrimSpace(items.Eq(2).Find(".timeline__date").Text()); got != "Dienstag, 25. Juni 2013" {
		t.Errorf("third Fahrplan date = %q", got)
	}
	if got := strings.TrimSpace(items.Eq(0).Find(".timeline__date").Text()); got != "März 2013" {
		t.Errorf("first Fahrplan date = %q", got)
	}
	// Years of done steps fold away; the last three stay in view.
	folded := doc.Find("details.timeline-earlier .timeline > li").Length()
	if folded != items.Length()-3 || !strings.Contains(doc.Find("details.timeline-earlier summary").Text(), fmt.Sprintf("%d frühere Schritte", folded)) {
		t.Errorf("Fahrplan folds %d of %d steps: %q", folded, items.Length(), doc.Find("details.timeline-earlier summary").Text())
	}
	if n := doc.Find(".timeline__date").Length(); n != items.Length() {
		t.Errorf("%d of %d Fahrplan entries show a date; the demo dates every one", n, items.Length())
	}
	cta := doc.Find(`a.button--primary[href="` + processPath + `/ideen/neu"]`)
	if strings.TrimSpace(cta.Text()) != "Idee einreichen" {
		t.Errorf("call to action = %q", cta.Text())
	}
}

func TestMunicipalityAndHomePages(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	home := c.get("/")
	if home.StatusCode != http.StatusOK || home.doc(t).Find(`a[href="/ingersheim/"]`).Length() != 1 {
		t.Errorf("home: %d, link to Ingersheim missing", home.StatusCode)
	}
	m := c.get("/ingersheim/")
	if m.StatusCode != http.StatusOK || m.doc(t).Find(`a[href="`+processPath+`/"]`).Length() != 1 {
		t.Errorf("municipality: %d, link to the process missing", m.StatusCode)
	}
}

func TestNotFoundPages(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	for _, path := range []string{
		"/atlantis/", "/ingersheim/gibt-es-nicht/", processPath + "/ideen/999999",
		processPath + "/ideen/abc", processPath + "/ideen/-1", "/static/nope.css", "/a/b/c/d/e",
	} {
		res := c.get(path)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, res.StatusCode)
			continue
		}
		if !strings.Contains(res.Body, "Diese Seite gibt es nicht") {
			t.Errorf("GET %s: no German explanation", path)
		}
		if res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: 404 without CSP", path)
		}
	}
}

func TestSecurityHeadersEverywhere(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	paths := []string{"/", processPath + "/", "/static/app.css", "/healthz", "/nope/", "/api/v1/processes/x/y"}
	for _, p := range paths {
		res := c.get(p)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP = %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: missing nosniff or Referrer-Policy", p)
		}
	}
	// A 500 carries them too: close the database under the server.
	srv.Store.Close()
	res := c.get(processPath + "/")
	if res.StatusCode != http.StatusInternalServerError {
		t.Fatalf("with the database closed: %d, want 500", res.StatusCode)
	}
	if res.Header.Get("Content-Security-Policy") == "" || !strings.Contains(res.Body, "Ihre Eingaben sind nicht verloren") {
		t.Errorf("500 page lacks CSP or the citizen's message")
	}
}

func TestLanguageNegotiation(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	c.lang = "en-GB,en;q=0.9"
	res := c.get(processPath + "/")
	doc := res.doc(t)
	if lang, _ := doc.Find("html").Attr("lang"); lang != "en" {
		t.Errorf("lang = %q with English browser", lang)
	}
	if !strings.Contains(res.Body, "Submit an idea") {
		t.Error("English call to action missing")
	}
	// An explicit choice wins over the browser and is remembered.
	c.get(processPath + "/?lang=de")
	res = c.get(processPath + "/ideen")
	if lang, _ := res.doc(t).Find("html").Attr("lang"); lang != "de" || !strings.Contains(res.Body, "Idee einreichen") {
		t.Errorf("after choosing German: lang %q", lang)
	}
	// Unknown languages fall back to German.
	other := newCitizen(t, srv)
	other.lang = "fr-FR"
	if lang, _ := other.get("/").doc(t).Find("html").Attr("lang"); lang != "de" {
		t.Errorf("French browser got %q, want de", lang)
	}
}

func TestHealthAndReadiness(t *testing.T) {
	redisProc := testutil.StartRedis(t)
	srv := testutil.NewServer(t, testutil.Options{Redis: testutil.RedisAt(t, redisProc.URL)})
	c := newCitizen(t, srv)
	if res := c.get("/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("healthz = %d", res.StatusCode)
	}
	if res := c.get("/readyz"); res.StatusCode != http.StatusOK {
		t.Errorf("readyz = %d", res.StatusCode)
	}
	redisProc.Stop()
	res := c.get("/readyz")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(res.Body, "redis") {
		t.Errorf("readyz without Redis = %d %q, want 503 naming redis", res.StatusCode, res.Body)
	}
	if res := c.get("/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("healthz without Redis = %d, want 200", res.StatusCode)
	}
	srv.Store.Close()
	if res := c.get("/readyz"); res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(res.Body, "database") {
		t.Errorf("readyz without database = %d %q", res.StatusCode, res.Body)
	}
}

func TestMetricsAndLogsWithoutAddresses(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+processPath+"/ideen?suche=geheim", nil)
	req.Header.Set("X-Forwarded-For", "203.0.113.77")
	c.do(req)
	metricsReq, _ := http.NewRequest(http.MethodGet, srv.MetricsURL, nil)
	metrics := c.do(metricsReq).Body
	want := `zukunftswerk_http_requests_total{method="GET",route="/:municipality/:process/ideen",status="200"} 1`
	if !strings.Contains(metrics, want) {
		t.Errorf("metrics lack %q", want)
	}
	if !strings.Contains(metrics, "zukunftswerk_http_request_duration_seconds_bucket") {
		t.Error("metrics lack the latency histogram")
	}
	logs := srv.Logs.String()
	if !strings.Contains(logs, `"route":"/:municipality/:process/ideen"`) {
		t.Fatalf("request log line missing:\n%s", logs)
	}
	for _, secret := range []string{"203.0.113.77", "127.0.0.1", "geheim"} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs contain %q:\n%s", secret, logs)
		}
	}
}

func TestStaticFilesAreServedFromTheBinary(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{})
	c := newCitizen(t, srv)
	res := c.get("/static/app.css")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") || len(res.Body) < 1000 {
		t.Errorf("app.css: %d %s %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(res.Body))
	}
	if res := c.get("/static/../go.mod"); res.StatusCode == http.StatusOK {
		t.Error("path traversal served a file")
	}
}

func TestIdeaListPagination(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"IDEA_RATE_PER_HOUR": "100"}})
	c := newCitizen(t, srv)
	for i := 0; i < 12; i++ {
		c.submit(c.validIdea(fmt.Sprintf("Seitenidee %02d", i)))
	}
	// 13 demo + 12 new ideas = 25: two pages of 20.
	first := c.get(processPath + "/ideen?sortierung=neu").doc(t)
	if n := first.Find(".idea-card").Length(); n != 20 {
		t.Fatalf("page 1 lists %d ideas, want 20", n)
	}
	next, ok := first.Find(`.pagination a[rel="next"]`).Attr("href")
	if !ok || !strings.Contains(next, "seite=2") || !strings.Contains(next, "sortierung=neu") {
		t.Fatalf("next link = %q, want page 2 keeping the order", next)
	}
	if !strings.Contains(first.Find(".pagination").Text(), "Seite 1 von 2") {
		t.Errorf("pagination text = %q", first.Find(".pagination").Text())
	}
	second := c.get(next).doc(t)
	if n := second.Find(".idea-card").Length(); n != 6 {
		t.Errorf("page 2 lists %d ideas, want 6", n)
	}
	if second.Find(`.pagination a[rel="prev"]`).Length() != 1 || second.Find(`.pagination a[rel="next"]`).Length() != 0 {
		t.Error("page 2 should link back only")
	}
}
