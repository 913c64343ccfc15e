package web

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestSpreadsheetCSVKeepsFormulasText(t *testing.T) {
	rows := [][]string{
		{"id", "titel"},
		{"17", "Mehr Bäume;=1+1;ok"},
		{"18", "=HYPERLINK(\"x\")"},
		{"19", "Zeile 1\nZeile 2, mit \"Zitat\""},
		{"20", " führendes Leerzeichen"},
	}
	out := string(spreadsheetCSV(rows))
	if !strings.Contains(out, `"Mehr Bäume;'=1+1;ok"`) {
		t.Errorf("a cell with a semicolon is not quoted:\n%s", out)
	}
	back, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Mehr Bäume;'=1+1;ok", "'=HYPERLINK(\"x\")", "Zeile 1\nZeile 2, mit \"Zitat\"", " führendes Leerzeichen"}
	for i, w := range want {
		if back[i+1][1] != w {
			t.Errorf("row %d reads back as %q, want %q", i+1, back[i+1][1], w)
		}
	}
	// Read the way German Excel splits: at every unquoted semicolon.
	semi := csv.NewReader(strings.NewReader(out))
	semi.Comma = ';'
	semi.LazyQuotes = true
	semi.FieldsPerRecord = -1
	records, err := semi.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		for _, cell := range r {
			if c := strings.TrimLeft(cell, " \""); c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("split at semicolons, a cell starts a formula: %q", cell)
			}
		}
	}
}
