package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Contribution statuses besides StatusSubmitted: the project group's
// decision (with a public answer) or a merge into another contribution.
const (
	StatusTaken    = "uebernommen"
	StatusDeferred = "zurueckgestellt"
	StatusDeclined = "abgelehnt"
	StatusMerged   = "zusammengefuehrt"
)

// Decisions the project group can take on a contribution.
var Decisions = []string{StatusSubmitted, StatusTaken, StatusDeferred, StatusDeclined}

// Curation limits, in characters.
const (
	MaxTheme          = 60
	MaxAnswer         = 1000
	MaxAssessmentNote = 500
	MaxConceptTitle   = 160
	MaxConceptText    = 4000
	MaxMeasureField   = 300
)

// Assessment is the Strategiewerkstatt's ordering of a contribution:
// importance and feasibility from 1 (low) to 3 (high), 0 = not assessed.
type Assessment struct {
	Importance  int
	Feasibility int
	Note        string
}

// Validate returns the catalog key of the assessment's problem, or "".
func (a Assessment) Validate() string {
	if a.Importance < 0 || a.Importance > 3 || a.Feasibility < 0 || a.Feasibility > 3 {
		return "error.bad_request"
	}
	return ValidateLongText(a.Note, MaxAssessmentNote)
}

// Decision is the project group's public answer on a contribution.
type Decision struct {
	Status string
	Answer string
}

// Validate returns the catalog key of the decision's problem, or "". A
// decline or deferral must say why; the citizen reads it.
func (d Decision) Validate() string {
	if d.Status == "" {
		return "curation.error.decision_missing"
	}
	if !slices.Contains(Decisions, d.Status) {
		return "error.bad_request"
	}
	if key := ValidateLongText(d.Answer, MaxAnswer); key != "" {
		return key
	}
	if (d.Status == StatusDeclined || d.Status == StatusDeferred) && len(d.Answer) == 0 {
		return "curation.error.answer_missing"
	}
	return ""
}

// Concept version statuses in workflow order.
const (
	ConceptDraft     = "entwurf"
	ConceptAgreed    = "abgestimmt"
	ConceptSubmitted = "vorgelegt"
	ConceptAdopted   = "beschlossen"
)

// ConceptStatuses lists the workflow in order.
var ConceptStatuses = []string{ConceptDraft, ConceptAgreed, ConceptSubmitted, ConceptAdopted}

// NextConceptStatus is the workflow step after status, or "" when the
// next step needs a council decision (or there is none).
func NextConceptStatus(status string) string {
	switch status {
	case ConceptDraft:
		return ConceptAgreed
	case ConceptAgreed:
		return ConceptSubmitted
	}
	return ""
}

// ConceptVersion is one version of a process's Handlungskonzept.
type ConceptVersion struct {
	ID              int64     `db:"id"`
	ProcessID       int64     `db:"process_id"`
	Number          int       `db:"number"`
	Status          string    `db:"status"`
	Leitbild        string    `db:"leitbild"`
	CreatedAt       time.Time `db:"created_at"`
	StatusChangedAt time.Time `db:"status_changed_at"`
}

// Editable says whether the version's content may change.
func (v ConceptVersion) Editable() bool { return v.Status == ConceptDraft }

// Public says whether citizens may read the version: from the moment it is
// put before the council it is a public document.
func (v ConceptVersion) Public() bool {
	return v.Status == ConceptSubmitted || v.Status == ConceptAdopted
}

// Council decision results.
const (
	ResultAdopted        = "angenommen"
	ResultAdoptedAmended = "mit_aenderungen"
	ResultDeferred       = "vertagt"
	ResultRejected       = "abgelehnt"
	MaxCouncilBody       = 120
	MaxAgendaItem        = 60
	MaxCouncilAmendments = 4000
)

// CouncilResults lists the allowed results.
var CouncilResults = []string{ResultAdopted, ResultAdoptedAmended, ResultDeferred, ResultRejected}

// CouncilDecision is the Gemeinderat's decision on a version.
type CouncilDecision struct {
	ID         int64     `db:"id"`
	VersionID  int64     `db:"version_id"`
	DecidedOn  time.Time `db:"decided_on"`
	Body       string    `db:"body"`
	AgendaItem string    `db:"agenda_item"`
	Result     string    `db:"result"`
	Amendments string    `db:"amendments"`
}

// Adopts says whether the decision adopts the version.
func (d CouncilDecision) Adopts() bool {
	return d.Result == ResultAdopted || d.Result == ResultAdoptedAmended
}

