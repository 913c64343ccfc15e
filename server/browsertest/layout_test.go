package browsertest

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// layoutJS lists what a person would notice on the page at this size:
// a page that scrolls sideways; a word of a table cell, heading or label
// broken across lines ("Ausw|ahl", not at a hyphen); text cut off by a box that hides its
// overflow; tap targets smaller than 24×24 CSS px without the spacing
// WCAG 2.2 (2.5.8) allows instead; text below 12 px.
const layoutJS = `(() => {
	const problems = [], seen = new Set();
	const describe = el => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		else if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
		return s + ' "' + (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40) + '"';
	};
	const add = (what, el, extra) => {
		const line = what + ': ' + describe(el) + (extra ? ' (' + extra + ')' : '');
		if (!seen.has(line)) { seen.add(line); problems.push(line); }
	};
	const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
	// Hidden for the eye but read out (a stacked table's head, the
	// "visually hidden" pattern): a 1 px box somewhere above it.
	const onPurpose = el => {
		if (el.closest('.visually-hidden, .skip-link, [aria-hidden=true]')) return true;
		for (let a = el; a && a !== document.body; a = a.parentElement) {
			const r = a.getBoundingClientRect();
			if (r.width <= 1 && r.height <= 1) return true;
		}
		return false;
	};
	const root = document.documentElement;
	if (root.scrollWidth > root.clientWidth) problems.push('the page scrolls sideways by ' + (root.scrollWidth - root.clientWidth) + ' px');

	for (const el of document.querySelectorAll('th, td, h1, h2, h3, h4, caption, button, label, summary, .button, dt, .idea-card .workshop-card__text')) {
		if (!shown(el) || onPurpose(el)) continue;
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let node; (node = walker.nextNode());) {
			// A line may end after a hyphen or at a soft hyphen (it shows
			// one): "Demografie-|Strategie" and "Be-|treuung" are how German
			// is set; "Ausw|ahl" is broken.
			const re = /[^\s\-\u00AD\u2010]+[\-\u00AD\u2010]?/g;
			for (let m; (m = re.exec(node.data));) {
				const r = document.createRange();
				r.setStart(node, m.index);
				r.setEnd(node, m.index + m[0].length);
				let boxes = [...r.getClientRects()].filter(b => b.width > 0);
				// Right after a soft hyphen the range also holds the hyphen
				// shown at the end of the line before: not a broken word.
				if (m.index > 0 && node.data[m.index - 1] === '\u00AD' && boxes.length > 1) {
					const hyphen = parseFloat(getComputedStyle(el).fontSize) * 0.6;
					boxes = boxes.filter(b => b.width > hyphen);
				}
				const tops = new Set(boxes.map(b => Math.round(b.top)));
				if (tops.size > 1) add('word broken across lines', el, m[0]);
			}
		}
	}

	for (const el of document.body.querySelectorAll('*')) {
		if (/^(INPUT|SELECT|TEXTAREA|IMG|svg|CANVAS|IFRAME|METER|PROGRESS|OPTION|SCRIPT|STYLE)$/.test(el.tagName)) continue;
		if (!shown(el) || onPurpose(el) || !el.textContent.trim()) continue;
		const cs = getComputedStyle(el);
		const hidesX = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis';
		const hidesY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
		if (hidesX && el.scrollWidth > el.clientWidth + 1) add('text cut off', el, el.scrollWidth + ' px in ' + el.clientWidth);
		else if (hidesY && el.scrollHeight > el.clientHeight + 1) add('text cut off', el, el.scrollHeight + ' px in ' + el.clientHeight);
	}

	const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')]
		.filter(el => shown(el) && !onPurpose(el));
	const boxes = targets.map(el => el.getBoundingClientRect());
	const small = boxes.map(r => r.width < 24 || r.height < 24);
	const distance = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
	targets.forEach((el, i) => {
		const r = boxes[i];
		if (!small[i] || r.width === 0 || r.height === 0) return;
		// A link in a sentence or a line of text is exempt (inline).
		if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.parentElement.textContent.trim().length > el.textContent.trim().length) return;
		// A target whose label is a big enough target of its own.
		if (el.labels && [...el.labels].some(l => { const b = l.getBoundingClientRect(); return b.height >= 24; })) return;
		// Spacing: a 24 px circle around its centre touches no other target.
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		const crowded = targets.some((o, j) => j !== i && (distance(x, y, boxes[j]) < 12 ||
			(small[j] && Math.hypot(x - (boxes[j].left + boxes[j].width / 2), y - (boxes[j].top + boxes[j].height / 2)) < 24)));
		if (crowded) add('tap target under 24×24 px', el, Math.round(r.width) + '×' + Math.round(r.height));
	});

	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node; (node = walker.nextNode());) {
		const el = node.parentElement;
		if (!node.data.trim() || !el || !shown(el) || onPurpose(el) || /^(SCRIPT|STYLE|OPTION)$/.test(el.tagName)) continue;
		const size = parseFloat(getComputedStyle(el).fontSize);
		if (size < 12) add('text below 12 px', el, size + ' px');
	}
	return problems;
})()`

