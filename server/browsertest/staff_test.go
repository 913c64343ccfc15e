package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestStaffLoginAndModerationQueue: an idea waits for pre-moderation, a
// moderator logs in on a phone, releases it from the queue and hides
// another with a public reason; every staff page passes axe-core.
func TestStaffLoginAndModerationQueue(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	m, _ := srv.Store.MunicipalityBySlug(ctx, "ingersheim")
	p, _ := srv.Store.ProcessBySlug(ctx, m.ID, "heute-leben-morgen-gestalten")
	p.Moderation = domain.ModerationPre
	if err := srv.Store.UpdateProcess(ctx, store.Actor{Name: "test"}, p); err != nil {
		t.Fatal(err)
	}
	testutil.CreateStaff(t, srv.Store, "mara@ingersheim.de", "Mara Moderatorin", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration}, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})

	b := New(t)
	b.Must(
		chromedp.Navigate(srv.URL+processPath+"/ideen/neu"),
		chromedp.SetValue(`#action_field`, "5"),
		chromedp.SendKeys(`#title`, "Mitfahrbank am Ortsausgang"),
		chromedp.Click(`#privacy`, chromedp.NodeVisible),
		chromedp.Click(`form.idea-form button[type=submit]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.notice--success`),
	)
	if got := b.Text(".notice--success"); !strings.Contains(got, "wartet auf die Freigabe") {
		t.Fatalf("after submitting under pre-moderation: %q", got)
	}

	b.Must(chromedp.Navigate(srv.URL + "/intern/"))
	b.WaitUntil(`document.querySelector('#email') !== null`)
	b.CheckAccessibility("staff login")
	b.Must(
		chromedp.SendKeys(`#email`, "mara@ingersheim.de"),
		chromedp.SendKeys(`#password`, testutil.StaffPassword),
		chromedp.Click(`form[action="/intern/anmelden"] button[type=submit]`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('h1')?.textContent.includes('Willkommen')`)
	b.CheckAccessibility("staff home")

	b.Must(chromedp.Navigate(srv.URL + "/intern/k/ingersheim/moderation"))
	b.WaitUntil(`document.querySelector('.idea-card') !== null`)
	b.CheckAccessibility("moderation queue")
	b.Must(
		chromedp.Click(`.idea-card input[type=checkbox]`, chromedp.NodeVisible),
		chromedp.Click(`#action-release`, chromedp.NodeVisible),
		chromedp.Click(`form[action$="/moderation"] button[type=submit]`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('.notice--success') !== null`)
	b.CheckAccessibility("moderation queue after releasing")

	b.Must(chromedp.Navigate(srv.URL + processPath + "/ideen"))
	if got := b.Text(".idea-card__title"); got != "Mitfahrbank am Ortsausgang" {
		t.Fatalf("released idea is not first in the list: %q", got)
	}

	for _, page := range []string{"/intern/k/ingersheim/", "/intern/k/ingersheim/team", "/intern/k/ingersheim/protokoll",
		"/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten", "/intern/k/ingersheim/datenauskunft", "/intern/passwort"} {
		b.Must(chromedp.Navigate(srv.URL + page))
		b.CheckAccessibility(page)
	}

	b.Must(chromedp.Click(`.staff-nav button`, chromedp.NodeVisible))
	b.WaitUntil(`location.pathname === '/intern/anmelden'`)
	b.Must(chromedp.Navigate(srv.URL + "/intern/"))
	b.WaitUntil(`location.pathname === '/intern/anmelden'`)
}
