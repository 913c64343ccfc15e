// Package browsertest drives Debian's chromium headless through chromedp
// against a real server, at a phone's viewport, and checks every visited
// page with axe-core for WCAG 2.1 AA violations.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// Phone is the viewport of a small Android phone.
const (
	PhoneWidth  = 360
	PhoneHeight = 740
)

// Browser is one headless chromium with a fresh profile.
type Browser struct {
	t   *testing.T
	Ctx context.Context
	axe string

	mu       sync.Mutex
	requests []string // every URL the browser fetched
}

// New starts chromium; missing chromium or axe-core skip the test, or fail
// it under CI=true.
func New(t *testing.T) *Browser {
	t.Helper()
	path := os.Getenv("CHROMIUM_PATH")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		testutil.Unavailable(t, "chromium", fmt.Errorf("not on PATH and CHROMIUM_PATH unset"))
	}
	axePath := os.Getenv("AXE_CORE_JS")
	if axePath == "" {
		home, _ := os.UserHomeDir()
		axePath = home + "/.cache/zukunftswerk/npm/node_modules/axe-core/axe.min.js"
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		testutil.Unavailable(t, "axe-core (npm)", err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "de-DE"),
		chromedp.Flag("accept-lang", "de-DE,de"),
		chromedp.WindowSize(PhoneWidth, PhoneHeight),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b := &Browser{t: t, Ctx: ctx, axe: string(axe)}
	b.Must(chromedp.EmulateViewport(PhoneWidth, PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
	err = chromedp.Listen(ctx, func(ev any) {
		if req, ok := ev.(*network.EventRequestWillBeSent); ok {
			b.mu.Lock()
			b.requests = append(b.requests, req.Request.URL)
			b.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listen to browser events: %v", err)
	}
	return b
}

// Requests returns every URL the browser has requested so far.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// Must runs the steps and fails the test on error.
func (b *Browser) Must(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.Ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// WaitUntil evaluates expression until it is true, across page loads (a
// form post and its redirect); it fails the test after 15 seconds.
func (b *Browser) WaitUntil(expression string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](expression))
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("waited in vain for %s", expression)
}

// Submit clicks a form's button and waits until the page the server
// answers with has loaded: a step right after a bare Click could still
// find the old page's nodes and lose them to the navigation.
func (b *Browser) Submit(button string) {
	b.t.Helper()
	b.Must(chromedp.Evaluate[chromedp.Void](`window.zwOldPage = true`), chromedp.Click(button, chromedp.NodeVisible))
	b.WaitUntil(`!window.zwOldPage && document.readyState === 'complete'`)
}

// Text returns the visible text of the first element matching sel.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	text, err := chromedp.Run(b.Ctx, chromedp.Text(sel, chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(text)
}

// Eval evaluates JavaScript and decodes the result into T.
func Eval[T any](b *Browser, expression string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](expression, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluate %q: %v", expression, err)
	}
	return v
}

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// CheckAccessibility runs axe-core with the WCAG 2.1 A and AA rules on the
// current page and fails the test for every violation. It also checks the
// reflow criterion: no horizontal scrolling at 320 CSS pixels (what a
// 640 px wide window shows at 200% zoom).
func (b *Browser) CheckAccessibility(page string) {
	b.t.Helper()
	b.Must(chromedp.Evaluate[chromedp.Void](b.axe))
	raw := Eval[[]byte](b, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
		.then(r => JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(' '))}))}))`)
	var encoded string
	if err := json.Unmarshal(raw, &encoded); err != nil {
		b.t.Fatalf("axe result: %v", err)
	}
	var result struct {
		Passes     int         `json:"passes"`
		Violations []violation `json:"violations"`
	}
	if err := json.Unmarshal([]byte(encoded), &result); err != nil {
		b.t.Fatalf("axe result: %v", err)
	}
	if result.Passes == 0 {
		b.t.Fatalf("%s: axe-core ran no passing rule; the check is broken", page)
	}
	for _, v := range result.Violations {
		b.t.Errorf("%s: axe %s (%s): %s at %v", page, v.ID, v.Impact, v.Help, v.Nodes)
	}

	b.Must(chromedp.EmulateViewport(320, PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch))
	overflow := Eval[int](b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
	b.Must(chromedp.EmulateViewport(PhoneWidth, PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
	if overflow > 0 {
		b.t.Errorf("%s scrolls sideways by %d px at 320 CSS px width (200%% zoom)", page, overflow)
	}
}

// ScreenSizes are the sizes people really use: a phone, a tablet, a laptop
// and a desktop screen.
var ScreenSizes = [][2]int64{{360, 740}, {768, 1024}, {1280, 800}, {1920, 1080}}

// ProjectorSizes are the projectors of halls: 16:9 from 720p to 4K, and
// an old 4:3 one.
var ProjectorSizes = [][2]int64{{1280, 720}, {1920, 1080}, {3840, 2160}, {1024, 768}}

// Screenshots looks at the current page at every screen size: it fails the
// test when the page scrolls sideways, and with SHOTS_DIR set it writes a
// full-page PNG per size (name-WxH.png) for a person to look at.
func (b *Browser) Screenshots(name string) {
	b.t.Helper()
	b.ScreenshotsAt(name, ScreenSizes, true, nil)
}

// ScreenshotsAt is Screenshots at the given sizes; check, if not nil, runs
// at each size before the picture is taken. fullPage=false takes the
// viewport only: a full-page capture resizes the viewport for a moment,
// which a page that fits itself to the screen (the presenter wall)
// answers by refitting.
func (b *Browser) ScreenshotsAt(name string, sizes [][2]int64, fullPage bool, check func(w, h int64)) {
	b.t.Helper()
	dir := os.Getenv("SHOTS_DIR")
	for _, size := range sizes {
		w, h := size[0], size[1]
		if w < 768 {
			b.Must(chromedp.EmulateViewport(w, h, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
		} else {
			b.Must(chromedp.EmulateViewport(w, h))
		}
		if overflow := Eval[int](b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); overflow > 0 {
			b.t.Errorf("%s scrolls sideways by %d px at %d×%d", name, overflow, w, h)
		}
		if check != nil {
			check(w, h)
		}
		if dir == "" {
			continue
		}
		capture := chromedp.FullScreenshot(100)
		if !fullPage {
			capture = chromedp.CaptureScreenshot()
		}
		png, err := chromedp.Run(b.Ctx, capture)
		if err != nil {
			b.t.Fatalf("screenshot: %v", err)
		}
		if err = os.WriteFile(fmt.Sprintf("%s/%s-%dx%d.png", dir, name, w, h), png, 0o644); err != nil {
			b.t.Fatalf("write screenshot: %v", err)
		}
	}
	b.Must(chromedp.EmulateViewport(PhoneWidth, PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
}

// LogIn signs the browser in as a staff member made by testutil.CreateStaff.
func (b *Browser) LogIn(baseURL, email string) {
	b.t.Helper()
	b.Must(
		chromedp.Navigate(baseURL+"/intern/anmelden"),
		chromedp.SendKeys(`#email`, email),
		chromedp.SendKeys(`#password`, testutil.StaffPassword),
		chromedp.Click(`form[action="/intern/anmelden"] button`, chromedp.NodeVisible),
	)
	b.WaitUntil(`location.pathname === '/intern/'`)
}

