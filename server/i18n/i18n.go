// Package i18n holds the message catalog: every text the user interface
// shows, in German (the default) and English. Templates and handlers refer
// to messages by key only.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

//go:embed messages/*.json
var messageFiles embed.FS

// Languages the catalog speaks; the first is the default.
var Languages = []string{"de", "en"}

// Catalog maps language → key → message.
type Catalog struct {
	messages map[string]map[string]string
	matcher  language.Matcher
}

// Load reads the embedded catalog and checks that every language has
// exactly the same keys, so a missing translation is a start-up error.
func Load() (*Catalog, error) {
	c := &Catalog{messages: map[string]map[string]string{}}
	tags := make([]language.Tag, 0, len(Languages))
	for _, lang := range Languages {
		raw, err := messageFiles.ReadFile("messages/" + lang + ".json")
		if err != nil {
			return nil, fmt.Errorf("i18n: unable to read %s catalog: %w", lang, err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s catalog is not valid JSON: %w", lang, err)
		}
		c.messages[lang] = m
		tags = append(tags, language.Make(lang))
	}
	c.matcher = language.NewMatcher(tags)
	base := c.messages[Languages[0]]
	for _, lang := range Languages[1:] {
		if missing := diffKeys(base, c.messages[lang]); len(missing) > 0 {
			return nil, fmt.Errorf("i18n: %s catalog lacks %v", lang, missing)
		}
		if extra := diffKeys(c.messages[lang], base); len(extra) > 0 {
			return nil, fmt.Errorf("i18n: %s catalog lacks %v", Languages[0], extra)
		}
	}
	return c, nil
}

// Has reports whether key exists.
func (c *Catalog) Has(key string) bool {
	_, ok := c.messages[Languages[0]][key]
	return ok
}

// Message returns the message for key in lang, formatted with args. An
// unknown key returns the key itself, which tests catch.
func (c *Catalog) Message(lang, key string, args ...any) string {
	msg, ok := c.messages[lang][key]
	if !ok {
		msg, ok = c.messages[Languages[0]][key]
	}
	if !ok {
		return key
	}
	if len(args) == 0 {
		return msg
	}
	if inner, ok := innerQuotes[lang]; ok && strings.Contains(msg, outerQuotes[lang]) {
		// A title quoted in a message that has quotes of its own gets the
		// inner ones: „Werkstatt ‚Ingersheim 2030‘ abschließen?“.
		args = append([]any(nil), args...)
		for i, a := range args {
			if s, isText := a.(string); isText {
				args[i] = inner.Replace(s)
			}
		}
	}
	return fmt.Sprintf(msg, args...)
}

// outerQuotes are how a message quotes a value, per language; innerQuotes
// turn the value's own quotes into the ones used inside.
var (
	outerQuotes = map[string]string{"de": "„%s“", "en": "“%s”"}
	innerQuotes = map[string]*strings.Replacer{
		"de": strings.NewReplacer("„", "‚", "“", "‘"),
		"en": strings.NewReplacer("“", "‘", "”", "’"),
	}
)

// Plural picks key.one or key.other by n and formats n into it (German
// and English need no more forms for counts of things). A key may also
// have a key.zero, said without the number ("alle Punkte vergeben").
func (c *Catalog) Plural(lang, key string, n int) string {
	if n == 0 && c.Has(key+".zero") {
		return c.Message(lang, key+".zero")
	}
	if n == 1 {
		return c.Message(lang, key+".one", n)
	}
	return c.Message(lang, key+".other", n)
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
	for _, l := range Languages {
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
	return Languages[index]
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