// layoutPage is a page of the layout check: the route it stands for, its
// path, and who looks at it ("" for anyone).
type layoutPage struct {
	route, path, who string
}

// notPages are the GET routes that answer no HTML page (files, feeds,
// streams, JSON) or only redirect; every other GET route must be in the
// layout check.
var notPages = map[string]bool{
	"healthz": true, "readyz": true, "staticFile": true, "myContributionsExport": true, "conceptPDF": true,
	"openDataExport": true, "atomFeed": true, "icalFeed": true, "workshopStream": true, "workshopState": true,
	"workshopQR": true, "staffWorkshopStream": true, "apiProcessShow": true, "apiActionFieldList": true,
	"apiIdeaList": true, "apiIdeaShow": true, "staffCheckExportCSV": true, "staffCheckExportJSON": true,
	"staffCheckTemplateExportJSON": true, "staffCheckTemplateExportCSV": true,
}

// getRoutes reads the named GET routes from routes.go, the one place
// they are listed.
func getRoutes(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("../web/routes.go")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range regexp.MustCompile(`\.GET\("(\w+)",`).FindAllStringSubmatch(string(src), -1) {
		if !notPages[m[1]] {
			names = append(names, m[1])
		}
	}
	if len(names) < 30 {
		t.Fatalf("read only %d page routes from routes.go; the pattern is broken", len(names))
	}
	return names
}

