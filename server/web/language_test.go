package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestCitizensLanguagesStayWhereTheyBelong: a citizens' language speaks
// the citizens' pages; staff pages, files and early refusals answer as
// their readers need, and the headers say the language the page is in.
func TestCitizensLanguagesStayWhereTheyBelong(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)

	page := c.get(processPath + "/?lang=ar")
	html, _ := page.doc(t).Find("html").Attr("lang")
	dir, _ := page.doc(t).Find("html").Attr("dir")
	if page.StatusCode != http.StatusOK || html != "ar" || dir != "rtl" || page.Header.Get("Content-Language") != "ar" {
		t.Errorf("process page in Arabic: %d lang=%q dir=%q Content-Language=%q", page.StatusCode, html, dir, page.Header.Get("Content-Language"))
	}
	if n := page.doc(t).Find(".lang-menu a").Length(); n != 5 {
		t.Errorf("a citizen's menu offers %d languages, want 5", n)
	}
	// A page outside the citizens' set: German, with a note in Arabic.
	concept := c.get(processPath + "/handlungskonzept")
	if lang, _ := concept.doc(t).Find("html").Attr("lang"); lang != "de" || concept.Header.Get("Content-Language") != "de" ||
		!strings.Contains(concept.Body, "هذه الصفحة متاحة باللغة الألمانية فقط") {
		t.Errorf("the concept page for an Arabic reader: lang %q, Content-Language %q, note missing", lang, concept.Header.Get("Content-Language"))
	}
	// Leichte Sprache declares its tag.
	if res := c.get(processPath + "/?lang=ls"); res.Header.Get("Content-Language") != "de-x-ls" {
		t.Errorf("Leichte Sprache says Content-Language %q", res.Header.Get("Content-Language"))
	}

	// Staff pages: German or English only, no note, a menu of two.
	login := newCitizen(t, srv).get("/intern/anmelden?lang=ar")
	if lang, _ := login.doc(t).Find("html").Attr("lang"); lang != "de" || login.doc(t).Find(".lang-menu a").Length() != 2 ||
		strings.Contains(login.Body, "هذه الصفحة") || login.doc(t).Find(`.lang-menu a[aria-current]`).Text() != "Deutsch" {
		t.Errorf("staff login for an Arabic browser: lang %q, %d languages", lang, login.doc(t).Find(".lang-menu a").Length())
	}
	mod := staffBrowser(t, srv, "mod@i.de", domain.RoleModeration)
	mod.get("/?lang=ar")
	missing := mod.get("/intern/k/nirgendwo/")
	if lang, _ := missing.doc(t).Find("html").Attr("lang"); missing.StatusCode != http.StatusNotFound || lang != "de" {
		t.Errorf("a staff member's error page under Arabic: %d in %q", missing.StatusCode, lang)
	}

	// Files carry no language: no cookie, no Vary, one cached copy.
	css := c.get("/static/app.css?lang=tr")
	if css.Header.Get("Set-Cookie") != "" || css.Header.Get("Content-Language") != "" || strings.Contains(strings.Join(css.Header.Values("Vary"), ","), "Cookie") {
		t.Errorf("a file answers with language headers: %v", css.Header)
	}

	// The menu's links keep an escaped path escaped.
	odd := c.get("/x/a%3Fb=1/?lang=ar")
	if href, _ := odd.doc(t).Find(`.lang-menu a[hreflang="en"]`).Attr("href"); href != "/x/a%3Fb=1/?lang=en" {
		t.Errorf("menu link on an escaped path: %q", href)
	}

	// Refused before gin (a cross-site post): in the language the URL asks for.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+processPath+"/ideen?lang=ar", strings.NewReader("title=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	body := string(raw)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "جاء هذا الطلب من موقع آخر") {
		t.Errorf("cross-site post under ?lang=ar: %d %s", res.StatusCode, body)
	}
}

// TestWrongJoinCodeStaysOnTheForm: a code with no workshop comes back on
// the code form with the reason, in the phone's language, the code kept to
// correct; a right one goes on to the join page.
func TestWrongJoinCodeStaysOnTheForm(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	res := c.get("/w?code=zz-zz+zz&lang=tr")
	doc := res.doc(t)
	if value, _ := doc.Find("#code").Attr("value"); res.StatusCode != http.StatusNotFound || value != "zz-zz zz" ||
		!strings.Contains(doc.Find("#code-error").Text(), "Bu koda ait bir atölye yok") {
		t.Errorf("wrong code: %d, field %q, error %q", res.StatusCode, value, doc.Find("#code-error").Text())
	}
	if invalid, _ := doc.Find("#code").Attr("aria-invalid"); invalid != "true" {
		t.Error("the code field is not marked invalid")
	}
	workshops, _ := srv.Store.Workshops(t.Context(), 1)
	code := workshops[0].Code()
	if res := c.get("/w?code=" + strings.ToLower(code)); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/w/"+code {
		t.Errorf("right code: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
}