// Validate lists the decision's problems.
func (d CouncilDecision) Validate() []FieldError {
	var problems []FieldError
	add := func(field, key string) { problems = append(problems, FieldError{Field: field, MessageKey: key}) }
	if !ValidDay(d.DecidedOn) {
		add("decided_on", "admin.error.date")
	}
	if key := ValidateText(d.Body, MaxCouncilBody); key != "" {
		add("body", key)
	}
	if key := ValidateLongText(d.AgendaItem, MaxAgendaItem); key != "" {
		add("agenda_item", key)
	}
	if !slices.Contains(CouncilResults, d.Result) {
		add("result", "error.bad_request")
	}
	if key := ValidateLongText(d.Amendments, MaxCouncilAmendments); key != "" {
		add("amendments", key)
	}
	if d.Result == ResultAdoptedAmended && len(d.Amendments) == 0 {
		add("amendments", "concept.error.amendments_missing")
	}
	return problems
}

// Objective is a numbered goal within an action field.
type Objective struct {
	ID            int64  `db:"id"`
	VersionID     int64  `db:"version_id"`
	LineageID     int64  `db:"lineage_id"`
	ActionFieldID int64  `db:"action_field_id"`
	Position      int    `db:"position"`
	Title         string `db:"title"`
	Description   string `db:"description"`
}

// Measure timings, priorities and recurrences.
var (
	MeasureTimings     = []string{"kurzfristig", "mittelfristig", "langfristig", "termin"}
	MeasurePriorities  = []string{"hoch", "mittel", "niedrig"}
	MeasureRecurrences = []string{"einmalig", "monatlich", "vierteljaehrlich", "halbjaehrlich", "jaehrlich"}
)

// MeasurePlanned is a measure's status until implementation reports exist.
const MeasurePlanned = "geplant"

// Measure is one numbered measure (1.1.1) of an objective.
type Measure struct {
	ID           int64      `db:"id"`
	VersionID    int64      `db:"version_id"`
	LineageID    int64      `db:"lineage_id"`
	ObjectiveID  int64      `db:"objective_id"`
	Position     int        `db:"position"`
	Title        string     `db:"title"`
	Description  string     `db:"description"`
	TargetGroup  string     `db:"target_group"`
	Lead         string     `db:"lead"`
	Partners     string     `db:"partners"`
	Timing       string     `db:"timing"`
	DueOn        *time.Time `db:"due_on"`
	CostEstimate string     `db:"cost_estimate"`
	Funding      string     `db:"funding"`
	Priority     string     `db:"priority"`
	Indicator    string     `db:"indicator"`
	Recurrence   string     `db:"recurrence"`
	Status       string     `db:"status"`
}

// ThemeOfCluster is the curation theme a workshop card brings from its
// cluster: the moderator already sorted the hall's cards, and the project
// group finds them under that theme on its board. A cluster's name longer
// than a theme may be is cut at a word, with "…".
func ThemeOfCluster(cluster string) string {
	return CutAtWord(strings.TrimSpace(cluster), MaxTheme)
}

// CutAtWord shortens s to at most max characters: cut at the last word
// in its second half, with "…".
func CutAtWord(s string, max int) string {
	runes := []rune(s)
	if len(runes) <= max {
		return s
	}
	cut := string(runes[:max-1])
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut) + "…"
}

// ValidateConceptTitle checks the title of an objective, a measure or a
// review; the message names the limit.
func ValidateConceptTitle(s string) string {
	return lengthNamed(ValidateText(s, MaxConceptTitle), "concept.error.title_long")
}

// ValidateConceptText checks a concept's longer text (Leitbild,
// challenges, descriptions); the message names the limit.
func ValidateConceptText(s string) string {
	return lengthNamed(ValidateLongText(s, MaxConceptText), "concept.error.text_long")
}

// Recurring says whether the measure repeats (e.g. the Backhaustag).
func (m Measure) Recurring() bool { return m.Recurrence != "" && m.Recurrence != "einmalig" }

