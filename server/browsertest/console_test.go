package browsertest

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestConsoleKeepsWhatIsBeingTyped: two moderators share a workshop. When
// one moves it to the next phase, the other's console does not reload
// while a card is being edited there (it says the workshop moved on) and
// reloads by itself when nothing is typed. A phone's half-written card
// stays in its phase, and the phone counts the characters left.
func TestConsoleKeepsWhatIsBeingTyped(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mara@ingersheim.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	w := OpenWorkshop(t, srv, domain.Workshop{Title: "Zwei Moderatorinnen", DotBudget: 3, MaxDotsPerCard: 2},
		[]domain.Phase{{Title: "Kritikphase", Prompt: "Was stört?", CardKind: "kritik"}, {Title: "Phantasiephase", Prompt: "Was wäre schön?", CardKind: "idee"}},
		[]domain.Group{{Title: "Alle"}})
	ctx := context.Background()
	groups, _ := srv.Store.Groups(ctx, w.ID)
	if _, _, err := srv.Store.CreatePaperCard(ctx, store.Actor{Name: "test"}, 1, w.ID, groups[0].ID, 1, "Zu wenig Bänke", "paper-console-test-1"); err != nil {
		t.Fatal(err)
	}
	console := srv.URL + "/intern/k/ingersheim/werkstaetten/" + strconv.FormatInt(w.ID, 10)

	phone := New(t)
	phone.Must(
		chromedp.Navigate(srv.URL+"/w/"+w.Code()),
		chromedp.Click(`input[name=group]`, chromedp.NodeVisible),
		chromedp.Click(`form[action$="/beitreten"] button`, chromedp.NodeVisible),
	)
	phone.WaitUntil(`document.querySelector('#card-form') !== null`)
	phone.Must(chromedp.SendKeys(`#text`, "Halb geschrieben"))
	if got := phone.Text(`#text-count`); got != "Noch 124 Zeichen" {
		t.Errorf("character counter: %q", got)
	}

	editor, other := New(t), New(t)
	editor.LogIn(srv.URL, "mara@ingersheim.de")
	other.LogIn(srv.URL, "mara@ingersheim.de")
	editor.Must(chromedp.Navigate(console))
	other.Must(chromedp.Navigate(console))
	editor.WaitUntil(`document.querySelector('.card-edit') !== null`)
	// A marker that a reload would wipe.
	editor.Must(
		chromedp.Evaluate[chromedp.Void](`window.notReloaded = true; document.querySelector('.card-edit').closest('details').open = true`),
		chromedp.SendKeys(`.card-edit input[name=text]`, " am Rathaus"),
	)
	other.Must(chromedp.Click(`button[value=next]`, chromedp.NodeVisible))
	phone.WaitUntil(`document.querySelector('h1').textContent === 'Phantasiephase'`)
	if got := Eval[string](phone, `document.getElementById('text').value`); got != "" {
		t.Errorf("the Kritik draft travelled into the Phantasie phase: %q", got)
	}
	editor.WaitUntil(`document.getElementById('connection').textContent.includes('weitergegangen')`)
	if !Eval[bool](editor, `window.notReloaded === true`) {
		t.Fatal("the console reloaded while a card was being edited")
	}
	if got := Eval[string](editor, `document.querySelector('.card-edit input[name=text]').value`); !strings.Contains(got, "Zu wenig Bänke") || !strings.Contains(got, "am Rathaus") {
		t.Errorf("the typed text: %q", got)
	}
	editor.Screenshots("console-moved-on")

	// Nothing typed: the console follows by itself.
	other.Must(chromedp.Navigate(console))
	other.WaitUntil(`document.querySelector('button[value=prev]') !== null`)
	editor.Must(chromedp.Navigate(console))
	editor.WaitUntil(`document.querySelector('button[value=prev]') !== null`)
	editor.Must(chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`))
	other.Must(chromedp.Click(`button[value=prev]`, chromedp.NodeVisible))
	editor.WaitUntil(`window.notReloaded === undefined && document.querySelector('button[value=prev]') === null`)

	// Back in the Kritik phase, its half-written card is there again.
	phone.WaitUntil(`document.querySelector('h1').textContent === 'Kritikphase'`)
	if got := Eval[string](phone, `document.getElementById('text').value`); got != "Halb geschrieben" {
		t.Errorf("back in the Kritik phase, the field holds %q", got)
	}
}
