// Package i18n holds the message catalog: every text the user interface
// shows, in German (the default) and English, and the citizens' pages also
// in Leichte Sprache, Turkish and Arabic. Templates and handlers refer to
// messages by key only.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

//go:embed messages/*.json
var messageFiles embed.FS

// Languages the catalog speaks on every page; the first is the default.
var Languages = []string{"de", "en"}

// CitizenLanguages speak the citizens' pages (the process, ideas, the
// workshop phone, Meine Beiträge, privacy, accessibility): Leichte Sprache
// ("ls", which BITV 2.0 asks of public bodies), Turkish and Arabic. Their
// catalogs hold those pages' keys; any other page is shown in German.
var CitizenLanguages = []string{"ls", "tr", "ar"}

// Reviewed tells whether a speaker of the language has checked its texts;
// the accessibility page names the ones nobody has yet.
var Reviewed = map[string]bool{"de": true, "en": true, "ls": false, "tr": false, "ar": false}

// htmlLang is the language tag a page declares. Leichte Sprache has no
// tag of its own: it is German with a private-use subtag.
var htmlLang = map[string]string{"ls": "de-x-ls"}

// rightToLeft languages are written from right to left.
var rightToLeft = map[string]bool{"ar": true}

// pluralTags are the languages whose plural rules pick a count's form.
var pluralTags = map[string]language.Tag{"de": language.German, "en": language.English, "ls": language.German,
	"tr": language.Turkish, "ar": language.Arabic}

// localDigits are the digits a language writes numbers with, where they
// are not 0–9: Arabic uses the Arabic-Indic digits (CLDR "arab").
var localDigits = map[string]*strings.Replacer{
	"ar": strings.NewReplacer("0", "٠", "1", "١", "2", "٢", "3", "٣", "4", "٤", "5", "٥", "6", "٦", "7", "٧", "8", "٨", "9", "٩"),
}

// Catalog maps language → key → message.
type Catalog struct {
	messages map[string]map[string]string
	matcher  language.Matcher
	matched  []string // the languages in the matcher's order
	// fallbacks records the keys a citizens' language lacked and German
	// answered for ("tr easy.title"), so tests can find a page that mixes
	// languages.
	fallbacks sync.Map
}