// OpenWorkshop prepares a workshop of the demo's process in the database
// and opens it for joining, as the console's "open" does.
func OpenWorkshop(t *testing.T, srv *testutil.Server, w domain.Workshop, phases []domain.Phase, groups []domain.Group) domain.Workshop {
	t.Helper()
	ctx := context.Background()
	actor := store.Actor{Name: "test"}
	w.ProcessID, w.Kind = 1, "zukunft"
	id, err := srv.Store.CreateWorkshop(ctx, actor, 1, w, phases, groups)
	if err != nil {
		t.Fatal(err)
	}
	open, err := srv.Store.UpdateWorkshop(ctx, actor, 1, id, "open", func(w *domain.Workshop) error {
		code := domain.NewJoinCode()
		w.JoinCode, w.State = &code, domain.WorkshopLive
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return open
}

// brokenWordsJS lists the words of table cells and headings that the page
// breaks across two lines ("Ausw|ahl"): a word's range has more than one
// line box.
const brokenWordsJS = `(() => {
	const broken = [];
	for (const el of document.querySelectorAll('th, td, h1, h2, h3, caption')) {
		if (!el.offsetParent) continue;
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let node; (node = walker.nextNode());) {
			const re = /\S+/g;
			for (let m; (m = re.exec(node.data));) {
				const r = document.createRange();
				r.setStart(node, m.index);
				r.setEnd(node, m.index + m[0].length);
				const tops = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
				if (tops.size > 1) broken.push(m[0]);
			}
		}
	}
	return broken;
})()`

// CheckWholeWords fails the test for every word of a table cell or heading
// broken across lines.
func (b *Browser) CheckWholeWords(page string) {
	b.t.Helper()
	for _, w := range Eval[[]string](b, brokenWordsJS) {
		b.t.Errorf("%s: the word %q is broken across lines", page, w)
	}
}
