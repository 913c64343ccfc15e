package browsertest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// TestCardWrittenOfflineIsSentOnce: a phone loses the hall's Wi-Fi, writes a
// card, and the card is sent exactly once when the connection returns.
func TestCardWrittenOfflineIsSentOnce(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	w := OpenWorkshop(t, srv, domain.Workshop{Title: "Offline-Test", DotBudget: 3, MaxDotsPerCard: 3},
		[]domain.Phase{{Title: "Kritikphase", Prompt: "Was stört?", CardKind: "kritik"}}, []domain.Group{{Title: "Alle"}})
	id := w.ID
	b := New(t)
	b.Must(
		chromedp.Navigate(srv.URL+"/w/"+w.Code()),
		chromedp.Click(`input[name=group]`, chromedp.NodeVisible),
		chromedp.Click(`form[action$="/beitreten"] button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`document.querySelector('#card-form') !== null`)

	setOffline := func(offline bool) {
		t.Helper()
		_, err := chromedp.Run(b.Ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
				MatchedNetworkConditions: []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}},
			})
			return err
		}))
		if err != nil {
			t.Fatalf("network emulation: %v", err)
		}
	}
	setOffline(true)
	b.Must(chromedp.SendKeys(`#text`, "Im Funkloch geschrieben"), chromedp.Click(`#card-form button[type=submit]`, chromedp.NodeVisible))
	b.WaitUntil(`document.querySelector('#queue').textContent.includes('1')`)
	if got := b.Text(`#queue`); !strings.Contains(got, "Wartet auf Verbindung") {
		t.Errorf("queue notice = %q", got)
	}
	time.Sleep(time.Second)
	if cards, _ := srv.Store.Cards(ctx, id, 0, 0, true); len(cards) != 0 {
		t.Fatalf("%d cards arrived while offline", len(cards))
	}
	setOffline(false)
	b.WaitUntil(`document.querySelectorAll('#cards li').length === 1`)
	time.Sleep(6 * time.Second) // one more round of the retry timer
	cards, _ := srv.Store.Cards(ctx, id, 0, 0, true)
	if len(cards) != 1 || cards[0].Text != "Im Funkloch geschrieben" {
		t.Fatalf("after reconnecting: %+v", cards)
	}
	if queued := Eval[string](b, `localStorage.getItem('zw-queue-`+w.Code()+`')`); queued != "[]" {
		t.Errorf("queue after sending: %q", queued)
	}
}
