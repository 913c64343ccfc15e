package domain_test

import (
	"strings"
	"testing"

	"zukunftswerk/server/domain"
)

func anyField(int64) bool { return true }

func TestIdeaDraftValidate(t *testing.T) {
	valid := domain.IdeaDraft{ActionFieldID: 1, Title: "Backhaustag", PrivacyAccepted: true}
	tests := []struct {
		name   string
		change func(*domain.IdeaDraft)
		want   []string // field:key
	}{
		{"valid", func(d *domain.IdeaDraft) {}, nil},
		{"missing title", func(d *domain.IdeaDraft) { d.Title = "   " }, []string{"title:idea.error.title_missing"}},
		{"title of exactly 120 characters with umlauts", func(d *domain.IdeaDraft) { d.Title = strings.Repeat("ä", 120) }, nil},
		{"title of 121 characters", func(d *domain.IdeaDraft) { d.Title = strings.Repeat("a", 121) }, []string{"title:idea.error.title_too_long"}},
		{"10 KB title", func(d *domain.IdeaDraft) { d.Title = strings.Repeat("x", 10240) }, []string{"title:idea.error.title_too_long"}},
		{"invalid UTF-8 title", func(d *domain.IdeaDraft) { d.Title = "Back\xffhaus" }, []string{"title:error.invalid_characters"}},
		{"NUL in body", func(d *domain.IdeaDraft) { d.Body = "a\x00b" }, []string{"body:error.invalid_characters"}},
		{"escape sequence in pseudonym", func(d *domain.IdeaDraft) { d.Pseudonym = "\x1b[31mrot" }, []string{"pseudonym:error.invalid_characters"}},
		{"newline in title", func(d *domain.IdeaDraft) { d.Title = "zwei\nZeilen" }, []string{"title:error.invalid_characters"}},
		{"newlines in body are fine", func(d *domain.IdeaDraft) { d.Body = "eins\n\nzwei\tdrei" }, nil},
		{"emoji and RTL text", func(d *domain.IdeaDraft) { d.Title = "🍞 خبز معًا \u200f"; d.Body = "שלום 👋" }, nil},
		{"body of 2001 characters", func(d *domain.IdeaDraft) { d.Body = strings.Repeat("ß", 2001) }, []string{"body:idea.error.body_too_long"}},
		{"pseudonym of 41 characters", func(d *domain.IdeaDraft) { d.Pseudonym = strings.Repeat("p", 41) }, []string{"pseudonym:idea.error.pseudonym_too_long"}},
		{"no privacy consent", func(d *domain.IdeaDraft) { d.PrivacyAccepted = false }, []string{"privacy:idea.error.privacy_missing"}},
		{"no field", func(d *domain.IdeaDraft) { d.ActionFieldID = 0 }, []string{"action_field:idea.error.field_missing"}},
		{"everything wrong", func(d *domain.IdeaDraft) { *d = domain.IdeaDraft{} },
			[]string{"action_field:idea.error.field_missing", "title:idea.error.title_missing", "privacy:idea.error.privacy_missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := valid
			tt.change(&d)
			var got []string
			for _, p := range d.Normalize().Validate(anyField) {
				got = append(got, p.Field+":"+p.MessageKey)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("problems = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestIdeaDraftValidateUnknownField(t *testing.T) {
	d := domain.IdeaDraft{ActionFieldID: 7, Title: "x", PrivacyAccepted: true}
	problems := d.Validate(func(id int64) bool { return id == 1 })
	if len(problems) != 1 || problems[0].Field != "action_field" {
		t.Fatalf("problems = %v, want one for action_field", problems)
	}
}

func TestNormalizeComposesUmlauts(t *testing.T) {
	decomposed := "Ba\u0308cker" // a + combining diaeresis
	d := domain.IdeaDraft{Title: "  " + decomposed + "  "}.Normalize()
	if d.Title != "Bäcker" {
		t.Fatalf("Title = %q, want NFC %q", d.Title, "Bäcker")
	}
}

// A bidi override left open would turn around what follows the text on
// the screen; Arabic and Hebrew need none, their marks stay.
func TestNormalizeDropsBidiOverrides(t *testing.T) {
	d := domain.IdeaDraft{Title: "Bank\u202E am Neckar", Body: "\u202Dzwei\u202C Zeilen\r\nمرحبا\u200F"}.Normalize()
	if d.Title != "Bank am Neckar" || d.Body != "zwei Zeilen\nمرحبا\u200F" {
		t.Errorf("after Normalize: %q / %q", d.Title, d.Body)
	}
	if got := domain.NormalizeCardText("\u202EBackhaus\u202B"); got != "Backhaus" {
		t.Errorf("card text: %q", got)
	}
	// Names and titles, which are not normalised, refuse them.
	for _, s := range []string{"\u202EMOD :tierfreiG", "Gruppe\u202D"} {
		if domain.ValidateText(s, 80) != "error.invalid_characters" || domain.ValidateLongText(s, 80) != "error.invalid_characters" {
			t.Errorf("%q is accepted", s)
		}
	}
	if domain.ValidateText("مرحبا\u200F \u2067x\u2069", 80) != "" {
		t.Error("a right-to-left mark or an isolate is refused")
	}
}

func TestSearchTerms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Straße", "strasse"},
		{"BÄCKER öffnung", "baecker oeffnung"},
		{`"Back*" OR NEAR(x) -y`, "back or near x y"},
		{"'; DROP TABLE contribution; --", "drop table contribution"},
		{"invalid \xff", ""},
		{"a b c d e f g h i j", "a b c d e f g h"},
	}
	for _, tt := range tests {
		if got := strings.Join(domain.SearchTerms(tt.in), " "); got != tt.want {
			t.Errorf("SearchTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A cluster's name becomes the card's theme on the board; one too long
// for a theme is cut at a word.
func TestThemeOfCluster(t *testing.T) {
	if got := domain.ThemeOfCluster(" Begegnung "); got != "Begegnung" {
		t.Errorf("short name: %q", got)
	}
	long := "Treffpunkte für Jung und Alt im Ortskern mit Café, Beratung und Mittagstisch"
	got := domain.ThemeOfCluster(long)
	if n := len([]rune(got)); n > domain.MaxTheme || !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("long name: %q (%d characters)", got, n)
	}
}

// A text of nothing but invisible characters is empty.
func TestInvisibleTextIsEmpty(t *testing.T) {
	if key := domain.ValidateCardText(domain.NormalizeCardText("\u200b\ufeff ")); key != "workshop.error.card_empty" {
		t.Errorf("a card of a zero-width space: %q", key)
	}
	if key := domain.ValidateText("\u200b", 80); key != "admin.error.text_missing" {
		t.Errorf("a title of a zero-width space: %q", key)
	}
}
