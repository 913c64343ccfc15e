package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/chart"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
)

// pageNames are the page templates; each is parsed together with
// layout.html and partials.html once per language at start-up.
var pageNames = []string{"home", "municipality", "process", "idea_list", "idea_new", "idea_show", "error",
	"my_contributions", "privacy", "accessibility",
	"staff_login", "staff_home", "staff_password", "staff_invitation", "staff_municipalities", "staff_municipality",
	"staff_process", "staff_team", "staff_audit", "staff_moderation", "staff_device", "staff_pages",
	"workshop_code", "workshop_join", "workshop_participant", "workshop_wall", "staff_workshops", "staff_workshop", "staff_workshop_doc",
	"staff_curation", "staff_curation_item", "staff_concept", "staff_concept_diff", "staff_measure", "concept", "measure_show",
	"dashboard", "concept_diff", "staff_implementation", "staff_measure_report", "staff_reviews", "staff_fahrplan", "confirm", "staff_paper_cards", "easy_language",
	"staff_checks", "staff_check_round", "staff_check_result", "staff_check_templates"}

// citizenPages are the pages the citizens' languages speak
// (i18n.CitizenLanguages): a reader who chose one of them sees any other
// page in German, with a note in the chosen language.
var citizenPages = map[string]bool{"home": true, "municipality": true, "process": true, "idea_list": true, "idea_new": true,
	"idea_show": true, "error": true, "my_contributions": true, "privacy": true, "accessibility": true,
	"workshop_code": true, "workshop_join": true, "workshop_participant": true, "easy_language": true}

type pages struct {
	byLang map[string]map[string]*template.Template
}

func parsePages(templates fs.FS, catalog *i18n.Catalog, routes paths, static *assets, loc *time.Location) (*pages, error) {
	p := &pages{byLang: map[string]map[string]*template.Template{}}
	if loc == nil {
		loc = time.UTC
	}
	for _, lang := range i18n.All() {
		p.byLang[lang] = map[string]*template.Template{}
		for _, name := range pageNames {
			t, err := template.New("layout.html").Funcs(templateFuncs(lang, catalog, routes, static, loc)).
				ParseFS(templates, "layout.html", "partials.html", name+".html")
			if err != nil {
				return nil, fmt.Errorf("web: unable to parse template %s: %w", name, err)
			}
			p.byLang[lang][name] = t
		}
	}
	return p, nil
}

// view is what every template receives: the page's own data plus what the
// layout needs.
type view struct {
	Lang      string         // the page's language
	HTMLLang  string         // its tag for the lang attribute
	Dir       string         // "rtl" or "ltr"
	Languages []languageLink // the language menu
	// OnlyGerman says, in the reader's chosen language, that this page
	// speaks German only ("" when it speaks the chosen one).
	OnlyGerman     string
	OnlyGermanLang string
	Staff          *staffContext // set on staff pages
	Presenter      bool          // a projector page: no site header and footer
	Wide           bool          // a page of wide tables and boards: the whole screen's width
	Data           any
}

// widePages are the pages whose tables need the width of a
// laptop screen, not a column of text.
var widePages = map[string]bool{"dashboard": true, "staff_curation": true, "staff_moderation": true, "staff_audit": true, "staff_team": true,
	"staff_workshop": true, "staff_workshop_doc": true, "staff_implementation": true}

// presenterPages fill a projector: the page is the whole screen.
var presenterPages = map[string]bool{"workshop_wall": true}

func (h *Handler) render(c *gin.Context, status int, page string, data any) {
	h.renderPage(c.Writer, c.Request, langOf(c), staffIfAny(c), status, page, data)
}