// TestEveryPageAtEverySize is the layout check: every page — public,
// staff with each role, the workshop's phone and wall — at 360×740,
// 768×1024, 1280×800 and 1920×1080 (layoutJS), and axe-core at 360 px.
// A page route that is not visited fails the test, so a new page cannot
// slip past it. With SHOTS_DIR set it writes each page's picture at each
// size (make shots).
func TestEveryPageAtEverySize(t *testing.T) {
	if os.Getenv("TEST_DATABASE") == "postgres" {
		t.Skip("the layout does not depend on the database: checked on the SQLite run")
	}
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	actor := store.Actor{Name: "test"}
	anna := testutil.CreateStaff(t, srv.Store, "admin@i.de", "Anna Admin", true, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	for r, name := range map[domain.Role]string{domain.RoleProjektgruppe: "Pia Planer", domain.RoleModeration: "Mara Moser", domain.RoleVerwaltung: "Vera Vogt"} {
		testutil.CreateStaff(t, srv.Store, string(r)+"@i.de", name, false, testutil.Grant{Municipality: "ingersheim", Role: r})
	}
	invitation, err := srv.App.Invite(ctx, store.Actor{UserID: anna.ID, Name: anna.Name, InstallationAdmin: true}, 1, "neu@ingersheim.de", domain.RoleModeration)
	if err != nil {
		t.Fatal(err)
	}
	// A live workshop with cards in three groups, and a closed one.
	live := OpenWorkshop(t, srv, domain.Workshop{Title: "Zukunftswerkstatt SKV-Halle", Place: "SKV-Halle", DotBudget: 3, MaxDotsPerCard: 3, TalliesVisible: true},
		[]domain.Phase{{Title: "Kritikphase", Prompt: "Was stört Sie heute in Ingersheim?", CardKind: "kritik"}, {Title: "Phantasiephase", CardKind: "ideen"}},
		[]domain.Group{{Title: "Jung & Alt"}, {Title: "Wohnen und Mobilität"}, {Title: "Bildung und Betreuung"}})
	groups, _ := srv.Store.Groups(ctx, live.ID)
	for i, g := range groups {
		p, err := srv.Store.Join(ctx, live.ID, g.ID, fmt.Sprintf("layout-device-%d", i), "")
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < 5; j++ {
			if _, _, err := srv.Store.CreateCard(ctx, p, wallCardTexts[(i*5+j)%len(wallCardTexts)], fmt.Sprintf("layout-card-%d-%d", i, j)); err != nil {
				t.Fatal(err)
			}
		}
	}
	closed := OpenWorkshop(t, srv, domain.Workshop{Title: "Strategiewerkstatt", DotBudget: 3, MaxDotsPerCard: 3},
		[]domain.Phase{{Title: "Kritikphase", CardKind: "kritik"}}, []domain.Group{{Title: "Projektgruppe"}})
	fields, _ := srv.Store.ActionFields(ctx, 1)
	if _, err := srv.App.ControlWorkshop(ctx, actor, 1, closed, domain.Control{Action: domain.ControlClose, RestField: fields[0].ID}); err != nil {
		t.Fatal(err)
	}

	process := "/ingersheim/heute-leben-morgen-gestalten"
	staff := "/intern/k/ingersheim"
	staffProcess := staff + "/verfahren/heute-leben-morgen-gestalten"
	code := live.Code()
	console := fmt.Sprintf("%s/werkstaetten/%d", staff, live.ID)
	// A Fortschreibung adopted by the council: two public versions to
	// compare.
	admin := New(t)
	admin.LogIn(srv.URL, "admin@i.de")
	admin.Must(chromedp.Navigate(srv.URL + staffProcess + "/konzept"))
	admin.Submit(`form:has(input[name=action][value=revision]) button`)
	admin.Must(chromedp.SetValue(`#leitbild`, "Ingersheim bleibt ein Ort für Jung und Alt – fortgeschrieben."))
	admin.Submit(`form:has(#leitbild) button`)
	admin.WaitUntil(`location.search.includes('gespeichert')`)
	for _, step := range []string{"abgestimmt", "vorgelegt"} {
		admin.Submit(`form:has(input[name="to"][value="` + step + `"]) button`)
		admin.WaitUntil(`document.querySelector('.steps [aria-current="step"]')?.textContent.includes('` + step + `')`)
	}
	admin.Must(chromedp.SetValue(`#decided_on`, "2026-11-20"), chromedp.SendKeys(`#agenda_item`, "TOP 3"),
		chromedp.Click(`#result-angenommen`, chromedp.NodeVisible))
	admin.Submit(`form:has(#decided_on) button[type=submit]`)
	admin.WaitUntil(`document.querySelector('.steps [aria-current="step"]')?.textContent === 'beschlossen'`)

	b := New(t)
	// The pages whose id is found on another page: the first link there.
	first := func(b *Browser, page, selector string) string {
		t.Helper()
		b.Must(chromedp.Navigate(srv.URL + page))
		href := Eval[string](b, `(() => { const a = document.querySelector('`+selector+`'); return a ? a.getAttribute('href') : ''; })()`)
		if href == "" {
			t.Fatalf("%s has no %s", page, selector)
		}
		return href
	}
	publicPages := []layoutPage{
		{"municipalityList", "/", ""},
		{"privacyShow", "/datenschutz", ""},
		{"accessibilityShow", "/barrierefreiheit", ""},
		{"easyLanguage", "/leichte-sprache", ""},
		{"myContributions", "/meine-beitraege", ""},
		{"municipalityShow", "/ingersheim/", ""},
		{"processShow", process + "/", ""},
		{"ideaList", process + "/ideen", ""},
		{"ideaNew", process + "/ideen/neu", ""},
		{"ideaShow", first(b, process+"/ideen", `.idea-card a[href*="/ideen/"]`), ""},
		{"conceptShow", process + "/handlungskonzept", ""},
		{"measureShow", first(b, process+"/handlungskonzept", `a[href*="/massnahmen/"]`), ""},
		{"conceptDiffPublic", first(b, process+"/handlungskonzept", `a[href*="/vergleich"]`), ""},
		{"dashboard", process + "/umsetzung", ""},
		{"workshopEnterCode", "/w", ""},
		{"workshopJoinForm", "/w/" + code, ""},
		{"workshopWall", "/w/" + code + "/wand", ""},
		{"staffLoginForm", "/intern/anmelden", ""},
		{"staffInvitationForm", "/intern/einladung/" + invitation.Token, ""},
		{"notFound", "/gibt-es-nicht", ""},
	}
	checked := map[string]bool{}
	raw := rawWords(t, srv)
	check := func(b *Browser, pages []layoutPage) {
		t.Helper()
		for _, p := range pages {
			checked[p.route] = true
			b.Must(chromedp.Navigate(srv.URL + p.path))
			name := p.route
			if p.who != "" {
				name += "-" + p.who
			}
			// Every word comes from the catalog: no key, no stored code.
			for _, word := range strings.Fields(Eval[string](b, `document.body.innerText`)) {
				if what, ok := raw[strings.Trim(word, ".,:;()„“\"'·")]; ok {
					t.Errorf("%s shows %s %q", name, what, word)
				}
			}
			if p.who == "" {
				// Findable: a public page says what it is about.
				if d := Eval[string](b, `(document.querySelector('meta[name=description]') || {content: ''}).content`); len([]rune(d)) < 40 {
					t.Errorf("%s has no meta description worth the name: %q", name, d)
				}
			}
			b.CheckAccessibility(name)
			b.ScreenshotsAt("layout-"+name, ScreenSizes, p.route != "workshopWall", func(w, h int64) {
				// The wall refits after a resize; a phone hyphenates its
				// cards' long words anew (loading the patterns the first time).
				pause := 100 * time.Millisecond
				if p.route == "workshopParticipant" {
					pause = 700 * time.Millisecond
				}
				time.Sleep(pause)
				for _, problem := range Eval[[]string](b, layoutJS) {
					t.Errorf("%s (%s) at %d×%d: %s", name, p.path, w, h, problem)
				}
			})
		}
	}
	check(b, publicPages)

	// The phone, joined to the first group.
	b.Must(chromedp.Navigate(srv.URL+"/w/"+code), chromedp.Click(`input[name=group]`, chromedp.NodeVisible), chromedp.Click(`form button[type=submit]`, chromedp.NodeVisible))
	b.WaitUntil(`location.pathname.endsWith('/gruppe')`)
	check(b, []layoutPage{{"workshopParticipant", "/w/" + code + "/gruppe", ""}})

	// Staff: every page as an admin of Ingersheim who is also an
	// installation admin; the home pages as each role.
	publicDiff := first(admin, process+"/handlungskonzept", `a[href*="/vergleich"]`)
	staffPages := []layoutPage{
		{"staffHome", "/intern/", "admin"},
		{"staffPasswordForm", "/intern/passwort", "admin"},
		{"staffMunicipalities", "/intern/kommunen", "admin"},
		{"staffPages", "/intern/seiten", "admin"},
		{"staffAuditInstallation", "/intern/protokoll", "admin"},
		{"staffMunicipality", staff + "/", "admin"},
		{"staffModeration", staff + "/moderation", "admin"},
		{"staffDeviceRequest", staff + "/datenauskunft", "admin"},
		{"staffWorkshops", staff + "/werkstaetten", "admin"},
		{"staffWorkshopConsole", console, "admin"},
		{"staffWorkshopDoc", fmt.Sprintf("%s/werkstaetten/%d/doku", staff, closed.ID), "admin"},
		{"staffPaperCards", fmt.Sprintf("%s/papierkarten?gruppe=%d&phase=1", console, groups[0].ID), "admin"},
		{"curationBoard", staffProcess + "/kuratierung", "admin"},
		{"curationItem", first(admin, staffProcess+"/kuratierung", `a[href*="/beitraege/"]`), "admin"},
		{"conceptEdit", staffProcess + "/konzept", "admin"},
		{"conceptDiff", strings.Replace(publicDiff, process+"/handlungskonzept", staffProcess+"/konzept", 1), "admin"},
		{"measureNew", staffProcess + "/konzept/massnahmen/neu", "admin"},
		{"measureEdit", first(admin, staffProcess+"/konzept", `a[href*="/konzept/massnahmen/"]`), "admin"},
		{"staffReviews", staffProcess + "/qualitaetssicherung", "admin"},
		{"staffChecks", staffProcess + "/bilanz", "admin"},
		{"staffCheckTemplates", "/intern/vorlagen", "admin"},
		{"staffCheckRound", first(admin, staffProcess+"/bilanz", `a[href*="/bilanz/"]`), "admin"},
		{"staffCheckResult", first(admin, staffProcess+"/bilanz", `a[href*="/bilanz/"]`) + "/ergebnis", "admin"},
		{"staffFahrplan", staffProcess + "/fahrplan", "admin"},
		{"staffImplementation", staffProcess + "/umsetzung", "admin"},
		{"staffMeasureReport", first(admin, staffProcess+"/umsetzung", `a[href*="/umsetzung/"]`), "admin"},
		{"staffProcess", staffProcess, "admin"},
		{"staffTeam", staff + "/team", "admin"},
		{"staffAudit", staff + "/protokoll", "admin"},
	}
	check(admin, staffPages)
	for _, r := range []domain.Role{domain.RoleProjektgruppe, domain.RoleModeration, domain.RoleVerwaltung} {
		member := New(t)
		member.LogIn(srv.URL, string(r)+"@i.de")
		check(member, []layoutPage{{"staffHome", "/intern/", string(r)}, {"staffMunicipality", staff + "/", string(r)}})
	}

	// The citizens' pages in Leichte Sprache, Turkish and Arabic (right to
	// left), the phone too; none says anything in German it has a word
	// for in the chosen language.
	for _, lang := range i18n.CitizenLanguages {
		reader := New(t)
		reader.Must(chromedp.Navigate(srv.URL + "/?lang=" + lang))
		var pages []layoutPage
		for _, p := range publicPages {
			if citizenRoutes[p.route] {
				pages = append(pages, layoutPage{p.route, p.path, lang})
			}
		}
		check(reader, pages)
		if got := Eval[string](reader, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != i18n.HTMLLang(lang)+" "+i18n.Direction(lang) &&
			!(lang != "ls" && got == "de-x-ls ltr") { // the not-found page in ls; the last page checked
			t.Errorf("%s: the page declares %q", lang, got)
		}
		reader.Must(chromedp.Navigate(srv.URL+"/w/"+code), chromedp.Click(`input[name=group]`, chromedp.NodeVisible), chromedp.Click(`form button[type=submit]`, chromedp.NodeVisible))
		reader.WaitUntil(`location.pathname.endsWith('/gruppe')`)
		check(reader, []layoutPage{{"workshopParticipant", "/w/" + code + "/gruppe", lang}})
	}
	if said := srv.Catalog.Fallbacks(); len(said) > 0 {
		t.Errorf("citizens' pages said in German what their language lacks: %v", said)
	}

	var missing []string
	for _, route := range getRoutes(t) {
		if !checked[route] {
			missing = append(missing, route)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("page routes the layout check does not visit: %v", missing)
	}
}

// citizenRoutes are the pages the citizens' languages speak (web's
// citizenPages, by route).
var citizenRoutes = map[string]bool{"municipalityList": true, "privacyShow": true, "accessibilityShow": true, "easyLanguage": true,
	"myContributions": true, "municipalityShow": true, "processShow": true, "ideaList": true, "ideaNew": true, "ideaShow": true,
	"workshopEnterCode": true, "workshopJoinForm": true, "notFound": true}

// rawWords are what must never show on a page: every catalog key, and
// every stored code that its German wording does not contain as a word
// ("zurueckgestellt", "in_umsetzung", "workshop.voting_close").
func rawWords(t *testing.T, srv *testutil.Server) map[string]string {
	t.Helper()
	raw := map[string]string{}
	for _, key := range srv.Catalog.Keys() {
		raw[key] = "the catalog key"
	}
	codes := map[string][]string{"status.": domain.Decisions, "concept.status.": domain.ConceptStatuses,
		"measure.status.": domain.MeasureStatuses, "audit.action.": domain.AuditActions}
	for _, r := range domain.Roles {
		codes["role."] = append(codes["role."], string(r))
	}
	for prefix, values := range codes {
		for _, v := range values {
			// A code that is a word of its own wording ("abgestimmt" in
			// "abgestimmt in der Projektgruppe") may show as that word.
			if word := srv.Catalog.Message("de", prefix+v); !slices.Contains(strings.Fields(word), v) {
				raw[v] = "the code"
			}
		}
	}
	return raw
}

// TestLayoutCheckSeesProblems: the layout check finds each problem it
// looks for on a page made of them, and passes the same page fixed.
func TestLayoutCheckSeesProblems(t *testing.T) {
	b := New(t)
	bad := `<!doctype html><html lang="de"><body style="margin:0">
		<table><tr><th style="width:3em;overflow-wrap:anywhere">Unterstützungen</th></tr></table>
		<p style="width:5em;overflow:hidden;white-space:nowrap">Ein langer Satz ohne Ende</p>
		<p><button style="width:16px;height:16px;padding:0">x</button><button style="width:16px;height:16px;padding:0">y</button></p>
		<p style="font-size:10px">Kleingedrucktes</p>
		<div style="width:2000px">breit</div></body></html>`
	b.Must(chromedp.Navigate("data:text/html;charset=utf-8," + strings.ReplaceAll(bad, "#", "%23")))
	got := strings.Join(Eval[[]string](b, layoutJS), "\n")
	for _, want := range []string{"scrolls sideways", "word broken across lines: th", "text cut off: p", "tap target under 24×24 px: button", "text below 12 px: p"} {
		if !strings.Contains(got, want) {
			t.Errorf("the layout check misses %q; it found:\n%s", want, got)
		}
	}
	good := `<!doctype html><html lang="de"><body style="margin:0">
		<table><tr><th>Demografie-Strategie</th></tr></table>
		<p>Ein langer Satz ohne Ende, <a href="#x">ein Link im Satz</a>.</p>
		<p><button style="width:16px;height:16px;padding:0">x</button><span style="margin-left:40px"></span><button style="min-width:24px;min-height:24px">y</button></p>
		<p>Normal</p></body></html>`
	b.Must(chromedp.Navigate("data:text/html;charset=utf-8," + strings.ReplaceAll(good, "#", "%23")))
	if problems := Eval[[]string](b, layoutJS); len(problems) > 0 {
		t.Errorf("the layout check complains about a good page: %v", problems)
	}
}
