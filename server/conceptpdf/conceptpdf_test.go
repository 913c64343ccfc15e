package conceptpdf_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"zukunftswerk/server/conceptpdf"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// Any text a citizen or the project group can type renders: emoji, right
// to left, long words, many measures over several pages; the contents
// point at the pages where the headings are.
func TestPDFRendersAnyTextAndNumbersItsPages(t *testing.T) {
	fields := []domain.ActionField{{ID: 1, Position: 1, Title: "Wohnen 🏠"}, {ID: 2, Position: 2, Title: "العيش معًا"}}
	c := domain.Concept{Version: domain.ConceptVersion{Number: 3, Status: domain.ConceptAdopted, Leitbild: "Ein Leitbild.\n\nZweiter Absatz."},
		Fields: fields, Challenges: map[int64]string{1: strings.Repeat("Herausforderung ", 200)}, Sources: map[int64][]domain.Contribution{}}
	id := int64(1)
	for f := 1; f <= 2; f++ {
		c.Objectives = append(c.Objectives, domain.Objective{ID: int64(f), ActionFieldID: int64(f), Position: 1, Title: fmt.Sprintf("Ziel %d", f)})
		for m := 1; m <= 12; m++ {
			c.Measures = append(c.Measures, domain.Measure{ID: id, LineageID: id, ObjectiveID: int64(f), Position: m,
				Title: fmt.Sprintf("Maßnahme Nummer %d 🍞 %s", id, strings.Repeat("Donaudampfschifffahrt", 3)), Timing: "kurzfristig",
				Priority: "hoch", Recurrence: "einmalig", Status: domain.MeasurePlanned, Lead: "Bürgermeisteramt"})
			c.Sources[id] = []domain.Contribution{{ID: id, Title: "Idee <script>", Origin: "online", SupportCount: 3}}
			id++
		}
	}
	c.Decisions = []domain.CouncilDecision{{DecidedOn: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Body: "Gemeinderat", Result: domain.ResultAdopted}}
	doc := conceptpdf.Document{Town: "Ingersheim", ProcessTitle: "Test", Concept: c, Lang: "de", Generated: time.Now(),
		T:    func(key string, args ...any) string { return fmt.Sprint(append([]any{key}, args...)...) },
		Date: func(t time.Time) string { return t.Format("2.1.2006") }}
	raw, err := conceptpdf.Bytes(doc)
	if err != nil {
		t.Fatal(err)
	}
	text := testutil.PDFText(t, raw)
	for _, want := range []string{"Maßnahme Nummer 24", "Idee <script>", "Gemeinderat", "Donaudampfschifffahrt"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if strings.Count(text, "pdf.page") < 4 {
		t.Errorf("expected several numbered pages, found %d footers", strings.Count(text, "pdf.page"))
	}
}
