package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zukunftswerk/server/testutil"
)

type exportJSON struct {
	Contributions []struct {
		ID        int64  `json:"id"`
		Title     string `json:"title"`
		Pseudonym string `json:"pseudonym"`
		URL       string `json:"url"`
	} `json:"contributions"`
	Supports []struct {
		IdeaID int64  `json:"idea_id"`
		Title  string `json:"title"`
	} `json:"supports"`
}

func TestMyContributionsExportAndErase(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	anna, ben := newCitizen(t, srv), newCitizen(t, srv)

	annaForm := anna.validIdea(`Annas Idee <script>alert("x")</script>`)
	annaForm.Set("pseudonym", "Anna")
	annaIdea := anna.submit(annaForm)
	anna.submit(anna.validIdea("Annas zweite Idee"))
	benIdea := ben.submit(ben.validIdea("Bens geheime Idee"))
	anna.post(benIdea+"/unterstuetzung", url.Values{"support": {"1"}})
	ben.post(annaIdea+"/unterstuetzung", url.Values{"support": {"1"}})

	page := anna.get("/meine-beitraege")
	if page.StatusCode != http.StatusOK {
		t.Fatalf("Meine Beiträge: %d", page.StatusCode)
	}
	if strings.Contains(page.Body, `<script>alert("x")`) || !strings.Contains(page.Body, "Annas Idee &lt;script&gt;") {
		t.Error("Anna's title is not escaped on her overview")
	}
	doc := page.doc(t)
	if n := doc.Find("#my-ideas ~ ul li, section[aria-labelledby=my-ideas] li").Length(); n != 2 {
		t.Errorf("Anna sees %d own ideas, want 2", n)
	}

	res := anna.get("/meine-beitraege/export.json")
	if !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Errorf("export headers: %v", res.Header)
	}
	var export exportJSON
	if err := json.Unmarshal([]byte(res.Body), &export); err != nil {
		t.Fatal(err)
	}
	if len(export.Contributions) != 2 || len(export.Supports) != 1 || export.Supports[0].Title != "Bens geheime Idee" {
		t.Fatalf("Anna's export: %+v", export)
	}
	if strings.Contains(res.Body, "Bens geheime Idee") && strings.Count(res.Body, "Bens geheime Idee") != 1 {
		t.Error("Ben's idea appears in Anna's export other than as her support")
	}
	for _, c := range export.Contributions {
		if strings.Contains(c.Title, "Bens") {
			t.Errorf("Anna's export lists Ben's contribution %q", c.Title)
		}
	}
	// A browser without a device gets an empty export, not an error.
	var empty exportJSON
	if err := json.Unmarshal([]byte(newCitizen(t, srv).get("/meine-beitraege/export.json").Body), &empty); err != nil ||
		len(empty.Contributions) != 0 || len(empty.Supports) != 0 {
		t.Errorf("export without device: %+v %v", empty, err)
	}

	// Erasing needs a confirmation.
	if res := anna.post("/meine-beitraege/loeschen", url.Values{}); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(res.Body, "Bitte bestätigen Sie") {
		t.Errorf("erase without confirmation: %d", res.StatusCode)
	}
	res = anna.post("/meine-beitraege/loeschen", url.Values{"confirm": {"yes"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("erase: %d", res.StatusCode)
	}
	cleared := false
	for _, ck := range res.Cookies() {
		if ck.Name == "zw_device" && ck.MaxAge < 0 {
			cleared = true
		}
	}
	if !cleared {
		t.Error("the device cookie was not cleared")
	}
	// Anna's ideas stay, without her name; her support of Ben's idea is gone.
	annaPage := ben.get(annaIdea).doc(t)
	if annaPage.Find("h1").Length() != 1 || strings.Contains(annaPage.Find(".facts").Text(), "Anna") {
		t.Errorf("Anna's idea after erasure: %q", annaPage.Find(".facts").Text())
	}
	if got := strings.TrimSpace(ben.get(benIdea).doc(t).Find(".facts .support__count").Text()); got != "0" {
		t.Errorf("Ben's idea still counts %s supports after Anna's erasure", got)
	}
	if got := strings.TrimSpace(ben.get(annaIdea).doc(t).Find(".facts .support__count").Text()); got != "1" {
		t.Errorf("Ben's support of Anna's idea = %s, want it kept", got)
	}
	var after exportJSON
	json.Unmarshal([]byte(anna.get("/meine-beitraege/export.json").Body), &after)
	if len(after.Contributions) != 0 || len(after.Supports) != 0 {
		t.Errorf("Anna's export after erasure: %+v", after)
	}
	// Ben's data is untouched.
	var benExport exportJSON
	json.Unmarshal([]byte(ben.get("/meine-beitraege/export.json").Body), &benExport)
	if len(benExport.Contributions) != 1 || len(benExport.Supports) != 1 {
		t.Errorf("Ben's export after Anna's erasure: %+v", benExport)
	}
}

func TestLegalPagesAreLinkedEverywhere(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	for _, path := range []string{"/", processPath + "/", processPath + "/ideen/neu", "/nope/x/y/z"} {
		doc := c.get(path).doc(t)
		for _, link := range []string{"/datenschutz", "/barrierefreiheit", "/meine-beitraege"} {
			if doc.Find(`footer a[href="`+link+`"]`).Length() != 1 {
				t.Errorf("%s: footer lacks a link to %s", path, link)
			}
		}
	}
	if res := c.get("/datenschutz"); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "keine IP-Adresse") && !strings.Contains(res.Body, "ohne IP-Adresse") {
		t.Errorf("privacy page: %d", res.StatusCode)
	}
	if res := c.get("/barrierefreiheit"); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "BITV 2.0") {
		t.Errorf("accessibility statement: %d", res.StatusCode)
	}
}
