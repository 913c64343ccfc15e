package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestBilanzwerkstattInTheBrowser: the project group holds a Bilanzwerkstatt
// at 1280 px and on a phone. It starts a round, answers an item at the
// laptop and another on the phone, sees the heat map count them, turns one
// into a challenge and finds it in the draft concept; a stale save on the
// phone is refused with the other value shown. Every page passes axe-core.
func TestBilanzwerkstattInTheBrowser(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "pia@ingersheim.de", "Pia Projektgruppe", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleProjektgruppe})
	testutil.CreateStaff(t, srv.Store, "paul@ingersheim.de", "Paul Projektgruppe", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleProjektgruppe})
	staffProcess := "/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten"

	laptop := New(t)
	laptop.Must(chromedp.EmulateViewport(1280, 800))
	laptop.LogIn(srv.URL, "pia@ingersheim.de")
	laptop.Must(chromedp.Navigate(srv.URL + staffProcess + "/bilanz"))
	laptop.CheckAccessibility("check rounds")
	laptop.Must(chromedp.EmulateViewport(1280, 800))
	// An empty round (the form offers to continue the demo's by default).
	laptop.Must(chromedp.SetValue(`#title`, "Bilanzwerkstatt 17.03.2014 (Probe)"), chromedp.SetValue(`#previous`, ""))
	laptop.Submit(`form[action$="/bilanz"] button[type=submit]`)
	round := Eval[string](laptop, `location.pathname`)
	if !strings.Contains(round, "/bilanz/") {
		t.Fatalf("the new round did not open: %s", round)
	}
	laptop.CheckAccessibility("check round")
	laptop.Must(chromedp.EmulateViewport(1280, 800))

	// The phone loads the round before the laptop saves anything.
	phone := New(t)
	phone.LogIn(srv.URL, "paul@ingersheim.de")
	phone.Must(chromedp.Navigate(srv.URL + round))

	// At the laptop: the first item of field 2 (childcare under three).
	item := Eval[string](laptop, `document.querySelector('#feld-2').closest('section').querySelector('article').id`)
	laptop.Must(
		chromedp.SetValue(`#`+item+` select[name=status]`, domain.CheckMissing),
		chromedp.SetValue(`#`+item+` select[name=need]`, domain.NeedUrgent),
		chromedp.SendKeys(`#`+item+` textarea`, "40 Plätze fehlen bis 2016."),
	)
	laptop.Submit(`#` + item + ` form.check-form button[type=submit]`)
	if got := laptop.Text(`#` + item + ` .notice--success`); got != "Gespeichert." {
		t.Errorf("after saving the laptop says %q", got)
	}

	// On the phone, from the page loaded before: the same note, another
	// text — refused, the laptop's note shown, the phone's kept.
	phone.Must(chromedp.SendKeys(`#`+item+` textarea`, "Krippe reicht nicht."))
	phone.Submit(`#` + item + ` form.check-form button[type=submit]`)
	refusal := phone.Text(`#` + item + ` .notice--error`)
	if !Eval[bool](phone, `(() => { const r = document.querySelector('#`+item+`').getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; })()`) {
		t.Error("the phone does not show the refused item: the refusal is out of sight")
	}
	if !strings.Contains(refusal, "40 Plätze fehlen bis 2016.") {
		t.Errorf("the refused save shows %q", refusal)
	}
	if typed := Eval[string](phone, `document.querySelector('#`+item+` textarea').value`); typed != "Krippe reicht nicht." {
		t.Errorf("the phone's typed note became %q", typed)
	}
	if status := Eval[string](phone, `document.querySelector('#`+item+` select[name=status]').value`); status != domain.CheckMissing {
		t.Errorf("the refused form shows status %q, want the laptop's", status)
	}
	phone.CheckAccessibility("check round with a refused save")
	phone.Screenshots("check-round-refused")

	// The phone answers another item of field 2: medium term.
	other := Eval[string](phone, `document.querySelector('#feld-2').closest('section').querySelectorAll('article')[1].id`)
	phone.Must(
		chromedp.SetValue(`#`+other+` select[name=status]`, domain.CheckPartial),
		chromedp.SetValue(`#`+other+` select[name=need]`, domain.NeedMedium),
	)
	phone.Submit(`#` + other + ` form.check-form button[type=submit]`)

	// The heat map counts both in field 2.
	laptop.Must(chromedp.Navigate(srv.URL + round + "/ergebnis"))
	desc := Eval[string](laptop, `document.querySelector('svg.chart--heat desc').textContent`)
	if !strings.Contains(desc, "Feld 2: dringend 1, mittelfristig 1, langfristig 0, kein Bedarf 0, offen 8") {
		t.Errorf("the heat map reads %q", desc)
	}
	if level := Eval[string](laptop, `document.querySelectorAll('svg.chart--heat .heat__cell')[5].getAttribute('class')`); !strings.Contains(level, "heat__cell--4") {
		t.Errorf("field 2's urgent cell is %q, want the darkest", level)
	}
	laptop.CheckAccessibility("check result")
	laptop.Screenshots("check-result")

	// The urgent item becomes a challenge, and the concept takes it.
	laptop.Must(chromedp.Navigate(srv.URL + round + "#" + item))
	laptop.Submit(`#` + item + ` form.check-challenge button`)
	laptop.Must(chromedp.WaitVisible(`#` + item + ` a[href*="/beitraege/"]`))
	laptop.Must(chromedp.Navigate(srv.URL + staffProcess + "/konzept"))
	laptop.Submit(`form:has(input[name=action][value=revision]) button`)
	fieldForm := fmt.Sprintf(`form:has(input[name=field][value="%d"]) button[value=challenges_take]`, 2)
	laptop.Submit(fieldForm)
	if text := Eval[string](laptop, `[...document.querySelectorAll('textarea')].map(t => t.value).join('\n')`); !strings.Contains(text, "– Reichen die Betreuungsplätze für Kinder unter drei Jahren") {
		t.Errorf("the draft's challenges do not name the item:\n%s", text)
	}

	// Three years on, the quality review continues the round (the form's
	// default): the item starts where it was, and what moves is shown.
	laptop.Must(chromedp.Navigate(srv.URL + staffProcess + "/bilanz"))
	laptop.Must(chromedp.SetValue(`#title`, "Qualitätssicherung 2017"), chromedp.SetValue(`#held_on`, "2017-03-20"))
	laptop.Submit(`form[action$="/bilanz"] button[type=submit]`)
	later := Eval[string](laptop, `location.pathname`)
	if status := Eval[string](laptop, `document.querySelector('#`+item+` select[name=status]').value`); status != domain.CheckMissing {
		t.Errorf("the later round starts the item at %q, want the earlier %q", status, domain.CheckMissing)
	}
	laptop.Must(
		chromedp.SetValue(`#`+item+` select[name=status]`, domain.CheckPresent),
		chromedp.SetValue(`#`+item+` select[name=need]`, domain.NeedNone),
	)
	laptop.Submit(`#` + item + ` form.check-form button[type=submit]`)
	if before := laptop.Text(`#` + item + ` .check-item__before`); !strings.Contains(before, "fehlt · dringend") {
		t.Errorf("the moved item shows %q", before)
	}
	laptop.Must(chromedp.Navigate(srv.URL + later + "/ergebnis"))
	laptop.CheckAccessibility("check result of a later round")
	laptop.Screenshots("check-moved")
}