// renderPage writes a page; it needs no gin context, so that error pages
// of the middleware in front of gin look like every other page.
func (h *Handler) renderPage(w http.ResponseWriter, r *http.Request, lang string, staff *staffContext, status int, page string, data any) {
	body, htmlLang, err := h.renderBytes(r, lang, staff, page, data)
	if err != nil {
		h.Log.Error("unable to render template", "page", page, "error", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(h.Catalog.Message(lang, "error.internal")))
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeHTML(w, status, htmlLang, body)
}

func writeHTML(w http.ResponseWriter, status int, htmlLang string, body []byte) {
	w.Header().Set("Content-Language", htmlLang)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// renderBytes is a page as HTML and the language tag it speaks.
func (h *Handler) renderBytes(r *http.Request, lang string, staff *staffContext, page string, data any) ([]byte, string, error) {
	// Staff work in German or English, even on an error page.
	staffPage := staff != nil || strings.HasPrefix(page, "staff_")
	shown := lang
	if !i18n.Complete(lang) && (!citizenPages[page] || staffPage) {
		shown = i18n.Languages[0]
	}
	t := h.pages.byLang[shown][page]
	var buf bytes.Buffer
	v := view{Lang: shown, HTMLLang: i18n.HTMLLang(shown), Dir: i18n.Direction(shown), Languages: h.languageLinks(r, lang, shown, staffPage),
		Staff: staff, Presenter: presenterPages[page], Wide: widePages[page], Data: data}
	if shown != lang && !staffPage {
		v.OnlyGerman, v.OnlyGermanLang = h.Catalog.Message(lang, "nav.only_german"), i18n.HTMLLang(lang)
	}
	if err := t.Execute(&buf, v); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), v.HTMLLang, nil
}

// renderVersioned renders a public page made only from data (see
// versioned.go): a 304 when the browser has this version, the kept HTML
// when another reader asked for it before, else rendered and kept.
func (h *Handler) renderVersioned(c *gin.Context, page string, data any) {
	lang := langOf(c)
	// The address counts: the language menu links back to it.
	tag, err := h.contentTag(page, lang, c.Request.URL.RequestURI(), data)
	if err != nil {
		h.fail(c, err)
		return
	}
	if notModified(c, tag, revalidate) {
		return
	}
	if kept, ok := h.renderings.get(tag); ok {
		writeHTML(c.Writer, http.StatusOK, kept.htmlLang, kept.body)
		return
	}
	body, htmlLang, err := h.renderBytes(c.Request, lang, nil, page, data)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.renderings.put(tag, rendering{body: body, htmlLang: htmlLang})
	writeHTML(c.Writer, http.StatusOK, htmlLang, body)
}

// languageLink is one entry of the language menu, named in its own
// language.
type languageLink struct {
	Name, HTMLLang, Dir, URL string
	Current                  bool
}

// languageLinks are the languages a reader may switch to: on staff pages
// the full ones (the one shown is current), elsewhere the citizens'
// languages too (the one chosen is current).
func (h *Handler) languageLinks(r *http.Request, current, shown string, staff bool) []languageLink {
	langs := i18n.All()
	if staff {
		langs, current = i18n.Languages, shown
	}
	links := make([]languageLink, 0, len(langs))
	for _, l := range langs {
		links = append(links, languageLink{Name: h.Catalog.Message(l, "language.name"), HTMLLang: i18n.HTMLLang(l),
			Dir: i18n.Direction(l), URL: switchURL(r, l), Current: l == current})
	}
	return links
}

// staffIfAny is the logged-in staff member of a staff page, or nil.
func staffIfAny(c *gin.Context) *staffContext {
	if s, ok := c.Get(staffKey); ok {
		staff := s.(staffContext)
		return &staff
	}
	return nil
}

// switchURL is the current URL with ?lang= set, for the language switch.
// A request path that is no plain local path ("//evil.example", shown on
// the 404 page) would make the link lead to another host: it switches on
// the start page instead.
func switchURL(r *http.Request, lang string) string {
	u := r.URL
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// A page rendered for a form post (a refused card) has no address
		// of its own to switch on: the page the form was sent from has.
		u = &url.URL{Path: "/"}
		if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
			u = &url.URL{Path: ref.Path, RawQuery: ref.RawQuery}
		}
	}
	q := u.Query()
	q.Set("lang", lang)
	// The path as it was sent (escaped): a "%3F" in it stays part of the
	// path instead of starting a query.
	p := u.EscapedPath()
	if !localPath(p) {
		p = "/"
	}
	return p + "?" + q.Encode()
}

