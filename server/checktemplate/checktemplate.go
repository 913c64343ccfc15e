// Package checktemplate reads check templates of the Bilanzwerkstatt's
// stock-taking check from their JSON form and holds the standard template
// every installation ships with (standard.json, written for the five
// action fields of the programme).
package checktemplate

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

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