// Validate lists the measure's problems.
func (m Measure) Validate() []FieldError {
	var problems []FieldError
	add := func(field, key string) { problems = append(problems, FieldError{Field: field, MessageKey: key}) }
	if key := ValidateConceptTitle(m.Title); key != "" {
		add("title", key)
	}
	if key := ValidateConceptText(m.Description); key != "" {
		add("description", key)
	}
	for field, value := range map[string]string{"target_group": m.TargetGroup, "lead": m.Lead, "partners": m.Partners,
		"cost_estimate": m.CostEstimate, "funding": m.Funding, "indicator": m.Indicator} {
		if key := ValidateLongText(value, MaxMeasureField); key != "" {
			add(field, key)
		}
	}
	if !slices.Contains(MeasureTimings, m.Timing) {
		add("timing", "error.bad_request")
	}
	if m.Timing == "termin" && m.DueOn == nil {
		add("due_on", "concept.error.due_missing")
	}
	if m.DueOn != nil && !ValidDay(*m.DueOn) {
		add("due_on", "admin.error.date")
	}
	if !slices.Contains(MeasurePriorities, m.Priority) {
		add("priority", "error.bad_request")
	}
	if !slices.Contains(MeasureRecurrences, m.Recurrence) {
		add("recurrence", "error.bad_request")
	}
	slices.SortFunc(problems, func(a, b FieldError) int {
		switch {
		case a.Field < b.Field:
			return -1
		case a.Field > b.Field:
			return 1
		}
		return 0
	})
	return problems
}

// Number is the measure's citable number: action field, objective, measure.
func Number(fieldPosition, objectivePosition, measurePosition int) string {
	if measurePosition == 0 {
		return fmt.Sprintf("%d.%d", fieldPosition, objectivePosition)
	}
	return fmt.Sprintf("%d.%d.%d", fieldPosition, objectivePosition, measurePosition)
}

// Concept is one version of the Handlungskonzept with everything in it.
type Concept struct {
	Version    ConceptVersion
	Fields     []ActionField
	Challenges map[int64]string // by action field
	Objectives []Objective      // by field, then position
	Measures   []Measure        // by objective, then position
	Sources    map[int64][]Contribution
	Decisions  []CouncilDecision // oldest first
}

// Adoption returns the decision that adopted the version, if any.
func (c Concept) Adoption() (CouncilDecision, bool) {
	for _, d := range c.Decisions {
		if d.Adopts() {
			return d, true
		}
	}
	return CouncilDecision{}, false
}

// FieldSection is an action field with its challenges and objectives, as
// pages, the PDF and exports show the concept.
type FieldSection struct {
	Field      ActionField
	Challenges string
	Objectives []ObjectiveSection
}

// ObjectiveSection is a numbered objective with its measures.
type ObjectiveSection struct {
	Objective Objective
	Number    string
	Measures  []MeasureEntry
}

// MeasureEntry is a numbered measure with the contributions it came from.
type MeasureEntry struct {
	Measure Measure
	Number  string
	Sources []Contribution
}

// Tree arranges the concept by action field, objective and measure.
func (c Concept) Tree() []FieldSection {
	sections := make([]FieldSection, 0, len(c.Fields))
	for _, f := range c.Fields {
		section := FieldSection{Field: f, Challenges: c.Challenges[f.ID]}
		for _, o := range c.Objectives {
			if o.ActionFieldID != f.ID {
				continue
			}
			os := ObjectiveSection{Objective: o, Number: Number(f.Position, o.Position, 0)}
			for _, m := range c.Measures {
				if m.ObjectiveID == o.ID {
					os.Measures = append(os.Measures, MeasureEntry{Measure: m,
						Number: Number(f.Position, o.Position, m.Position), Sources: c.Sources[m.ID]})
				}
			}
			section.Objectives = append(section.Objectives, os)
		}
		sections = append(sections, section)
	}
	return sections
}

// MeasureEntries lists every measure of the concept in order.
func (c Concept) MeasureEntries() []MeasureEntry {
	var all []MeasureEntry
	for _, f := range c.Tree() {
		for _, o := range f.Objectives {
			all = append(all, o.Measures...)
		}
	}
	return all
}

// ConceptChange is one difference between two versions.
type ConceptChange struct {
	Kind   string   // "added", "removed", "changed"
	What   string   // "leitbild", "challenges", "objective", "measure"
	Number string   // e.g. 1.1.1, in the newer version where it exists
	Title  string   // for objectives and measures
	Fields []string // for "changed": the catalog keys of the changed fields
}

