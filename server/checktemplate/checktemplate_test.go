package checktemplate_test

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"zukunftswerk/server/checktemplate"
)

// TestStandardIsValidAndRoundTrips: the shipped template parses, and its
// CSV form reads back to the same fields and items.
func TestStandardIsValidAndRoundTrips(t *testing.T) {
	std, err := checktemplate.Standard()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range std.Fields {
		if len(f.Items) < 8 || len(f.Items) > 15 {
			t.Errorf("field %d has %d items, want 8–15", f.Position, len(f.Items))
		}
		n += len(f.Items)
	}
	if len(std.Fields) != 5 || n != 51 {
		t.Errorf("%d fields, %d items", len(std.Fields), n)
	}
	var csv strings.Builder
	for _, row := range checktemplate.Rows(std) {
		for i, cell := range row {
			if i > 0 {
				csv.WriteString(",")
			}
			csv.WriteString(`"` + strings.ReplaceAll(cell, `"`, `""`) + `"`)
		}
		csv.WriteString("\r\n")
	}
	back, problems := checktemplate.ParseCSV([]byte(csv.String()), "kopie", "Kopie")
	if problems != nil {
		t.Fatalf("the standard's CSV does not read back: %v", problems)
	}
	if !reflect.DeepEqual(back.Fields, std.Fields) {
		t.Error("the standard's CSV reads back to other fields or items")
	}
}

// TestParseCSVReadsWhatSpreadsheetsWrite and reports every bad line.
func TestParseCSVReadsWhatSpreadsheetsWrite(t *testing.T) {
	good := "field;field_title;topic;question;hint\r\n1;Wohnen;Bestand;Gibt es Leerstand im Ortskern?;\r\n1;Wohnen;Neubau;Gibt es Bauplätze für junge Familien?;Auch Baulücken.\r\n2;Mobilität;Bus;Fährt ein Bus nach 20 Uhr?;\r\n"
	latin1, _ := charmap.Windows1252.NewEncoder().String(good)
	for name, data := range map[string]string{
		"semicolons from German Excel": good,
		"with a byte order mark":       "\uFEFF" + good,
		"commas":                       strings.ReplaceAll(good, ";", ","),
		"Windows-1252":                 latin1,
		"header in capitals":           strings.Replace(good, "field;field_title", "Field;FIELD_TITLE", 1),
	} {
		in, problems := checktemplate.ParseCSV([]byte(data), "eigen", "Eigene Liste")
		if problems != nil {
			t.Errorf("%s: %v", name, problems)
			continue
		}
		if len(in.Fields) != 2 || len(in.Fields[0].Items) != 2 || in.Fields[1].Items[0].Question != "Fährt ein Bus nach 20 Uhr?" || in.Fields[0].Items[1].Hint != "Auch Baulücken." {
			t.Errorf("%s: read %+v", name, in.Fields)
		}
	}
	for name, c := range map[string]struct {
		data string
		want []checktemplate.LineError
	}{
		"wrong columns":   {"feld;titel;frage\n1;Wohnen;Frage?\n", []checktemplate.LineError{{Line: 1, Key: "check.import.header"}}},
		"empty":           {"", []checktemplate.LineError{{Line: 1, Key: "check.import.header"}}},
		"only the header": {"field,field_title,topic,question,hint\n", []checktemplate.LineError{{Line: 0, Key: "check.import.empty"}}},
		"every bad line": {"field,field_title,topic,question,hint\n" +
			"eins,Wohnen,T,Frage?,\n" + // 2: no number
			"1,,T,Frage?,\n" + // 3: no field title
			"1,Wohnen,T,,\n" + // 4: no question
			"1,Wohnen,T,Frage?\n" + // 5: a column short
			"1,Wohnen,T,Gut?,\n" + // 6: fine
			"1,Wohnen anders,T,Frage?,\n" + // 7: another title for field 1
			"1,Wohnen,T,Frage\x07?,\n", // 8: a control character
			[]checktemplate.LineError{{2, "check.import.field"}, {3, "check.import.field_title"}, {4, "check.import.question"},
				{5, "check.import.columns"}, {7, "check.import.field_title_differs"}, {8, "check.import.question"}}},
		"a field left out": {"field,field_title,topic,question,hint\n1,A,T,F?,\n3,C,T,F?,\n", []checktemplate.LineError{{Line: 0, Key: "check.import.field_gap"}}},
	} {
		_, problems := checktemplate.ParseCSV([]byte(c.data), "x", "X")
		if !reflect.DeepEqual(problems, c.want) {
			t.Errorf("%s: %v, want %v", name, problems, c.want)
		}
	}
}

// TestParseRefusesABrokenJSONTemplate: unknown keys, gaps in the fields'
// numbers and empty questions are refused.
func TestParseRefusesABrokenJSONTemplate(t *testing.T) {
	for name, data := range map[string]string{
		"unknown key":   `{"slug":"eigene-liste","title":"X","fields":[{"position":1,"title":"A","items":[{"topic":"T","question":"F?"}]}],"extra":1}`,
		"gap":           `{"slug":"eigene-liste","title":"X","fields":[{"position":2,"title":"A","items":[{"topic":"T","question":"F?"}]}]}`,
		"no question":   `{"slug":"eigene-liste","title":"X","fields":[{"position":1,"title":"A","items":[{"topic":"T","question":""}]}]}`,
		"no fields":     `{"slug":"eigene-liste","title":"X","fields":[]}`,
		"bad slug":      `{"slug":"X Y","title":"X","fields":[{"position":1,"title":"A","items":[{"topic":"T","question":"F?"}]}]}`,
		"not JSON":      `field,field_title`,
		"trailing junk": `{"slug":"eigene-liste","title":"X","fields":[{"position":1,"title":"A","items":[{"topic":"T","question":"F?"}]}]} {}`,
	} {
		if _, err := checktemplate.Parse([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// The same template without its fault is read: the cases above fail
	// for their fault, not for something they share.
	if _, err := checktemplate.Parse([]byte(`{"slug":"eigene-liste","title":"X","fields":[{"position":1,"title":"A","items":[{"topic":"T","question":"F?"}]}]}`)); err != nil {
		t.Errorf("a good template: %v", err)
	}
}
