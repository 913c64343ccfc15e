package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// openContribution is a contribution as open data: what it says, where it
// came from and what became of it; no pseudonym, device or address.
type openContribution struct {
	ID          int64  `json:"id"`
	ActionField int    `json:"action_field"`
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Body        string `json:"body"`
	Origin      string `json:"origin"`
	Group       string `json:"group,omitempty"`
	Phase       string `json:"phase,omitempty"`
	Submitted   string `json:"submitted"`
	Status      string `json:"status"`
	Answer      string `json:"answer,omitempty"`
	Supports    int    `json:"supports"`
	Dots        int    `json:"dots"`
	MergedInto  int64  `json:"merged_into,omitempty"`
	Measures    string `json:"measures,omitempty"`
}

// openMeasure is a measure of the newest public concept version.
type openMeasure struct {
	Number       string  `json:"number"`
	ID           int64   `json:"id"`
	Version      int     `json:"version"`
	Title        string  `json:"title"`
	Description  string  `json:"description"`
	ActionField  string  `json:"action_field"`
	Objective    string  `json:"objective"`
	TargetGroup  string  `json:"target_group"`
	Lead         string  `json:"lead"`
	Partners     string  `json:"partners"`
	Timing       string  `json:"timing"`
	DueOn        string  `json:"due_on,omitempty"`
	CostEstimate string  `json:"cost_estimate"`
	Funding      string  `json:"funding"`
	Priority     string  `json:"priority"`
	Indicator    string  `json:"indicator"`
	Recurrence   string  `json:"recurrence"`
	Status       string  `json:"status"`
	Sources      []int64 `json:"source_contributions"`
}

// openDataExport serves beitraege.csv|json and massnahmen.csv|json.
func (h *Handler) openDataExport(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	name, format, _ := strings.Cut(c.Param("file"), ".")
	if (format != "csv" && format != "json") || (name != "beitraege" && name != "massnahmen") {
		h.fail(c, domain.ErrNotFound)
		return
	}
	concept, _, ok := h.publicConcept(c, pc)
	if !ok {
		return
	}
	var table openTable
	if name == "massnahmen" {
		table = measureTable(openMeasures(concept, pc))
	} else {
		all, err := h.App.OpenContributions(c.Request.Context(), pc.Process.ID)
		if err != nil {
			h.fail(c, err)
			return
		}
		table = contributionTable(all, pc, measureNumbersBySource(concept), h.Config.Location)
	}
	rows, header, records := table.rows, table.header, table.records
	filename := pc.Process.Slug + "-" + name + "." + format
	c.Header("Content-Disposition", `attachment; filename="`+filename+`"`)
	if format == "json" {
		if rows == nil {
			rows = []any{}
		}
		body, err := json.MarshalIndent(rows, "", "  ")
		if err != nil {
			h.fail(c, err)
			return
		}
		c.Data(http.StatusOK, "application/json; charset=utf-8", body)
		return
	}
	c.Data(http.StatusOK, "text/csv; charset=utf-8", spreadsheetCSV(append([][]string{header}, records...)))
}

// openTable is one open data file: its rows for JSON, and the same as
// header and records for CSV.
type openTable struct {
	rows    []any
	header  []string
	records [][]string
}

func measureTable(measures []openMeasure) openTable {
	t := openTable{header: []string{"number", "id", "version", "title", "description", "action_field", "objective", "target_group", "lead",
		"partners", "timing", "due_on", "cost_estimate", "funding", "priority", "indicator", "recurrence", "status", "source_contributions"}}
	for _, m := range measures {
		t.rows = append(t.rows, m)
		t.records = append(t.records, []string{m.Number, strconv.FormatInt(m.ID, 10), strconv.Itoa(m.Version), m.Title, m.Description,
			m.ActionField, m.Objective, m.TargetGroup, m.Lead, m.Partners, m.Timing, m.DueOn, m.CostEstimate, m.Funding,
			m.Priority, m.Indicator, m.Recurrence, m.Status, domain.JoinIDs(m.Sources, " ")})
	}
	return t
}

// contributionTable dates each contribution on its day in loc, the
// installation's time zone.
func contributionTable(all []domain.Contribution, pc processContext, numbers map[int64][]string, loc *time.Location) openTable {
	t := openTable{header: []string{"id", "action_field", "kind", "title", "body", "origin", "group", "phase", "submitted", "status",
		"answer", "supports", "dots", "merged_into", "measures"}}
	for _, x := range all {
		field, _ := pc.Field(x.ActionFieldID)
		o := openContribution{ID: x.ID, ActionField: field.Position, Kind: x.Kind, Title: x.Title, Body: x.Body, Origin: x.Origin,
			Group: x.GroupTitle, Phase: x.PhaseTitle, Submitted: onTownDay(x.CreatedAt, loc).Format(time.DateOnly), Status: x.Status,
			Answer: x.Answer, Supports: x.SupportCount, Dots: x.DotTotal, Measures: strings.Join(numbers[x.ID], " ")}
		if x.MergedIntoID != nil {
			o.MergedInto = *x.MergedIntoID
		}
		t.rows = append(t.rows, o)
		merged := ""
		if o.MergedInto != 0 {
			merged = strconv.FormatInt(o.MergedInto, 10)
		}
		t.records = append(t.records, []string{strconv.FormatInt(o.ID, 10), strconv.Itoa(o.ActionField), o.Kind, o.Title, o.Body,
			o.Origin, o.Group, o.Phase, o.Submitted, o.Status, o.Answer, strconv.Itoa(o.Supports), strconv.Itoa(o.Dots), merged, o.Measures})
	}
	return t
}

func openMeasures(concept *domain.Concept, pc processContext) []openMeasure {
	if concept == nil {
		return nil
	}
	var out []openMeasure
	for _, f := range concept.Tree() {
		for _, o := range f.Objectives {
			for _, e := range o.Measures {
				m := e.Measure
				om := openMeasure{Number: e.Number, ID: m.LineageID, Version: concept.Version.Number, Title: m.Title,
					Description: m.Description, ActionField: f.Field.Title, Objective: o.Objective.Title, TargetGroup: m.TargetGroup,
					Lead: m.Lead, Partners: m.Partners, Timing: m.Timing, CostEstimate: m.CostEstimate, Funding: m.Funding,
					Priority: m.Priority, Indicator: m.Indicator, Recurrence: m.Recurrence, Status: m.Status, Sources: []int64{}}
				if m.DueOn != nil {
					om.DueOn = m.DueOn.Format("2006-01-02")
				}
				for _, s := range e.Sources {
					om.Sources = append(om.Sources, s.ID)
				}
				out = append(out, om)
			}
		}
	}
	return out
}

func measureNumbersBySource(concept *domain.Concept) map[int64][]string {
	numbers := map[int64][]string{}
	if concept == nil {
		return numbers
	}
	for _, e := range concept.MeasureEntries() {
		for _, s := range e.Sources {
			numbers[s.ID] = append(numbers[s.ID], e.Number)
		}
	}
	return numbers
}
