package browsertest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestStrategiewerkstatt walks from ideas to an adopted measure on a phone:
// a citizen submits an idea; the project group merges two duplicates,
// creates the measure "Backhaustag" from three ideas, and moves the concept
// through to "beschlossen" with the council's decision. The citizen's idea
// page then shows the trail, the PDF contains the measure with its source
// ideas, and the public pages pass axe-core (the staff pages too).
func TestStrategiewerkstatt(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{})
	ctx := context.Background()
	m, err := srv.Store.EnsureMunicipality(ctx, "ingersheim", "Ingersheim")
	if err != nil {
		t.Fatal(err)
	}
	p, err := srv.Store.EnsureProcess(ctx, domain.Process{MunicipalityID: m.ID, Slug: "heute-leben-morgen-gestalten",
		Title: "Ingersheim, heute leben – morgen gestalten", Cycle: 1, Status: "active", Moderation: domain.ModerationPost})
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Demografie, Beteiligung", "Generationen und Kulturen"} {
		if err := srv.Store.EnsureActionField(ctx, domain.ActionField{ProcessID: p.ID, Position: i + 1, Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	fields, _ := srv.Store.ActionFields(ctx, p.ID)
	seed := func(title string) int64 {
		idea, _, err := srv.Store.CreateIdea(ctx, p.ID, domain.IdeaDraft{ActionFieldID: fields[1].ID, Title: title, PrivacyAccepted: true}.Normalize(),
			"seed-"+title, "seed-"+title)
		if err != nil {
			t.Fatal(err)
		}
		return idea.ID
	}
	duplicate := seed("Backhaus wieder anheizen")
	kids := seed("Brot backen mit Kindern")
	feast := seed("Dorffest rund um den Backofen")
	// A Kritikphase named a challenge of the field.
	fieldID := fields[1].ID
	critique := OpenWorkshop(t, srv, domain.Workshop{Title: "Bilanz der Generationen", DotBudget: 3, MaxDotsPerCard: 2},
		[]domain.Phase{{Title: "Kritikphase", Prompt: "Was stört?", CardKind: "kritik", Becomes: domain.PhaseChallenges}},
		[]domain.Group{{Title: "Jung & Alt", ActionFieldID: &fieldID}})
	critiqueGroups, _ := srv.Store.Groups(ctx, critique.ID)
	if _, _, err := srv.Store.CreatePaperCard(ctx, store.Actor{Name: "test"}, m.ID, critique.ID, critiqueGroups[0].ID, 1, "Kaum Treffpunkte für Jung und Alt im Ortskern", "paper-strategie-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Store.CloseWorkshop(ctx, store.Actor{Name: "test"}, m.ID, critique.ID, 0); err != nil {
		t.Fatal(err)
	}
	testutil.CreateStaff(t, srv.Store, "pia@ingersheim.de", "Pia Projektgruppe", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleProjektgruppe})

	b := New(t)
	// The citizen's idea, submitted on the phone.
	b.Must(
		chromedp.Navigate(srv.URL+processPath+"/ideen/neu"),
		chromedp.SetValue(`#action_field`, fmt.Sprint(fields[1].ID)),
		chromedp.SendKeys(`#title`, "Backhaus beleben: Backtag für Jung und Alt"),
		chromedp.Click(`#privacy`, chromedp.NodeVisible),
		chromedp.Click(`form.idea-form button[type=submit]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.notice--success`),
	)
	ideaPath := Eval[string](b, `location.pathname`)
	mine := ideaPath[strings.LastIndex(ideaPath, "/")+1:]

	// The project group logs in and merges the duplicate into the citizen's idea.
	b.Must(
		chromedp.Navigate(srv.URL+"/intern/anmelden"),
		chromedp.SendKeys(`#email`, "pia@ingersheim.de"),
		chromedp.SendKeys(`#password`, testutil.StaffPassword),
		chromedp.Click(`form[action="/intern/anmelden"] button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`location.pathname === '/intern/'`)
	board := srv.URL + staffProcessPath + "/kuratierung"
	b.Must(chromedp.Navigate(board))
	b.WaitUntil(`document.querySelector('#sel-` + mine + `') !== null`)
	b.CheckAccessibility("curation board")
	b.ScreenshotsAt("curation", ScreenSizes, true, func(w, h int64) { b.CheckWholeWords(fmt.Sprintf("curation board at %d×%d", w, h)) })
	b.Must(
		chromedp.Click(`#sel-`+mine, chromedp.NodeVisible),
		chromedp.Click(fmt.Sprintf(`#sel-%d`, duplicate), chromedp.NodeVisible),
		chromedp.Click(`#main-`+mine, chromedp.NodeVisible),
		chromedp.Click(`button[value="merge"]`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('.notice--success') !== null`)
	if n := Eval[int](b, `document.querySelectorAll('tbody tr').length`); n != 4 {
		t.Errorf("board lists %d contributions after the merge, want 4 (three ideas and the challenge)", n)
	}

	// "Maßnahme anlegen" before there is any concept: the board offers to
	// start the first version, keeping the selection.
	b.Must(
		chromedp.Click(`#sel-`+mine, chromedp.NodeVisible),
		chromedp.Click(`button[value="measure"]`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('.confirm button') !== null`)
	b.CheckAccessibility("offer to start a draft")
	b.Screenshots("measure-offer")
	// A contribution's own page, where it moves to another field.
	b.Must(chromedp.Navigate(srv.URL + staffProcessPath + "/beitraege/" + mine))
	b.WaitUntil(`document.querySelector('input[name=action][value=field]') !== null`)
	b.Screenshots("curation-item")

	// The first concept version with an objective.
	b.Must(chromedp.Navigate(srv.URL + staffProcessPath + "/konzept"))
	b.Must(chromedp.Click(`form:has(input[value="create"]) button`, chromedp.NodeVisible))
	b.WaitUntil(`document.querySelector('#leitbild') !== null`)
	// The page shows "saved" already; wait for the new page, not the old one.
	b.Must(
		chromedp.Evaluate[chromedp.Void](`window.zwOldPage = true`),
		chromedp.SendKeys(`#leitbild`, "Jung und Alt leben gern in Ingersheim."),
		chromedp.Click(`form:has(#leitbild) button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`!window.zwOldPage && document.readyState === 'complete' && document.querySelector('#leitbild')?.value.includes('Jung und Alt')`)
	objectiveTitle := fmt.Sprintf(`#new-o-title-%d`, fields[1].ID)
	// The form sits in a closed <details>.
	b.Must(
		chromedp.Click(fmt.Sprintf(`section[aria-labelledby="field-%d"] details:last-of-type summary`, fields[1].ID), chromedp.NodeVisible),
		chromedp.SendKeys(objectiveTitle, "Begegnung der Generationen fördern", chromedp.NodeVisible),
		chromedp.Click(`form:has(`+objectiveTitle+`) button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.body.textContent.includes('Ziel 2.1: Begegnung der Generationen fördern')`)
	b.CheckAccessibility("concept editor")
	// The field's challenges from the workshop, taken into its text.
	b.Must(chromedp.Click(fmt.Sprintf(`form:has(#challenges-%d) button[value=challenges_take]`, fields[1].ID), chromedp.NodeVisible))
	b.WaitUntil(fmt.Sprintf(`document.querySelector('#challenges-%d')?.value.includes('– Kaum Treffpunkte')`, fields[1].ID))
	b.Screenshots("concept-challenges")

	// "Aus Beiträgen Maßnahme anlegen" with three ideas.
	b.Must(chromedp.Navigate(board))
	b.WaitUntil(`document.querySelector('#sel-` + mine + `') !== null`)
	b.Must(
		chromedp.Click(`#sel-`+mine, chromedp.NodeVisible),
		chromedp.Click(fmt.Sprintf(`#sel-%d`, kids), chromedp.NodeVisible),
		chromedp.Click(fmt.Sprintf(`#sel-%d`, feast), chromedp.NodeVisible),
		chromedp.Click(`button[value="measure"]`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('#m-title') !== null`)
	if n := Eval[int](b, `document.querySelectorAll('input[name="beitrag"]').length`); n != 3 {
		t.Fatalf("the measure form carries %d ideas, want 3", n)
	}
	b.CheckAccessibility("measure form")
	b.Must(
		chromedp.SendKeys(`#m-title`, "Backhaustag"),
		chromedp.SendKeys(`#m-description`, "Zweimal im Jahr backen Jung und Alt gemeinsam im Backhaus."),
		chromedp.SendKeys(`#m-lead`, "Landfrauen"),
		chromedp.SetValue(`#m-timing`, "kurzfristig"),
		chromedp.SetValue(`#m-priority`, "hoch"),
		chromedp.SetValue(`#m-recurrence`, "halbjaehrlich"),
		chromedp.Click(`fieldset button[type=submit]`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('h1')?.textContent.includes('Maßnahme 2.1.1: Backhaustag')`)

	// Through the workflow to the council's decision.
	b.Must(chromedp.Navigate(srv.URL + staffProcessPath + "/konzept"))
	for _, step := range []string{"abgestimmt", "vorgelegt"} {
		b.Must(chromedp.Click(`form:has(input[name="to"][value="`+step+`"]) button`, chromedp.NodeVisible))
		b.WaitUntil(`document.querySelector('.steps [aria-current="step"]')?.textContent.includes('` + step + `')`)
	}
	b.Must(
		chromedp.SetValue(`#decided_on`, "2027-03-16"),
		chromedp.SendKeys(`#agenda_item`, "TOP 5"),
		chromedp.Click(`#result-angenommen`, chromedp.NodeVisible),
		chromedp.Click(`form:has(#decided_on) button[type=submit]`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('.steps [aria-current="step"]')?.textContent === 'beschlossen'`)
	b.CheckAccessibility("concept adopted")

	// The citizen's idea shows its trail.
	b.Must(chromedp.Navigate(srv.URL + ideaPath))
	b.WaitUntil(`document.querySelector('.trail') !== null`)
	trail := b.Text(".trail")
	for _, want := range []string{"Online eingereicht", "Zusammengeführt mit 1", "Backhaus wieder anheizen",
		"Aufgenommen in", "Maßnahme 2.1.1 „Backhaustag“", "Vom Gemeinderat beschlossen am 16. März 2027", "Umsetzungsstand: geplant"} {
		if !strings.Contains(trail, want) {
			t.Errorf("trail lacks %q:\n%s", want, trail)
		}
	}
	b.CheckAccessibility("idea with its trail")

	// The public concept, the measure page and the PDF.
	b.Must(chromedp.Navigate(srv.URL + processPath + "/handlungskonzept"))
	b.WaitUntil(`document.querySelector('.measure') !== null`)
	b.CheckAccessibility("public concept")
	pdfHref := Eval[string](b, `document.querySelector('a[href*="handlungskonzept.pdf"]').getAttribute('href')`)
	b.Must(chromedp.Click(`.measure h4 a`, chromedp.NodeVisible))
	b.WaitUntil(`document.querySelector('h1')?.textContent.includes('Backhaustag')`)
	if n := Eval[int](b, `document.querySelectorAll('.idea-list li').length`); n != 3 {
		t.Errorf("the measure page lists %d source ideas, want 3", n)
	}
	b.CheckAccessibility("public measure")

	res, err := http.Get(srv.URL + pdfHref)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("PDF: %d", res.StatusCode)
	}
	text := testutil.PDFText(t, raw)
	for _, want := range []string{"Maßnahme 2.1.1: Backhaustag", "Backhaus beleben: Backtag für Jung und Alt", "Brot backen mit Kindern",
		"Dorffest rund um den Backofen", "Beschlossen am 16. März 2027"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

const staffProcessPath = "/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten"
