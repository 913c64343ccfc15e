package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/testutil"
)

const processPath = "/ingersheim/heute-leben-morgen-gestalten"

// TestCitizenFlowOnAPhone: open the process page, submit an idea, find it
// in the list, support it, reload and see the count — axe-checked pages.
func TestCitizenFlowOnAPhone(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	b := New(t)

	b.Must(chromedp.Navigate(srv.URL + processPath + "/"))
	if got := b.Text("h1"); got != "Ingersheim, heute leben – morgen gestalten" {
		t.Fatalf("h1 = %q", got)
	}
	if lang := Eval[string](b, `document.documentElement.lang`); lang != "de" {
		t.Errorf("page language %q, want de", lang)
	}
	b.CheckAccessibility("process page")

	b.Must(chromedp.Click(`a.button--primary`, chromedp.NodeVisible), chromedp.WaitVisible(`form.idea-form`))

	// Sending the empty form shows the error summary; check that state too.
	b.Must(chromedp.Click(`form.idea-form button[type=submit]`, chromedp.NodeVisible), chromedp.WaitVisible(`#error-summary`))
	b.CheckAccessibility("idea form with errors")

	b.Must(
		chromedp.SetValue(`#action_field`, "3"),
		chromedp.SendKeys(`#title`, "Boule-Platz für Jung und Alt"),
		chromedp.SendKeys(`#body`, "Neben dem Backhaus ist Platz für eine Boulebahn."),
		chromedp.SendKeys(`#pseudonym`, "Pétanque-Fan 🎯"),
		chromedp.Click(`#privacy`, chromedp.NodeVisible),
		chromedp.Click(`form.idea-form button[type=submit]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.notice--success`),
	)
	if got := b.Text("h1"); got != "Boule-Platz für Jung und Alt" {
		t.Fatalf("idea page h1 = %q", got)
	}
	ideaURL := strings.SplitN(Eval[string](b, `location.href`), "?", 2)[0]
	b.CheckAccessibility("idea page")
	b.Must(chromedp.Click(`details.report summary`, chromedp.NodeVisible), chromedp.WaitVisible(`#reason-spam`))
	b.CheckAccessibility("idea page with the report form open")

	b.Must(chromedp.Navigate(srv.URL + processPath + "/ideen?suche=boule"))
	if got := b.Text(".idea-card__title"); got != "Boule-Platz für Jung und Alt" {
		t.Fatalf("search result = %q", got)
	}
	b.CheckAccessibility("idea list")

	b.Must(chromedp.Click(`.idea-card form.support button`, chromedp.NodeVisible))
	// The form posts and redirects back to the list; wait for the new page.
	b.WaitUntil(`document.querySelector('.idea-card input[name=support]')?.value === '0'`)
	if got := b.Text(".idea-card .support__count"); got != "1 Unterstützung" {
		t.Errorf("count in list after supporting = %q", got)
	}
	b.Must(chromedp.Navigate(ideaURL), chromedp.Reload(), chromedp.WaitVisible(`.facts`))
	if got := b.Text(".facts .support__count"); got != "1" {
		t.Errorf("count on idea page after reload = %q, want 1", got)
	}
	if got := b.Text("form.support button"); got != "Unterstützung zurückziehen" {
		t.Errorf("button after supporting = %q", got)
	}
	b.Must(chromedp.Navigate(srv.URL + "/ingersheim/"))
	b.CheckAccessibility("municipality page")

	// Nothing was fetched from anywhere but the server itself.
	requests := b.Requests()
	if len(requests) < 10 {
		t.Fatalf("only %d requests recorded; the listener is broken", len(requests))
	}
	for _, u := range requests {
		if !strings.HasPrefix(u, srv.URL+"/") {
			t.Errorf("the page requested %s from elsewhere", u)
		}
	}
}

// TestKeyboardOnly submits an idea with the keyboard alone: skip link,
// tab order and visible focus.
func TestKeyboardOnly(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	b := New(t)
	b.Must(chromedp.Navigate(srv.URL + processPath + "/ideen/neu"))
	b.Must(chromedp.KeyEvent("\t"))
	if got := Eval[string](b, `document.activeElement.className`); got != "skip-link" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	if outline := Eval[string](b, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Error("focused skip link shows no outline")
	}
	b.Must(chromedp.Focus(`#action_field`))
	outline := Eval[string](b, `getComputedStyle(document.activeElement).outlineStyle`)
	if outline == "none" {
		t.Error("focused select shows no outline")
	}
	b.Must(
		chromedp.SetValue(`#action_field`, "1"),
		chromedp.Focus(`#title`), chromedp.KeyEvent("Tastatur-Idee"),
		chromedp.Focus(`#privacy`), chromedp.KeyEvent(" "),
		chromedp.Focus(`form.idea-form button[type=submit]`), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(`.notice--success`),
	)
	if got := b.Text("h1"); got != "Tastatur-Idee" {
		t.Errorf("h1 after keyboard submit = %q", got)
	}
}

// TestMyContributionsOnAPhone: a citizen sees, and erases, what their
// browser contributed; privacy and accessibility pages pass axe-core too.
func TestMyContributionsOnAPhone(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	b := New(t)
	b.Must(
		chromedp.Navigate(srv.URL+processPath+"/ideen/neu"),
		chromedp.SetValue(`#action_field`, "2"),
		chromedp.SendKeys(`#title`, "Spielplatz am Rathaus"),
		chromedp.Click(`#privacy`, chromedp.NodeVisible),
		chromedp.Click(`form.idea-form button[type=submit]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.notice--success`),
		chromedp.Click(`footer a[href="/meine-beitraege"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#my-ideas`),
	)
	if got := b.Text(`section[aria-labelledby=my-ideas] .idea-card__title`); got != "Spielplatz am Rathaus" {
		t.Fatalf("own idea on Meine Beiträge = %q", got)
	}
	b.CheckAccessibility("Meine Beiträge")
	b.Must(
		chromedp.Click(`#confirm`, chromedp.NodeVisible),
		chromedp.Click(`form[action="/meine-beitraege/loeschen"] button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('.notice--success') !== null`)
	if got := b.Text(`section[aria-labelledby=my-ideas] p`); !strings.Contains(got, "keine Ideen") {
		t.Errorf("after erasing: %q", got)
	}
	b.CheckAccessibility("Meine Beiträge after erasing")
	for _, page := range []string{"/datenschutz", "/barrierefreiheit"} {
		b.Must(chromedp.Navigate(srv.URL + page))
		b.CheckAccessibility(page)
	}
}
