// Package checktemplate reads and writes check templates of the
// Bilanzwerkstatt's stock-taking check as JSON and CSV and holds the
// standard template every installation ships with (standard.json, written
// for the five action fields of the programme).
package checktemplate

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

//go:embed standard.json
var standard []byte

// StandardSlug names the template every installation ships with.
const StandardSlug = "zukunftswerk-standard"

// File is a check template as JSON: the shipped standard, and
// what a town imports and exports. Its fields are numbered like the
// process's action fields.
type File struct {
	Slug        string      `json:"slug"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Fields      []FieldFile `json:"fields"`
}

// FieldFile is one field of a template file.
type FieldFile struct {
	Position int        `json:"position"`
	Title    string     `json:"title"`
	Items    []ItemFile `json:"items"`
}

// ItemFile is one item of a template file.
type ItemFile struct {
	Topic    string `json:"topic"`
	Question string `json:"question"`
	Hint     string `json:"hint"`
}

// Parse reads and checks a template file: known keys only,
// fields numbered 1, 2, … without gaps, every text within its limits.
func Parse(data []byte) (store.CheckTemplateInput, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return store.CheckTemplateInput{}, fmt.Errorf("checktemplate: unreadable JSON: %w", err)
	}
	if dec.More() {
		return store.CheckTemplateInput{}, fmt.Errorf("checktemplate: more than one JSON value")
	}
	in := store.CheckTemplateInput{CheckTemplate: domain.CheckTemplate{Slug: f.Slug, Title: f.Title, Description: f.Description}}
	if domain.ValidateSlug(f.Slug) != "" || domain.ValidateText(f.Title, domain.MaxCheckTitle) != "" ||
		domain.ValidateLongText(f.Description, domain.MaxCheckHint) != "" || len(f.Fields) == 0 {
		return in, fmt.Errorf("checktemplate: %q: slug, title, description or fields invalid", f.Slug)
	}
	for i, field := range f.Fields {
		if field.Position != i+1 || domain.ValidateText(field.Title, domain.MaxCheckTitle) != "" || len(field.Items) == 0 {
			return in, fmt.Errorf("checktemplate: %q: field %d invalid", f.Slug, i+1)
		}
		fi := store.CheckFieldInput{Position: field.Position, Title: field.Title}
		for j, item := range field.Items {
			if domain.ValidateText(item.Topic, domain.MaxCheckTopic) != "" || domain.ValidateText(item.Question, domain.MaxCheckQuestion) != "" ||
				domain.ValidateLongText(item.Hint, domain.MaxCheckHint) != "" {
				return in, fmt.Errorf("checktemplate: %q: field %d, item %d invalid", f.Slug, i+1, j+1)
			}
			fi.Items = append(fi.Items, domain.CheckItem{Topic: item.Topic, Question: item.Question, Hint: item.Hint})
		}
		in.Fields = append(in.Fields, fi)
	}
	return in, nil
}

// Standard is the shipped template.
func Standard() (store.CheckTemplateInput, error) { return Parse(standard) }

// CSVColumns are the columns of a template as CSV, one row per item in
// order: the field's number and title, the item's topic, question and hint.
var CSVColumns = []string{"field", "field_title", "topic", "question", "hint"}

// LineError is a line of an imported file that cannot be read: its number
// (1 is the header) and the catalog key of the reason.
type LineError struct {
	Line int
	Key  string
}

// maxImportRows bounds a template file: the Handreichung has some 200
// questions; ten times that is not a check anyone fills in.
const maxImportRows = 2000

// ParseCSV reads a template from CSV (CSVColumns, a header line first) as
// a spreadsheet writes it: UTF-8 with or without byte order mark or
// Windows-1252, commas or the semicolons of a German Excel. Every line that
// cannot be read is reported; with any, nothing is returned to store.
func ParseCSV(data []byte, slug, title string) (store.CheckTemplateInput, []LineError) {
	in := store.CheckTemplateInput{CheckTemplate: domain.CheckTemplate{Slug: slug, Title: title}}
	text := decodeText(data)
	firstLine, _, _ := strings.Cut(text, "\n")
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	if strings.Count(firstLine, ";") > strings.Count(firstLine, ",") {
		r.Comma = ';'
	}
	var problems []LineError
	header, err := r.Read()
	if err != nil || !sameColumns(header, CSVColumns) {
		return in, []LineError{{Line: 1, Key: "check.import.header"}}
	}
	titles := map[int]string{}
	for {
		record, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			problems = append(problems, LineError{Line: line, Key: "check.import.unreadable"})
			if len(problems) > 50 {
				break
			}
			continue
		}
		if line > maxImportRows+1 {
			return in, append(problems, LineError{Line: line, Key: "check.import.too_many"})
		}
		if len(record) != len(CSVColumns) {
			problems = append(problems, LineError{Line: line, Key: "check.import.columns"})
			continue
		}
		for i := range record {
			record[i] = strings.TrimSpace(record[i])
		}
		position, err := strconv.Atoi(record[0])
		switch {
		case err != nil || position < 1 || position > 50:
			problems = append(problems, LineError{Line: line, Key: "check.import.field"})
			continue
		case domain.ValidateText(record[1], domain.MaxCheckTitle) != "":
			problems = append(problems, LineError{Line: line, Key: "check.import.field_title"})
			continue
		case titles[position] != "" && titles[position] != record[1]:
			problems = append(problems, LineError{Line: line, Key: "check.import.field_title_differs"})
			continue
		case domain.ValidateText(record[2], domain.MaxCheckTopic) != "":
			problems = append(problems, LineError{Line: line, Key: "check.import.topic"})
			continue
		case domain.ValidateText(record[3], domain.MaxCheckQuestion) != "":
			problems = append(problems, LineError{Line: line, Key: "check.import.question"})
			continue
		case domain.ValidateLongText(record[4], domain.MaxCheckHint) != "":
			problems = append(problems, LineError{Line: line, Key: "check.import.hint"})
			continue
		}
		titles[position] = record[1]
		for len(in.Fields) < position {
			in.Fields = append(in.Fields, emptyField(len(in.Fields)+1))
		}
		f := &in.Fields[position-1]
		f.Title = record[1]
		f.Items = append(f.Items, domain.CheckItem{Topic: record[2], Question: record[3], Hint: record[4]})
	}
	if len(problems) > 0 {
		return in, problems
	}
	for _, f := range in.Fields {
		if len(f.Items) == 0 {
			return in, []LineError{{Line: 0, Key: "check.import.field_gap"}}
		}
	}
	if len(in.Fields) == 0 {
		return in, []LineError{{Line: 0, Key: "check.import.empty"}}
	}
	return in, nil
}

// emptyField is a field numbered position, without title or items yet.
func emptyField(position int) store.CheckFieldInput {
	return store.CheckFieldInput{Position: position}
}

func sameColumns(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !strings.EqualFold(strings.TrimSpace(got[i]), want[i]) {
			return false
		}
	}
	return true
}

// decodeText is a file's text: without a UTF-8 byte order mark, and read
// as Windows-1252 when it is no UTF-8 (what German Excel saves as "CSV").
func decodeText(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return string(data)
	}
	decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	}
	return string(decoded)
}

// Rows are a template as CSV rows, CSVColumns first.
func Rows(in store.CheckTemplateInput) [][]string {
	rows := [][]string{CSVColumns}
	for _, f := range in.Fields {
		for _, item := range f.Items {
			rows = append(rows, []string{strconv.Itoa(f.Position), f.Title, item.Topic, item.Question, item.Hint})
		}
	}
	return rows
}

// ToFile is a template in its JSON form.
func ToFile(in store.CheckTemplateInput) File {
	f := File{Slug: in.Slug, Title: in.Title, Description: in.Description}
	for _, field := range in.Fields {
		ff := FieldFile{Position: field.Position, Title: field.Title, Items: []ItemFile{}}
		for _, item := range field.Items {
			ff.Items = append(ff.Items, ItemFile{Topic: item.Topic, Question: item.Question, Hint: item.Hint})
		}
		f.Fields = append(f.Fields, ff)
	}
	return f
}