var monthNames = map[string][]string{
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"tr": {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"},
	"ar": {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
}

var weekdayNames = map[string][]string{
	"de": {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
	"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	"tr": {"Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"},
	"ar": {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
}

// calendarLang is the language whose calendar words lang uses: Leichte
// Sprache writes dates as German does.
func calendarLang(lang string) string {
	if lang == "ls" {
		return "de"
	}
	return lang
}

func formatDate(lang string, t time.Time) string {
	cal := calendarLang(lang)
	month := monthNames[cal][t.Month()-1]
	if cal == "de" {
		return fmt.Sprintf("%d. %s %d", t.Day(), month, t.Year())
	}
	return i18n.Digits(lang, fmt.Sprintf("%d %s %d", t.Day(), month, t.Year()))
}

// templateFuncs are the helpers of the templates in one language; times
// are shown in the installation's time zone loc.
func templateFuncs(lang string, catalog *i18n.Catalog, routes paths, static *assets, loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"path":  routes.Path,
		"asset": static.url,
		"t":     func(key string, args ...any) string { return catalog.Message(lang, key, args...) },
		// tn picks key.one or key.other by n and formats n into it.
		"tn": func(key string, n int) string { return catalog.Plural(lang, key, n) },
		// kind words a contribution's kind; a kind a workshop's phase
		// named itself has no entry and is shown as it was typed.
		"kind": func(k string) string { return wordOr(catalog, lang, "kind."+k, k) },
		"date": func(t time.Time) string { return formatDate(lang, onTownDay(t, loc)) },
		"dateTime": func(t time.Time) string {
			return formatDate(lang, t.In(loc)) + ", " + i18n.Digits(lang, t.In(loc).Format("15:04"))
		},
		// auditAction, auditObject and auditDetail word an audit entry
		// (domain.AuditActions …); what the catalog does not know (an
		// entry older than its key) is shown as it was written.
		"auditAction": func(action string) string { return wordOr(catalog, lang, "audit.action."+action, action) },
		"auditObject": func(e domain.AuditEntry) string {
			return strings.TrimSpace(wordOr(catalog, lang, "audit.object."+e.ObjectType, e.ObjectType) + " " + e.ObjectID)
		},
		"auditDetail": func(e domain.AuditEntry) string {
			if prefix, ok := domain.AuditDetailPrefixes[e.Action]; ok {
				return wordOr(catalog, lang, prefix+e.Detail, e.Detail)
			}
			return e.Detail
		},
		"hiddenReason": func(reason string) string {
			if reason == domain.HiddenReported {
				return catalog.Message(lang, "hidden.reported")
			}
			return reason
		},
		"isoDate":       func(t time.Time) string { return onTownDay(t, loc).Format(time.DateOnly) },
		"milestoneDate": func(m domain.Milestone) string { return milestoneDate(lang, m, loc) },
		"workshopDay":   func(d domain.WorkshopDay) string { return dayWithHours(lang, d.Day, d.Starts, d.Ends) },
		"paragraphs":    paragraphs,
		// fieldTone picks one of six colour classes: a strict CSP forbids
		// inline style attributes, so colours live in app.css.
		"fieldTone": func(position int) int { return (position-1)%6 + 1 },
		"clock":     func(seconds int) string { return i18n.Digits(lang, fmt.Sprintf("%d:%02d", seconds/60, seconds%60)) },
		"deref":     derefID,
		"add":       func(a, b int) int { return a + b },
		"list":      func(items ...string) []string { return items },
		// sep parts a line of facts ("field · date · by").
		"sep": func() string { return i18n.FactSeparator(lang) },
		// list2 passes two values to a template ("occurrence": the
		// occurrence and whether authors show).
		"list2": func(a, b any) []any { return []any{a, b} },
		// Chart geometry helpers (floats from package chart).
		"add1":    func(a, b float64) float64 { return a + b },
		"sub":     func(a, b float64) float64 { return a - b },
		"last":    func(points []chart.Point) chart.Point { return points[len(points)-1] },
		"pageURL": pageURL,
		// summary is a text's start for a meta description: at most 155
		// characters, cut at a word.
		"summary": func(s string) string { return domain.CutAtWord(strings.Join(strings.Fields(s), " "), 155) },
	}
}

// milestoneDate is a Fahrplan entry's date as precise as it is known: a
// day with its weekday ("Samstag, 19. Juli 2014") and, for a workshop
// with hours, its time in the town ("10:00–16:00 Uhr"); a month; or
// nothing.
func milestoneDate(lang string, m domain.Milestone, loc *time.Location) string {
	if m.OccursOn == nil {
		return ""
	}
	switch m.DatePrecision {
	case domain.PrecisionDay:
		if m.Starts == nil || m.Ends == nil {
			return dayWithHours(lang, *m.OccursOn, "", "")
		}
		return dayWithHours(lang, *m.OccursOn, m.Starts.In(loc).Format("15:04"), m.Ends.In(loc).Format("15:04"))
	case domain.PrecisionMonth:
		return monthNames[calendarLang(lang)][m.OccursOn.Month()-1] + " " + i18n.Digits(lang, fmt.Sprint(m.OccursOn.Year()))
	}
	return ""
}

// dayWithHours is a calendar day with its weekday and, when both are
// known, its hours ("Montag, 28. Juli 2014, 18:30–21:30 Uhr").
func dayWithHours(lang string, day time.Time, starts, ends string) string {
	comma := i18n.Comma(lang)
	out := weekdayNames[calendarLang(lang)][day.Weekday()] + comma + formatDate(lang, day)
	if starts == "" || ends == "" {
		return out
	}
	out += comma + i18n.Digits(lang, starts+"–"+ends)
	if calendarLang(lang) == "de" {
		out += " Uhr"
	}
	return out
}

// paragraphs splits a text at its blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pageURL is a list's URL for another page, with its filters.
func pageURL(base string, q url.Values, page int) string {
	v := url.Values{}
	for k, vals := range q {
		v[k] = vals
	}
	v.Set("seite", fmt.Sprint(page))
	return base + "?" + v.Encode()
}

// onTownDay is the day of t in the installation's time zone. A calendar
// day (a DATE column: a milestone, a workshop day, a due date) is stored
// as midnight UTC and is that day everywhere; only a moment in time (an
// idea's submission) moves to the town's day.
func onTownDay(t time.Time, loc *time.Location) time.Time {
	u := t.UTC()
	if u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0 {
		return u
	}
	return t.In(loc)
}

// wordOr is the catalog's word for key, or fallback when it has none.
func wordOr(catalog *i18n.Catalog, lang, key, fallback string) string {
	if catalog.Has(key) {
		return catalog.Message(lang, key)
	}
	return fallback
}
