package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestImplementationOnAPhone: the dashboard and the Backhaustag's page pass
// axe-core; the administration posts a status report on a phone, and the
// dashboard and the trail of the idea behind the measure change.
func TestImplementationOnAPhone(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "vera@ingersheim.de", "Vera Verwaltung", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung}, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleProjektgruppe})
	idea, _, err := srv.Store.IdeaByIdempotencyKey(context.Background(), "demo-idea-08") // Willkommenspaten
	if err != nil {
		t.Fatal(err)
	}
	ideaPath := fmt.Sprintf("%s/ideen/%d", processPath, idea.ID)

	b := New(t)
	b.Must(chromedp.Navigate(srv.URL + processPath + "/umsetzung"))
	b.WaitUntil(`document.querySelector('svg[role="img"]') !== null`)
	if got := b.Text(".concept-status"); !strings.Contains(got, "3 von 8") {
		t.Errorf("dashboard summary %q", got)
	}
	if got := b.Text(`section[aria-labelledby="upcoming"]`); !strings.Contains(got, "Backhaustag") || !strings.Contains(got, fmt.Sprintf("%d Mal stattgefunden", len(demo.BackhaustagDates(time.Now().UTC())))) {
		t.Errorf("upcoming: %q", got)
	}
	b.CheckAccessibility("dashboard")
	b.Must(chromedp.Click(`section[aria-labelledby="upcoming"] a`, chromedp.NodeVisible))
	b.WaitUntil(`document.querySelector('h1')?.textContent.includes('Backhaustag')`)
	if n := Eval[int](b, `document.querySelectorAll('.measure ul li').length`); n < 3 {
		t.Errorf("the Backhaustag page lists %d occurrences, want 3", n)
	}
	b.CheckAccessibility("measure page with reports and occurrences")
	b.Must(chromedp.Navigate(srv.URL + ideaPath))
	if got := b.Text(".trail"); !strings.Contains(got, "Umsetzungsstand: geplant") {
		t.Errorf("trail before the report: %q", got)
	}

	// The administration reports on the phone.
	b.Must(
		chromedp.Navigate(srv.URL+"/intern/anmelden"),
		chromedp.SendKeys(`#email`, "vera@ingersheim.de"),
		chromedp.SendKeys(`#password`, testutil.StaffPassword),
		chromedp.Click(`form[action="/intern/anmelden"] button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`location.pathname === '/intern/'`)
	b.Must(chromedp.Navigate(srv.URL + staffProcessPath + "/umsetzung"))
	b.WaitUntil(`document.querySelector('tbody a') !== null`)
	b.CheckAccessibility("reporting list")
	b.Must(chromedp.Click(`tbody a[href$="/umsetzung/`+lineageOf(t, b, "Willkommenspaten")+`"]`, chromedp.NodeVisible))
	b.WaitUntil(`document.querySelector('#status') !== null`)
	b.CheckAccessibility("report form")
	b.Must(
		chromedp.SetValue(`#status`, "umgesetzt"),
		chromedp.SendKeys(`#text`, "Zehn Patenschaften vermittelt."),
		chromedp.SendKeys(`#progress`, "100"),
		chromedp.Click(`form:has(#status) button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('.notice--success') !== null`)
	if got := b.Text(".concept-status"); !strings.Contains(got, "umgesetzt") {
		t.Errorf("status after the report: %q", got)
	}
	for _, page := range []string{staffProcessPath + "/qualitaetssicherung", staffProcessPath + "/fahrplan"} {
		b.Must(chromedp.Navigate(srv.URL + page))
		b.WaitUntil(`document.querySelector('h1') !== null`)
		b.CheckAccessibility(page)
	}

	b.Must(chromedp.Navigate(srv.URL + processPath + "/umsetzung"))
	b.WaitUntil(`document.querySelector('.concept-status') !== null`)
	if got := b.Text(".concept-status"); !strings.Contains(got, "4 von 8") {
		t.Errorf("dashboard after the report: %q", got)
	}
	if got := b.Text(`section[aria-labelledby="recent"]`); !strings.Contains(got, "Willkommenspaten") {
		t.Errorf("recently achieved lacks the measure: %q", got)
	}
	b.Must(chromedp.Navigate(srv.URL + ideaPath))
	if got := b.Text(".trail"); !strings.Contains(got, "Umsetzungsstand: umgesetzt") {
		t.Errorf("trail after the report: %q", got)
	}
}

// lineageOf reads the measure's id from the reporting list's link.
func lineageOf(t *testing.T, b *Browser, title string) string {
	t.Helper()
	href := Eval[string](b, `[...document.querySelectorAll('tbody a')].find(a => a.textContent.includes('`+title+`'))?.getAttribute('href') ?? ''`)
	if href == "" {
		t.Fatalf("no measure %q in the list", title)
	}
	return href[strings.LastIndex(href, "/")+1:]
}
