package browsertest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestWholeWorkshop runs a Zukunftswerkstatt: a moderator and three phones
// join by code, write cards in two phases, vote, the wall shows the
// ranking, the moderator closes, and the documentation lists every card
// with its dots. Participant pages pass axe-core.
func TestWholeWorkshop(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mara@ingersheim.de", "Mara Moderatorin", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})

	mod := New(t)
	mod.Must(
		chromedp.Navigate(srv.URL+"/intern/anmelden"),
		chromedp.SendKeys(`#email`, "mara@ingersheim.de"),
		chromedp.SendKeys(`#password`, testutil.StaffPassword),
		chromedp.Click(`form[action="/intern/anmelden"] button`, chromedp.NodeVisible),
	)
	mod.WaitUntil(`location.pathname === '/intern/'`)
	mod.Must(chromedp.Navigate(srv.URL + "/intern/k/ingersheim/werkstaetten"))
	mod.Screenshots("workshop-prepare")
	mod.Must(
		chromedp.SendKeys(`#title`, "Zukunftswerkstatt in der SKV-Halle"),
		chromedp.SendKeys(`#place`, "SKV-Halle"),
		chromedp.SendKeys(`#groups`, "Jung & Alt\nWohnen"),
		chromedp.SetValue(`#budget`, "3"),
		chromedp.SetValue(`#max`, "2"),
		chromedp.Click(`form[action$="/werkstaetten"] button[type=submit]`, chromedp.NodeVisible),
	)
	mod.WaitUntil(`document.querySelector('button[value=open]') !== null`)
	console := Eval[string](mod, `location.pathname`)
	mod.Must(chromedp.Click(`button[value=open]`, chromedp.NodeVisible))
	mod.WaitUntil(`document.querySelector('.wall__code-small') !== null`)
	code := mod.Text(`.wall__code-small`)
	if !regexp.MustCompile(`^[A-Z0-9]{6}$`).MatchString(code) {
		t.Fatalf("join code %q", code)
	}

	phones := []*Browser{New(t), New(t), New(t)}
	for i, p := range phones {
		p.Must(chromedp.Navigate(srv.URL + "/w"))
		if i == 0 {
			p.CheckAccessibility("code entry")
		}
		p.Must(chromedp.SendKeys(`#code`, strings.ToLower(code)), chromedp.Submit(`#code`))
		p.WaitUntil(`document.querySelector('input[name=group]') !== null`)
		if i == 0 {
			p.CheckAccessibility("join page")
		}
		p.Must(
			chromedp.Click(`input[name=group]`, chromedp.NodeVisible),
			chromedp.SendKeys(`#name`, fmt.Sprintf("Person %d", i+1)),
			chromedp.Click(`form[action$="/beitreten"] button`, chromedp.NodeVisible),
		)
		p.WaitUntil(`document.querySelector('#card-form') !== null`)
	}
	phones[0].CheckAccessibility("participant page, Kritikphase")

	write := func(p *Browser, text string) {
		t.Helper()
		p.Must(chromedp.SendKeys(`#text`, text), chromedp.Click(`#card-form button[type=submit]`, chromedp.NodeVisible))
	}
	waitCards := func(p *Browser, n int) {
		t.Helper()
		p.WaitUntil(fmt.Sprintf(`document.querySelectorAll('#cards li').length === %d`, n))
	}
	write(phones[0], "Zu wenig Treffpunkte")
	write(phones[1], "Busse fahren selten")
	write(phones[2], "Kaum Angebote für Ältere")
	for _, p := range phones {
		waitCards(p, 3) // every phone sees every card of its group, live
	}

	mod.Must(chromedp.Navigate(srv.URL+console), chromedp.Click(`button[value=next]`, chromedp.NodeVisible))
	for _, p := range phones {
		p.WaitUntil(`document.querySelector('h1')?.textContent === 'Phantasiephase'`)
	}
	write(phones[0], "Ein Dorfcafé für alle")
	write(phones[1], "Bürgerbus jede Stunde")
	write(phones[2], "Backtag am Backhaus")
	for _, p := range phones {
		waitCards(p, 3)
	}

	mod.Must(chromedp.Navigate(srv.URL+console), chromedp.Click(`button[value=voting_open]`, chromedp.NodeVisible))
	for _, p := range phones {
		p.WaitUntil(`document.querySelector('#dots-left') !== null`)
	}
	phones[0].CheckAccessibility("participant page while voting")
	phones[0].Screenshots("phone-voting")
	dot := func(p *Browser, cardText string) {
		t.Helper()
		p.Must(chromedp.Click(chromedp.Search(fmt.Sprintf(`//li[p[normalize-space()=%q]]//form[.//input[@name="delta" and @value="1"]]/button`, cardText))))
	}
	dot(phones[0], "Backtag am Backhaus")
	phones[0].WaitUntil(`document.querySelector('#dots-left').textContent.includes('2')`)
	dot(phones[0], "Backtag am Backhaus")
	phones[0].WaitUntil(`document.querySelector('#dots-left').textContent.includes('1')`)
	dot(phones[1], "Backtag am Backhaus")
	phones[1].WaitUntil(`document.querySelector('#dots-left').textContent.includes('2')`)
	dot(phones[2], "Bürgerbus jede Stunde")
	phones[2].WaitUntil(`document.querySelector('#dots-left').textContent.includes('2')`)

	mod.Must(chromedp.Navigate(srv.URL+console), chromedp.Click(`button[value=voting_close]`, chromedp.NodeVisible))
	mod.WaitUntil(`document.querySelector('button[value=voting_open]') !== null`)
	mod.CheckAccessibility("console with field choices")
	mod.Screenshots("console")
	// A helper types a paper card in: group and phase once, then Enter.
	mod.Must(chromedp.Navigate(srv.URL+console+"/papierkarten"), chromedp.Click(`form[aria-label] button`, chromedp.NodeVisible))
	mod.WaitUntil(`document.activeElement && document.activeElement.id === 'text'`)
	mod.Must(chromedp.SendKeys(`#text`, "Auf Papier: mehr Bänke\r"))
	mod.WaitUntil(`document.querySelectorAll('.paper-list li').length === 1 && document.activeElement.id === 'text'`)
	mod.CheckAccessibility("paper card entry")
	mod.Screenshots("paper-cards")
	mod.Must(chromedp.Navigate(srv.URL + "/w/" + code + "/wand"))
	if got := mod.Text(`.ranking li`); !strings.Contains(got, "Backtag am Backhaus") || !strings.Contains(got, "3 Punkte") {
		t.Errorf("first on the wall's ranking: %q", got)
	}
	mod.CheckAccessibility("wall with ranking")

	mod.Must(chromedp.Navigate(srv.URL+console), chromedp.Click(`button[value=close]`, chromedp.NodeVisible))
	// Closing cannot be undone: the console asks once more.
	mod.WaitUntil(`document.querySelector('.confirm button') !== null`)
	if got := mod.Text(`.confirm`); !strings.Contains(got, "Das lässt sich nicht rückgängig machen") {
		t.Errorf("the question before closing: %q", got)
	}
	// Nobody filed the cards under an action field: the question names
	// them per group and asks which field they go to.
	if got := mod.Text(`.confirm__details`); !strings.Contains(got, "Jung & Alt: ") || !strings.Contains(got, "Karten") {
		t.Errorf("unfiled cards before closing: %q", got)
	}
	mod.CheckAccessibility("close confirmation")
	mod.Screenshots("close-confirmation")
	mod.Must(chromedp.SetValue(`#confirm-choice`, Eval[string](mod, `document.querySelector('#confirm-choice option:nth-child(3)').value`)))
	mod.Must(chromedp.Click(`.confirm button`, chromedp.NodeVisible))
	mod.WaitUntil(`location.pathname.endsWith('/doku') || document.querySelector('[role=alert]') !== null`)
	if !strings.HasSuffix(Eval[string](mod, `location.pathname`), "/doku") {
		t.Fatalf("closing failed: %s", mod.Text(`main`))
	}
	doc := mod.Text(`main`)
	for _, want := range []string{"Zu wenig Treffpunkte", "Busse fahren selten", "Kaum Angebote für Ältere", "Ein Dorfcafé für alle",
		"Bürgerbus jede Stunde", "Backtag am Backhaus (3 Punkte · ", "Kritikphase", "Phantasiephase"} {
		if !strings.Contains(doc, want) {
			t.Errorf("documentation lacks %q", want)
		}
	}
	phones[1].WaitUntil(`document.querySelector('#card-form') === null`)
	phones[1].CheckAccessibility("participant page after closing")
	phones[1].Screenshots("phone-closed")
	phones[2].Must(chromedp.Navigate(srv.URL + "/w/" + code))
	phones[2].CheckAccessibility("join page of a closed workshop")
	phones[2].Screenshots("join-closed")
}