// DiffConcepts lists what changed from old to new. Objectives and measures
// are matched by lineage, so a renumbered measure is "changed", not
// "removed" and "added".
func DiffConcepts(old, new Concept) []ConceptChange {
	var changes []ConceptChange
	if old.Version.Leitbild != new.Version.Leitbild {
		changes = append(changes, ConceptChange{Kind: "changed", What: "leitbild"})
	}
	for _, f := range new.Fields {
		if old.Challenges[f.ID] != new.Challenges[f.ID] {
			changes = append(changes, ConceptChange{Kind: "changed", What: "challenges", Title: f.Title, Number: fmt.Sprint(f.Position)})
		}
	}
	oldObjectives, newObjectives := map[int64]ObjectiveSection{}, map[int64]ObjectiveSection{}
	oldMeasures, newMeasures := map[int64]MeasureEntry{}, map[int64]MeasureEntry{}
	index := func(c Concept, objectives map[int64]ObjectiveSection, measures map[int64]MeasureEntry) {
		for _, f := range c.Tree() {
			for _, o := range f.Objectives {
				objectives[o.Objective.LineageID] = o
				for _, m := range o.Measures {
					measures[m.Measure.LineageID] = m
				}
			}
		}
	}
	index(old, oldObjectives, oldMeasures)
	index(new, newObjectives, newMeasures)
	for _, f := range new.Tree() {
		for _, o := range f.Objectives {
			before, existed := oldObjectives[o.Objective.LineageID]
			switch {
			case !existed:
				changes = append(changes, ConceptChange{Kind: "added", What: "objective", Number: o.Number, Title: o.Objective.Title})
			default:
				if fields := objectiveChanges(before, o); len(fields) > 0 {
					changes = append(changes, ConceptChange{Kind: "changed", What: "objective", Number: o.Number, Title: o.Objective.Title, Fields: fields})
				}
			}
			for _, m := range o.Measures {
				before, existed := oldMeasures[m.Measure.LineageID]
				switch {
				case !existed:
					changes = append(changes, ConceptChange{Kind: "added", What: "measure", Number: m.Number, Title: m.Measure.Title})
				default:
					if fields := measureChanges(before, m); len(fields) > 0 {
						changes = append(changes, ConceptChange{Kind: "changed", What: "measure", Number: m.Number, Title: m.Measure.Title, Fields: fields})
					}
				}
			}
		}
	}
	for _, f := range old.Tree() {
		for _, o := range f.Objectives {
			if _, kept := newObjectives[o.Objective.LineageID]; !kept {
				changes = append(changes, ConceptChange{Kind: "removed", What: "objective", Number: o.Number, Title: o.Objective.Title})
			}
			for _, m := range o.Measures {
				if _, kept := newMeasures[m.Measure.LineageID]; !kept {
					changes = append(changes, ConceptChange{Kind: "removed", What: "measure", Number: m.Number, Title: m.Measure.Title})
				}
			}
		}
	}
	return changes
}

func objectiveChanges(a, b ObjectiveSection) []string {
	var fields []string
	if a.Number != b.Number {
		fields = append(fields, "concept.number")
	}
	if a.Objective.Title != b.Objective.Title {
		fields = append(fields, "concept.field.title")
	}
	if a.Objective.Description != b.Objective.Description {
		fields = append(fields, "concept.field.description")
	}
	return fields
}

func measureChanges(a, b MeasureEntry) []string {
	x, y := a.Measure, b.Measure
	var fields []string
	check := func(changed bool, key string) {
		if changed {
			fields = append(fields, key)
		}
	}
	check(a.Number != b.Number, "concept.number")
	check(x.Title != y.Title, "concept.field.title")
	check(x.Description != y.Description, "concept.field.description")
	check(x.TargetGroup != y.TargetGroup, "measure.target_group")
	check(x.Lead != y.Lead, "measure.lead")
	check(x.Partners != y.Partners, "measure.partners")
	check(x.Timing != y.Timing || !sameDate(x.DueOn, y.DueOn), "measure.timing")
	check(x.CostEstimate != y.CostEstimate, "measure.cost_estimate")
	check(x.Funding != y.Funding, "measure.funding")
	check(x.Priority != y.Priority, "measure.priority")
	check(x.Indicator != y.Indicator, "measure.indicator")
	check(x.Recurrence != y.Recurrence, "measure.recurrence")
	check(!sameSources(a.Sources, b.Sources), "measure.sources")
	return fields
}

func sameDate(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Format(time.DateOnly) == b.Format(time.DateOnly)
}

func sameSources(a, b []Contribution) bool {
	if len(a) != len(b) {
		return false
	}
	ids := map[int64]bool{}
	for _, c := range a {
		ids[c.ID] = true
	}
	for _, c := range b {
		if !ids[c.ID] {
			return false
		}
	}
	return true
}
