package browsertest

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestPhoneShowsTheServersReason provokes every refusal a phone meets in
// the hall, with JavaScript on, and reads the reason the phone shows: the
// card maximum, the budget spent, nothing to take back, voting closed, a
// card too long (its text comes back into the field), the workshop closed.
// Counts are worded with the catalog's plurals.
func TestPhoneShowsTheServersReason(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	actor := store.Actor{Name: "test"}
	w := OpenWorkshop(t, srv, domain.Workshop{Title: "Absagen-Test", DotBudget: 2, MaxDotsPerCard: 1},
		[]domain.Phase{{Title: "Kritikphase", Prompt: "Was stört?", CardKind: "kritik"}}, []domain.Group{{Title: "Alle"}})
	id := w.ID
	setWorkshop := func(action string, change func(w *domain.Workshop)) domain.Workshop {
		t.Helper()
		w, err := srv.Store.UpdateWorkshop(ctx, actor, 1, id, action, func(w *domain.Workshop) error { change(w); return nil })
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	b := New(t)
	b.Must(
		chromedp.Navigate(srv.URL+"/w/"+w.Code()),
		chromedp.Click(`input[name=group]`, chromedp.NodeVisible),
		chromedp.Click(`form[action$="/beitreten"] button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('#card-form') !== null`)
	for i, text := range []string{"Karte A", "Karte B", "Karte C"} {
		b.Must(chromedp.SendKeys(`#text`, text), chromedp.Click(`#card-form button[type=submit]`, chromedp.NodeVisible))
		b.WaitUntil(`document.querySelectorAll('#cards li').length === ` + string(rune('1'+i)))
	}
	// The phone says that the card arrived.
	b.WaitUntil(`document.getElementById('queue').textContent.includes('gespeichert')`)

	voting := setWorkshop("voting_open", func(w *domain.Workshop) { w.VotingOpen = true })
	b.Must(chromedp.Navigate(srv.URL + "/w/" + w.Code() + "/gruppe"))
	b.WaitUntil(`document.querySelector('.dot-form') !== null`)
	// A card another phone writes while voting arrives with its dot
	// buttons, without a reload by hand.
	time.Sleep(300 * time.Millisecond) // the phone's stream is connected
	groups, _ := srv.Store.Groups(ctx, id)
	other, err := srv.Store.Join(ctx, id, groups[0].ID, "other-phone", "Ben")
	if err != nil {
		t.Fatal(err)
	}
	live := app.LiveWorkshop{Workshop: voting, Groups: groups}
	late, _, err := srv.App.CreateCard(ctx, live, other, "test-client", "Karte von Ben", "other-phone-card-0001")
	if err != nil {
		t.Fatal(err)
	}
	b.WaitUntil(`document.querySelector('#karte-` + strconv.FormatInt(late.ID, 10) + ` .dot-form') !== null`)
	if _, err := srv.Store.ModerateCard(ctx, actor, 1, id, late.ID, domain.CardEdit{Action: "hide"}); err != nil {
		t.Fatal(err)
	}
	b.Must(chromedp.Navigate(srv.URL + "/w/" + w.Code() + "/gruppe"))
	b.WaitUntil(`document.querySelector('.dot-form') !== null`)
	// dot clicks "+" or "−" on the card with the text and waits for the
	// answer to be shown.
	// dot taps "+" or "−" on the card with the text, waits until the
	// answer is in (the button is enabled again) and returns what the card
	// says about it.
	dot := func(card, delta string) string {
		t.Helper()
		find := `[...document.querySelectorAll('#cards li')].find(li => li.querySelector('.workshop-card__text').textContent === '` + card + `')`
		button := find + `.querySelector('.dot-form input[name=delta][value="` + delta + `"]').form.querySelector('button')`
		b.Must(chromedp.Evaluate[chromedp.Void](button + `.click()`))
		b.WaitUntil(`!` + button + `.disabled`)
		return Eval[string](b, `(`+find+`.querySelector('.card-note') || {textContent: ''}).textContent`)
	}
	removable := func(card string) bool {
		return Eval[bool](b, `(() => { const li = [...document.querySelectorAll('#cards li')].find(li => li.querySelector('.workshop-card__text').textContent === '`+card+`');
			return li.querySelector('.dot-form--remove').getClientRects().length > 0; })()`)
	}
	if removable("Karte A") {
		t.Error("'Punkt zurücknehmen' is offered on a card without one's own dots")
	}
	if got := dot("Karte A", "1"); got != "" {
		t.Errorf("first dot: %q, want no message", got)
	}
	if !removable("Karte A") {
		t.Error("after a dot, 'Punkt zurücknehmen' is not offered on its card")
	}
	if got := b.Text(`#dots-left`); got != "Sie haben noch 1 Punkt." {
		t.Errorf("dots left after one of two: %q", got)
	}
	for _, tc := range []struct{ card, delta, want string }{
		{"Karte A", "1", "so viele Punkte von Ihnen, wie eine Karte bekommen darf"},
		{"Karte B", "1", ""},
		{"Karte C", "1", "Sie haben alle Ihre Punkte dieser Phase vergeben"},
		{"Karte C", "-1", "kein Punkt von Ihnen"},
	} {
		got := dot(tc.card, tc.delta)
		if (tc.want == "" && got != "") || !strings.Contains(got, tc.want) {
			t.Errorf("dot %s on %s: the phone says %q, want %q", tc.delta, tc.card, got, tc.want)
		}
	}
	if got := b.Text(`#dots-left`); !strings.HasPrefix(got, "Sie haben alle Ihre Punkte vergeben.") {
		t.Errorf("dots left when all are placed: %q", got)
	}
	setWorkshop("voting_close", func(w *domain.Workshop) { w.VotingOpen = false })
	if got := dot("Karte A", "-1"); !strings.Contains(got, "Die Punktevergabe ist gerade geschlossen") {
		t.Errorf("dot after voting closed: %q", got)
	}
	b.CheckAccessibility("phone with a refusal")

	// A card too long (typed past the field's limit by a script, as an old
	// browser would let it through): refused, its text back in the field.
	long := strings.Repeat("x", 141)
	b.Must(chromedp.Evaluate[chromedp.Void](`document.getElementById('text').removeAttribute('maxlength');
		document.getElementById('text').value = '` + long + `';
		document.querySelector('#card-form button[type=submit]').click()`))
	b.WaitUntil(`!document.getElementById('card-refused').hidden`)
	if got := b.Text(`#card-refused`); !strings.Contains(got, "Die Karte ist zu lang") {
		t.Errorf("refused long card: %q", got)
	}
	if got := Eval[string](b, `document.getElementById('text').value`); got != long {
		t.Errorf("the refused card's text is not back in the field: %d characters", len(got))
	}
	if queued := Eval[string](b, `localStorage.getItem('zw-queue-`+w.Code()+`')`); queued != "[]" {
		t.Errorf("the refused card stays queued: %q", queued)
	}

	fields, err := srv.Store.ActionFields(ctx, w.ProcessID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Store.CloseWorkshop(ctx, actor, 1, id, fields[0].ID); err != nil {
		t.Fatal(err)
	}
	b.Must(chromedp.Evaluate[chromedp.Void](`document.getElementById('card-refused').hidden = true;
		document.getElementById('text').value = 'Nach Schluss';
		document.querySelector('#card-form button[type=submit]').click()`))
	b.WaitUntil(`!document.getElementById('card-refused').hidden`)
	if got := b.Text(`#card-refused`); !strings.Contains(got, "Die Werkstatt ist abgeschlossen") {
		t.Errorf("card after the workshop closed: %q", got)
	}
	b.Screenshots("phone-refused-card")

	// A card still queued offline when the workshop closed cannot be sent
	// any more: the closed page shows its text to copy.
	b.Must(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('zw-queue-` + w.Code() + `', JSON.stringify([{text: 'Noch in der Warteschlange', key: 'late-key-000000000001'}]))`))
	b.Must(chromedp.Reload())
	b.WaitUntil(`document.getElementById('late-cards') !== null && !document.getElementById('late-cards').hidden`)
	if got := b.Text(`#late-cards`); !strings.Contains(got, "Noch in der Warteschlange") || !strings.Contains(got, "nicht angekommen") {
		t.Errorf("queued card after the close: %q", got)
	}
	b.CheckAccessibility("closed page with a late card")
	b.Screenshots("phone-late-cards")
}