// Load reads the embedded catalog and checks that every full language has
// exactly the same keys, so a missing translation is a start-up error, and
// that a citizens' language has no key German lacks.
func Load() (*Catalog, error) {
	c := &Catalog{messages: map[string]map[string]string{}}
	var tags []language.Tag
	for _, lang := range All() {
		raw, err := messageFiles.ReadFile("messages/" + lang + ".json")
		if err != nil {
			return nil, fmt.Errorf("i18n: unable to read %s catalog: %w", lang, err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s catalog is not valid JSON: %w", lang, err)
		}
		c.messages[lang] = m
		if lang != "ls" { // chosen, never negotiated: no browser asks for it
			tags = append(tags, language.Make(lang))
			c.matched = append(c.matched, lang)
		}
	}
	c.matcher = language.NewMatcher(tags)
	base := c.messages[Languages[0]]
	for _, lang := range All()[1:] {
		if extra := c.unknownKeys(c.messages[lang]); len(extra) > 0 {
			return nil, fmt.Errorf("i18n: %s catalog lacks %v", Languages[0], extra)
		}
		if !Complete(lang) {
			continue
		}
		if missing := diffKeys(base, c.messages[lang]); len(missing) > 0 {
			return nil, fmt.Errorf("i18n: %s catalog lacks %v", lang, missing)
		}
	}
	return c, nil
}

// unknownKeys are the keys of m that German does not have, except the
// plural forms other languages need (Arabic's .two, .few, .many) of a
// count German words with .one and .other.
func (c *Catalog) unknownKeys(m map[string]string) []string {
	base := c.messages[Languages[0]]
	var unknown []string
	for k := range m {
		if _, ok := base[k]; ok {
			continue
		}
		if i := strings.LastIndex(k, "."); i > 0 {
			switch k[i+1:] {
			case "two", "few", "many", "zero":
				if _, ok := base[k[:i]+".other"]; ok {
					continue
				}
			}
		}
		unknown = append(unknown, k)
	}
	sort.Strings(unknown)
	return unknown
}

// all is every language, the full ones first (built once: Supported runs
// on every request).
var all = append(append([]string(nil), Languages...), CitizenLanguages...)

// All lists every language, the full ones first. Callers must not change it.
func All() []string { return all }

// Complete reports whether lang speaks every page (not only the citizens').
func Complete(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// HTMLLang is the tag a page in lang declares in its lang attribute.
func HTMLLang(lang string) string {
	if tag, ok := htmlLang[lang]; ok {
		return tag
	}
	return lang
}

// Direction is "rtl" for a language written from right to left, else "ltr".
func Direction(lang string) string {
	if rightToLeft[lang] {
		return "rtl"
	}
	return "ltr"
}

// Punctuation that differs by language: Arabic writes "،" for a comma,
// and a middle dot next to Arabic-Indic digits reads as a zero (٠), so
// its lines of facts part with a bullet.
var (
	commas         = map[string]string{"ar": "، "}
	factSeparators = map[string]string{"ar": " • "}
)

// Comma is the language's comma between the items of a list or a date.
func Comma(lang string) string {
	if c, ok := commas[lang]; ok {
		return c
	}
	return ", "
}

// FactSeparator parts a line of facts ("field · date · by").
func FactSeparator(lang string) string {
	if s, ok := factSeparators[lang]; ok {
		return s
	}
	return " · "
}

// Digits writes the digits of s (a time, a count) the way lang does.
func Digits(lang, s string) string {
	if r, ok := localDigits[lang]; ok {
		return r.Replace(s)
	}
	return s
}

// Fallbacks lists the keys a citizens' language lacked so far, each as
// "lang key", sorted.
func (c *Catalog) Fallbacks() []string {
	var out []string
	c.fallbacks.Range(func(k, _ any) bool {
		out = append(out, k.(string))
		return true
	})
	sort.Strings(out)
	return out
}

// Has reports whether key exists.
func (c *Catalog) Has(key string) bool {
	_, ok := c.messages[Languages[0]][key]
	return ok
}

// Message returns the message for key in lang, formatted with args. A key
// a citizens' language lacks is said in German; an unknown key returns the
// key itself, which tests catch.
func (c *Catalog) Message(lang, key string, args ...any) string {
	msg, ok := c.messages[lang][key]
	if !ok {
		msg, ok = c.messages[Languages[0]][key]
		if ok && !Complete(lang) && Supported(lang) && !strings.HasPrefix(key, "easy.") {
			// The page in Leichte Sprache (easy.*) is German's own.
			c.fallbacks.LoadOrStore(lang+" "+key, true)
		}
	}
	if !ok {
		return key
	}
	if len(args) == 0 {
		return msg
	}
	inner, quotes := innerQuotes[lang]
	quotes = quotes && strings.Contains(msg, outerQuotes[lang])
	_, digits := localDigits[lang]
	if quotes || digits {
		args = append([]any(nil), args...)
		for i, a := range args {
			switch v := a.(type) {
			case string:
				// A title quoted in a message that has quotes of its own
				// gets the inner ones: „Werkstatt ‚Ingersheim 2030‘
				// abschließen?“.
				if quotes {
					args[i] = inner.Replace(v)
				}
			case int:
				if digits {
					args[i] = localNumber{lang, v}
				}
			}
		}
	}
	return fmt.Sprintf(msg, args...)
}

// localNumber prints a count with the language's digits for %d.
type localNumber struct {
	lang string
	n    int
}

func (l localNumber) Format(f fmt.State, verb rune) {
	_, _ = f.Write([]byte(Digits(l.lang, strconv.Itoa(l.n))))
}

// outerQuotes are how a message quotes a value, per language; innerQuotes
// turn the value's own quotes into the ones used inside.
var (
	outerQuotes = map[string]string{"de": "„%s“", "en": "“%s”", "ls": "„%s“", "tr": "“%s”", "ar": "«%s»"}
	innerQuotes = map[string]*strings.Replacer{
		"de": strings.NewReplacer("„", "‚", "“", "‘"),
		"en": strings.NewReplacer("“", "‘", "”", "’"),
		"ls": strings.NewReplacer("„", "‚", "“", "‘"),
		"tr": strings.NewReplacer("“", "‘", "”", "’"),
		"ar": strings.NewReplacer("«", "‹", "»", "›"),
	}
)

// Plural picks the form of key for the count n by the language's plural
// rules (CLDR, from x/text): key.one and key.other, and Arabic's key.two,
// key.few and key.many; a form the catalog lacks is said with key.other.
// A key may also have a key.zero, said without the number ("alle Punkte
// vergeben").
func (c *Catalog) Plural(lang, key string, n int) string {
	if _, own := c.messages[lang][key+".zero"]; n == 0 && (own || c.Has(key+".zero")) {
		return c.Message(lang, key+".zero")
	}
	form := "other"
	switch plural.Cardinal.MatchPlural(pluralTags[lang], n, 0, 0, 0, 0) {
	case plural.One:
		form = "one"
	case plural.Two:
		form = "two"
	case plural.Few:
		form = "few"
	case plural.Many:
		form = "many"
	}
	msg, ok := c.messages[lang][key+"."+form]
	if !ok && form != "one" {
		form = "other"
	}
	if ok && !strings.Contains(msg, "%") {
		return msg // a form said without the number: Arabic's "فكرتان", two ideas
	}
	return c.Message(lang, key+"."+form, n)
}

// Keys lists all keys, sorted.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.messages[Languages[0]]))
	for k := range c.messages[Languages[0]] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Supported reports whether lang is one of the catalog's languages.
func Supported(lang string) bool {
	for _, l := range all {
		if l == lang {
			return true
		}
	}
	return false
}

// Negotiate picks the language for a request: an explicit choice (query
// parameter or cookie, passed as chosen) wins, then the browser's
// Accept-Language, then German.
func (c *Catalog) Negotiate(chosen string, r *http.Request) string {
	if Supported(chosen) {
		return chosen
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return Languages[0]
	}
	_, index, confidence := c.matcher.Match(tags...)
	if confidence == language.No {
		return Languages[0]
	}
	return c.matched[index]
}

func diffKeys(a, b map[string]string) []string {
	var missing []string
	for k := range a {
		if _, ok := b[k]; !ok {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	return missing
}
