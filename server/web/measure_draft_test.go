package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestMeasureFromTheBoardWithoutADraft: the demo's concept is adopted, so
// "Aus Beiträgen Maßnahme anlegen" finds no draft. Instead of an error page
// that loses the selection, the project group is offered a Fortschreibung
// (the GET itself changes nothing); starting it leads on to the measure
// form with the selected contributions.
func TestMeasureFromTheBoardWithoutADraft(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	pg := staffBrowser(t, srv, "pg@i.de", domain.RoleProjektgruppe)
	versions := func() int {
		v, err := srv.Store.ConceptVersions(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		return len(v)
	}
	before := versions()
	res := pg.post(staffProcess+"/kuratierung", url.Values{"action": {"measure"}, "id": {"2", "3"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("Maßnahme anlegen: %d", res.StatusCode)
	}
	offer := pg.get(res.Header.Get("Location"))
	if offer.StatusCode != http.StatusOK {
		t.Fatalf("the measure form without a draft: %d\n%s", offer.StatusCode, offer.Body)
	}
	doc := offer.doc(t)
	mustContain(t, doc.Find(".confirm").Text(), "Fortschreibung")
	if got := doc.Find(`.confirm input[name=beitrag]`).Length(); got != 2 {
		t.Errorf("the offer carries %d of the 2 selected contributions", got)
	}
	if versions() != before {
		t.Fatal("opening the measure form created a version (a GET must change nothing)")
	}
	action, _ := doc.Find(".confirm form").Attr("action")
	started := pg.post(action, url.Values{"beitrag": {"2", "3"}})
	if started.StatusCode != http.StatusSeeOther || !strings.Contains(started.Header.Get("Location"), "beitrag=2") {
		t.Fatalf("start the revision: %d %s", started.StatusCode, started.Header.Get("Location"))
	}
	if versions() != before+1 {
		t.Errorf("versions after starting: %d, want %d", versions(), before+1)
	}
	form := pg.get(started.Header.Get("Location"))
	if form.StatusCode != http.StatusOK || form.doc(t).Find(`form[action$="/konzept/massnahmen"]`).Length() != 1 {
		t.Fatalf("the measure form after starting: %d", form.StatusCode)
	}
	mustContain(t, form.Body, `value="2"`)
	// A second start changes nothing: the draft is there.
	if res := pg.post(action, url.Values{}); res.StatusCode != http.StatusSeeOther || versions() != before+1 {
		t.Errorf("starting again: %d, %d versions", res.StatusCode, versions())
	}
}
