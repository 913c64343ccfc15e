package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// wallCardTexts are cards as a hall writes them: short, long (the 140
// characters a card may have), with long German compounds.
var wallCardTexts = []string{
	"Zu wenig Bänke am Neckar",
	"Der Bürgerbus fährt am Wochenende gar nicht, ältere Menschen kommen dann nicht zum Arzt oder zum Einkaufen in den Nachbarort.",
	"Kinderbetreuungsöffnungszeiten passen nicht zu Schichtarbeit",
	"Backhaus wieder beleben",
	"Keine Treffpunkte für Jugendliche nach 18 Uhr",
	"Radweg nach Bietigheim fehlt, Schulweg gefährlich",
	"Mehrgenerationenhaus mit Café, Beratung und Mittagstisch für alle im Ortskern – offen auch am Sonntag, getragen von Vereinen und Gemeinde.",
}

// TestPresenterWallFitsEveryProjector: at 1280×720, 1920×1080, 3840×2160 and
// 1024×768, with 0, 6, 40 and 120 cards, every card shown lies inside the
// screen, no text overflows its card, the text is at least 2 % of the
// screen's height (readable from the back of a hall), nothing scrolls, and
// axe finds nothing. Cards that do not fit at that size are shown page by
// page.
func TestPresenterWallFitsEveryProjector(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	actor := store.Actor{Name: "test"}
	w := OpenWorkshop(t, srv, domain.Workshop{Title: "Zukunftswerkstatt SKV-Halle", DotBudget: 3, MaxDotsPerCard: 3, TalliesVisible: true},
		[]domain.Phase{{Title: "Kritikphase", Prompt: "Was stört Sie heute in Ingersheim?", CardKind: "kritik"}},
		[]domain.Group{{Title: "Jung & Alt"}, {Title: "Wohnen und Mobilität"}, {Title: "Bildung und Betreuung"}})
	id := w.ID
	groups, _ := srv.Store.Groups(ctx, id)
	participants := make([]domain.Participant, len(groups))
	for i, g := range groups {
		var err error
		if participants[i], err = srv.Store.Join(ctx, id, g.ID, fmt.Sprintf("device-%d", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	written := 0
	writeCards := func(n int) {
		for ; written < n; written++ {
			text := wallCardTexts[written%len(wallCardTexts)]
			if _, _, err := srv.Store.CreateCard(ctx, participants[0], text, fmt.Sprintf("wall-%d", written)); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := New(t)
	wall := srv.URL + "/w/" + w.Code() + "/wand?gruppe=" + fmt.Sprint(groups[0].ID)
	check := func(name string) func(w, h int64) {
		return func(w, h int64) {
			time.Sleep(150 * time.Millisecond) // wall.js refits after the resize
			problems := Eval[[]string](b, `(() => {
				const p = [], vw = innerWidth, vh = innerHeight;
				if (document.documentElement.scrollHeight > vh + 1) p.push('the page scrolls: ' + document.documentElement.scrollHeight);
				for (const c of document.querySelectorAll('.pw__card:not([hidden])')) {
					const r = c.getBoundingClientRect();
					if (r.top < 0 || r.left < 0 || r.bottom > vh + 1 || r.right > vw + 1) p.push('card outside the screen: ' + c.textContent.slice(0, 30));
					if (c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1) p.push('text overflows its card: ' + c.textContent.slice(0, 30));
					const size = parseFloat(getComputedStyle(c.querySelector('.workshop-card__text')).fontSize);
					// 2.6 % of the height (28 px at 1080p, letters of 44 mm
					// on a 3 m screen); a card with a word too long for it
					// may go to 2.2 %.
					if (size < 0.022 * vh - 0.5) p.push('text of ' + size + ' px on a ' + vh + ' px screen');
				}
				// Pages share the cards evenly: no page with a lonely card; a
				// column of a few cards shows them all.
				const pages = parseInt((document.getElementById('wall-page').textContent.match(/von (\d+)/) || [0, 1])[1], 10);
				for (const l of document.querySelectorAll('.pw__cards')) {
					const all = l.querySelectorAll('.pw__card').length, shown = l.querySelectorAll('.pw__card:not([hidden])').length;
					if (all && shown < Math.floor(all / pages)) p.push(shown + ' of ' + all + ' cards on the first of ' + pages + ' pages');
					if (all && all <= 6 && shown < all) p.push(all + ' cards do not fit on one page');
				}
				// Every page: no column with cards stands empty, no heading
				// runs out of its column.
				for (let turn = 0; turn < pages; turn++) {
					for (const l of document.querySelectorAll('.pw__cards')) {
						if (l.querySelector('.pw__card') && !l.querySelector('.pw__card:not([hidden])')) p.push('a column is empty on page ' + (turn + 1) + ' of ' + pages);
					}
					document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));
				}
				for (const h of document.querySelectorAll('.pw__colhead h2')) {
					if (h.scrollWidth > h.clientWidth + 1) p.push('heading runs out of its column: ' + h.textContent);
					if (parseFloat(getComputedStyle(h).fontSize) < 0.018 * vh - 0.5) p.push('heading of ' + getComputedStyle(h).fontSize + ' on a ' + vh + ' px screen');
				}
				for (const l of document.querySelectorAll('.pw__cards')) {
					const box = l.getBoundingClientRect();
					for (const c of l.querySelectorAll('.pw__card:not([hidden])')) {
						if (c.getBoundingClientRect().bottom > box.bottom + 1) p.push('card below its column: ' + c.textContent.slice(0, 30));
					}
				}
				return p;
			})()`)
			for _, p := range problems {
				t.Errorf("%s at %d×%d: %s", name, w, h, p)
			}
		}
	}
	for _, n := range []int{0, 6, 40, 120} {
		writeCards(n)
		name := fmt.Sprintf("wall-%d-cards", n)
		b.Must(chromedp.Navigate(wall))
		b.WaitUntil(`document.querySelector('.pw') !== null`)
		b.ScreenshotsAt(name, ProjectorSizes, false, check(name))
		shown := Eval[int](b, `document.querySelectorAll('.pw__card:not([hidden])').length`)
		if n > 0 && shown == 0 {
			t.Errorf("%s: no card is shown", name)
		}
		// An empty wall invites the hall; with cards the invitation goes.
		invites := Eval[bool](b, `[...document.querySelectorAll('.pw__empty')].some(p => p.getClientRects().length > 0)`)
		if invites != (n == 0) {
			t.Errorf("%s: the invitation to write the first card is shown: %v", name, invites)
		}
		if pages := Eval[string](b, `document.getElementById('wall-page').textContent`); shown < n && !strings.Contains(pages, "Seite 1 von") {
			t.Errorf("%s: %d of %d cards shown without a page count (%q)", name, shown, n, pages)
		}
	}
	// Clusters: one column each beside the rest. Long titles over narrow
	// columns fit, and the columns with two cards keep them on every page
	// while the long one turns.
	all, err := srv.Store.Cards(ctx, id, groups[0].ID, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Aufenthaltsqualität", "Nahversorgung", "Verkehrsberuhigung", "Generationenwohnen"} {
		cluster, err := srv.Store.CreateCluster(ctx, actor, 1, domain.Cluster{WorkshopID: id, GroupID: groups[0].ID, Phase: 1, Title: title})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range all[2*i : 2*i+2] {
			if _, err := srv.Store.ModerateCard(ctx, actor, 1, id, c.ID, domain.CardEdit{Action: "cluster", ClusterID: &cluster}); err != nil {
				t.Fatal(err)
			}
		}
	}
	b.Must(chromedp.Navigate(wall))
	b.WaitUntil(`document.querySelectorAll('.pw__column').length === 5`)
	b.ScreenshotsAt("wall-clusters", ProjectorSizes, false, check("clusters"))
	b.Must(chromedp.EmulateViewport(1920, 1080))
	b.CheckAccessibility("presenter wall")
	// The overview has a column per group; G moves on to the first group.
	b.Must(chromedp.Navigate(srv.URL + "/w/" + w.Code() + "/wand"))
	b.WaitUntil(`document.querySelectorAll('.pw__column').length === 3`)
	b.ScreenshotsAt("wall-overview", ProjectorSizes[1:2], false, check("overview"))
	b.Must(chromedp.KeyEvent("g"))
	b.WaitUntil(`location.search === '?gruppe=` + fmt.Sprint(groups[0].ID) + `'`)

	// Voting with tallies visible: a dot appears on the wall's card at once.
	voting, err := srv.Store.UpdateWorkshop(ctx, actor, 1, id, "voting_open", func(w *domain.Workshop) error { w.VotingOpen = true; return nil })
	if err != nil {
		t.Fatal(err)
	}
	b.Must(chromedp.Navigate(wall))
	b.WaitUntil(`document.querySelector('.pw__card .card-total') !== null`)
	cards, _ := srv.Store.Cards(ctx, id, groups[0].ID, 1, false)
	time.Sleep(300 * time.Millisecond) // the wall's stream is connected
	if _, err := srv.App.ChangeDot(ctx, voting, participants[0], cards[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	b.WaitUntil(`document.querySelector('#karte-` + fmt.Sprint(cards[0].ID) + ` .card-total').textContent === '1 Punkt'`)
	// Ten long cards with dots: the ranking fits its box at every size.
	for i, c := range cards[:10] {
		voter, err := srv.Store.Join(ctx, id, groups[0].ID, fmt.Sprintf("voter-%d", i), "")
		if err != nil {
			t.Fatal(err)
		}
		for d := 0; d < 1+i%3; d++ {
			if _, err := srv.Store.ChangeDot(ctx, voter, c.ID, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	// After voting: the ranking as bars.
	if _, err := srv.Store.UpdateWorkshop(ctx, actor, 1, id, "voting_close", func(w *domain.Workshop) error { w.VotingOpen = false; return nil }); err != nil {
		t.Fatal(err)
	}
	rankingFits := func(name string) func(w, h int64) {
		return func(w, h int64) {
			time.Sleep(150 * time.Millisecond)
			problems := Eval[[]string](b, `(() => {
				const p = [];
				if (document.documentElement.scrollHeight > innerHeight + 1) p.push('the page scrolls');
				for (const s of document.querySelectorAll('.pw__ranking')) {
					const box = s.getBoundingClientRect();
					const places = s.querySelectorAll('.ranking li');
					if (!places.length) p.push('an empty ranking');
					for (const li of places) {
						if (li.getBoundingClientRect().bottom > box.bottom + 1) p.push('place below its box: ' + li.textContent.slice(0, 30));
					}
					const size = parseFloat(getComputedStyle(s.querySelector('.ranking')).fontSize);
					if (size < 0.026 * innerHeight - 0.5) p.push('ranking text of ' + size + ' px');
				}
				return p;
			})()`)
			for _, p := range problems {
				t.Errorf("%s at %d×%d: %s", name, w, h, p)
			}
		}
	}
	b.Must(chromedp.Navigate(wall))
	b.WaitUntil(`document.querySelector('.ranking meter') !== null`)
	b.ScreenshotsAt("wall-ranking", ProjectorSizes, false, rankingFits("ranking"))
	if n := Eval[int](b, `document.querySelectorAll('.ranking li').length`); n != 10 {
		t.Errorf("the ranking shows %d places, want 10", n)
	}
	b.Must(chromedp.EmulateViewport(1920, 1080))
	b.CheckAccessibility("presenter wall with ranking")

	// Closed: the wall looks back on the whole workshop, with the first
	// places of the phase that voted, and the join code is gone.
	fields, err := srv.Store.ActionFields(ctx, 1)
	if err != nil || len(fields) == 0 {
		t.Fatalf("fields: %v", err)
	}
	closing, _ := srv.Store.Workshop(ctx, 1, id)
	if _, err := srv.App.ControlWorkshop(ctx, actor, 1, closing, domain.Control{Action: domain.ControlClose, RestField: fields[0].ID}); err != nil {
		t.Fatal(err)
	}
	b.Must(chromedp.Navigate(srv.URL + "/w/" + w.Code() + "/wand"))
	b.WaitUntil(`document.querySelector('.pw__results .ranking li') !== null`)
	if got := b.Text(`.pw__phase`); !strings.Contains(got, "abgeschlossen") {
		t.Errorf("the closed wall's heading: %q", got)
	}
	if got := b.Text(`.pw__results h2`); got != "Kritikphase: die meisten Punkte" {
		t.Errorf("the closed wall's result heading: %q", got)
	}
	if Eval[bool](b, `document.querySelector('.pw__join') !== null`) {
		t.Error("the closed wall still invites to join")
	}
	b.ScreenshotsAt("wall-closed", ProjectorSizes, false, rankingFits("closed"))
	b.Must(chromedp.EmulateViewport(1920, 1080))
	b.CheckAccessibility("closed presenter wall")
}
