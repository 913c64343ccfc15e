package i18n_test

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zukunftswerk"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
)

func TestCatalogsAreComplete(t *testing.T) {
	c, err := i18n.Load() // fails when a language lacks a key
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range c.Keys() {
		for _, lang := range i18n.Languages {
			if strings.TrimSpace(c.Message(lang, key)) == "" {
				t.Errorf("%s: %s is empty", lang, key)
			}
		}
	}
}

// Every key that templates and Go code use must exist, so no raw key ever
// reaches a citizen's screen.
func TestEveryUsedKeyExists(t *testing.T) {
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	templateKey := regexp.MustCompile(`\{\{-?\s*(?:t|tn)\s+"([a-z0-9_.]+)"`)
	templateKeyInPipe := regexp.MustCompile(`\((?:t|tn)\s+"([a-z0-9_.]+)"`)
	err = fs.WalkDir(zukunftswerk.Templates(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(zukunftswerk.Templates(), path)
		if err != nil {
			return err
		}
		for _, re := range []*regexp.Regexp{templateKey, templateKeyInPipe} {
			for _, m := range re.FindAllStringSubmatch(string(raw), -1) {
				key := m[1]
				if strings.Contains(string(raw), `tn "`+key+`"`) {
					used[key+".one"], used[key+".other"] = path, path
					continue
				}
				used[key] = path
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	goKey := regexp.MustCompile(`"((?:error|idea|ideas|form|my|privacy|a11y|report|curation|concept|trail|pdf|dashboard|review|fahrplan|feed|ical|implementation|occurrence|workshop|paper|doc|wall)\.[a-z_.]+[a-z])"`)
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range goKey.FindAllStringSubmatch(string(raw), -1) {
			used[m[1]] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 50 {
		t.Fatalf("found only %d used keys; the scan is broken", len(used))
	}
	for key, where := range used {
		plural := c.Has(key+".one") && c.Has(key+".other") // Plural(key)
		if !c.Has(key) && !plural {
			t.Errorf("%s uses %q, which the catalog lacks", where, key)
		}
	}
}

// Counts take their form: one, other, and a zero form said without the
// number where the catalog has one.
func TestPlural(t *testing.T) {
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "Sie haben alle Ihre Punkte vergeben."}, {1, "Sie haben noch 1 Punkt."}, {3, "Sie haben noch 3 Punkte."}} {
		if got := c.Plural("de", "workshop.dots_left", tt.n); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Plural(%d) = %q, want %q…", tt.n, got, tt.want)
		}
	}
	if got := c.Plural("de", "workshop.cards", 0); got != "0 Karten" {
		t.Errorf("a count without a zero form: %q", got)
	}
}

func TestNegotiate(t *testing.T) {
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ chosen, accept, want string }{
		{"", "", "de"},
		{"", "en-US,en;q=0.9", "en"},
		{"", "de-AT", "de"},
		{"", "fr, en;q=0.5", "en"},
		{"", "tr", "tr"},
		{"", "ar-SY,ar;q=0.9", "ar"},
		{"", "fr", "de"},
		{"ls", "en", "ls"}, // chosen: no browser asks for Leichte Sprache
		{"", "garbage;;;q=x", "de"},
		{"de", "en", "de"},
		{"xx", "en", "en"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", tt.accept)
		if got := c.Negotiate(tt.chosen, r); got != tt.want {
			t.Errorf("Negotiate(%q, %q) = %q, want %q", tt.chosen, tt.accept, got, tt.want)
		}
	}
}

// Keys built at run time from domain values must exist for every value.
func TestDynamicKeysExist(t *testing.T) {
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"status." + domain.StatusSubmitted, "status." + domain.StatusMerged, "hidden." + domain.HiddenReported,
		"measure.status." + domain.MeasurePlanned, "origin.online", "origin.workshop"}
	for _, a := range domain.AuditActions {
		keys = append(keys, "audit.action."+a)
	}
	for _, o := range domain.AuditObjectTypes {
		keys = append(keys, "audit.object."+o)
	}
	for _, r := range domain.Roles {
		keys = append(keys, "role."+string(r))
	}
	keys = append(keys, "audit.purpose.invite", "audit.purpose.reset")
	for _, s := range domain.Decisions {
		keys = append(keys, "status."+s)
	}
	for _, s := range domain.ConceptStatuses {
		keys = append(keys, "concept.status."+s, "concept.to."+s)
	}
	for _, r := range domain.CouncilResults {
		keys = append(keys, "concept.result."+r)
	}
	for _, v := range domain.MeasureTimings {
		keys = append(keys, "measure.timing."+v)
	}
	for _, v := range domain.MeasurePriorities {
		keys = append(keys, "measure.priority."+v)
	}
	for _, v := range domain.MeasureRecurrences {
		keys = append(keys, "measure.recurrence."+v)
	}
	for _, v := range []string{"added", "removed", "changed"} {
		keys = append(keys, "concept.change."+v)
	}
	for _, v := range []string{"leitbild", "challenges", "objective", "measure"} {
		keys = append(keys, "concept.what."+v)
	}
	for _, v := range domain.MeasureStatuses {
		keys = append(keys, "measure.status."+v)
	}
	for _, v := range domain.Recommendations {
		keys = append(keys, "review.recommendation."+v)
	}
	for _, v := range []string{"workshop", "decision"} {
		keys = append(keys, "fahrplan.kind."+v)
	}
	for _, v := range []string{"reported_on", "status", "text", "indicator_value", "progress", "new_date", "occurred_on", "note", "attendance"} {
		keys = append(keys, "report.field."+v)
	}
	for _, v := range []string{"held_on", "title", "notes", "rating"} {
		keys = append(keys, "review.field."+v)
	}
	for _, v := range []string{"pending", "sent", "failed", "off", "no_address"} {
		keys = append(keys, "notification.delivery."+v)
	}
	// Field names of validation problems on the concept forms.
	for _, v := range []string{"title", "description", "target_group", "lead", "partners", "timing", "due_on", "cost_estimate",
		"funding", "priority", "indicator", "recurrence", "decided_on", "body", "agenda_item", "result", "amendments"} {
		keys = append(keys, "concept.field."+v)
	}
	for _, r := range domain.ReportReasons {
		keys = append(keys, "report.reason."+r)
	}
	for _, k := range keys {
		if !c.Has(k) {
			t.Errorf("catalog lacks %q", k)
		}
	}
}

// A title with quotes of its own, quoted by a message, gets the inner
// quotes of the language.
func TestNestedQuotes(t *testing.T) {
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Message("de", "workshop.close_confirm.title", "Zukunftswerkstatt „Ingersheim 2030“"); got != "„Zukunftswerkstatt ‚Ingersheim 2030‘“ abschließen?" {
		t.Errorf("German: %q", got)
	}
	if got := c.Message("en", "workshop.delete_confirm.title", "Workshop “2030”"); got != "Delete “Workshop ‘2030’”?" {
		t.Errorf("English: %q", got)
	}
	if got := c.Message("de", "workshop.error.title"); strings.Contains(got, "‚") {
		t.Errorf("a message without a quoted value changed: %q", got)
	}
}

// A citizens' language speaks its own plurals and digits, quotes its own
// way, and says in German what it lacks — which the catalog records.
func TestCitizensLanguages(t *testing.T) {
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{1: "فكرة واحدة", 2: "فكرتان", 3: "٣ أفكار", 11: "١١ فكرة", 100: "١٠٠ فكرة"} {
		if got := c.Plural("ar", "ideas.count", n); got != want {
			t.Errorf("ar ideas.count %d = %q, want %q", n, got, want)
		}
	}
	if got := c.Plural("tr", "ideas.count", 2); got != "2 fikir" {
		t.Errorf("tr ideas.count 2 = %q", got)
	}
	if got := c.Message("ar", "trail.group", "Jung & Alt"); got != "مجموعة «Jung & Alt»" {
		t.Errorf("ar quote: %q", got)
	}
	if got := c.Message("ls", "concept.title"); got != "Plan für die Zukunft" {
		t.Errorf("ls concept.title = %q", got)
	}
	if got := c.Message("tr", "curation.title"); got != c.Message("de", "curation.title") {
		t.Errorf("tr lacks curation.title and should say it in German, said %q", got)
	}
	found := false
	for _, f := range c.Fallbacks() {
		found = found || f == "tr curation.title"
	}
	if !found {
		t.Errorf("the fallback to German is not recorded: %v", c.Fallbacks())
	}
	if i18n.Direction("ar") != "rtl" || i18n.Direction("tr") != "ltr" || i18n.HTMLLang("ls") != "de-x-ls" || i18n.Complete("ar") || !i18n.Complete("en") {
		t.Error("direction, tag or completeness wrong")
	}
}
