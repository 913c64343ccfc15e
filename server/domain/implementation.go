package domain

import (
	"slices"
	"time"
)

// Implementation statuses of a measure after MeasurePlanned, as status
// reports set them.
const (
	MeasurePreparing   = "in_vorbereitung"
	MeasureInProgress  = "in_umsetzung"
	MeasureDone        = "umgesetzt"
	MeasureEstablished = "verstetigt"
	MeasurePostponed   = "verschoben"
	MeasureOnHold      = "zurueckgestellt"
)

// MeasureStatuses lists every implementation status in the order charts
// and tables show them.
var MeasureStatuses = []string{MeasurePlanned, MeasurePreparing, MeasureInProgress, MeasureDone, MeasureEstablished,
	MeasurePostponed, MeasureOnHold}

// ReportStatuses are the statuses a report may set.
var ReportStatuses = MeasureStatuses[1:]

// Completed says whether a status counts as achieved.
func Completed(status string) bool { return status == MeasureDone || status == MeasureEstablished }

// Limits of reports, occurrences and reviews, in characters.
const (
	MaxReportText     = 2000
	MaxIndicatorValue = 200
	MaxOccurrenceNote = 1000
	MaxAttendance     = 1_000_000
	MaxReviewNotes    = 4000
	MaxRatingNote     = 500
)

// StatusReport is one report on a measure's implementation.
type StatusReport struct {
	ID             int64      `db:"id"`
	ProcessID      int64      `db:"process_id"`
	LineageID      int64      `db:"lineage_id"`
	ReportedOn     time.Time  `db:"reported_on"`
	Status         string     `db:"status"`
	Text           string     `db:"text"`
	IndicatorValue string     `db:"indicator_value"`
	Progress       *int       `db:"progress"`
	NewDate        *time.Time `db:"new_date"`
	AuthorName     string     `db:"author_name"`
	CreatedAt      time.Time  `db:"created_at"`
}

// Validate lists the report's problems. A postponed measure needs its new,
// realistic date.
func (r StatusReport) Validate() []FieldError {
	var problems []FieldError
	add := func(field, key string) { problems = append(problems, FieldError{Field: field, MessageKey: key}) }
	if !ValidDay(r.ReportedOn) {
		add("reported_on", "admin.error.date")
	}
	if !slices.Contains(ReportStatuses, r.Status) {
		add("status", "error.bad_request")
	}
	if key := ValidateLongText(r.Text, MaxReportText); key != "" {
		add("text", key)
	}
	if key := ValidateLongText(r.IndicatorValue, MaxIndicatorValue); key != "" {
		add("indicator_value", key)
	}
	if r.Progress != nil && (*r.Progress < 0 || *r.Progress > 100) {
		add("progress", "report.error.progress")
	}
	if r.Status == MeasurePostponed && r.NewDate == nil {
		add("new_date", "report.error.new_date_missing")
	}
	if r.NewDate != nil && !ValidDay(*r.NewDate) {
		add("new_date", "admin.error.date")
	}
	return problems
}

// Occurrence is one time a recurring measure took place.
type Occurrence struct {
	ID         int64     `db:"id"`
	ProcessID  int64     `db:"process_id"`
	LineageID  int64     `db:"lineage_id"`
	OccurredOn time.Time `db:"occurred_on"`
	Note       string    `db:"note"`
	Attendance *int      `db:"attendance"`
	AuthorName string    `db:"author_name"`
	CreatedAt  time.Time `db:"created_at"`
}

// Validate lists the occurrence's problems.
func (o Occurrence) Validate() []FieldError {
	var problems []FieldError
	if !ValidDay(o.OccurredOn) {
		problems = append(problems, FieldError{Field: "occurred_on", MessageKey: "admin.error.date"})
	}
	if key := ValidateLongText(o.Note, MaxOccurrenceNote); key != "" {
		problems = append(problems, FieldError{Field: "note", MessageKey: key})
	}
	if o.Attendance != nil && (*o.Attendance < 0 || *o.Attendance > MaxAttendance) {
		problems = append(problems, FieldError{Field: "attendance", MessageKey: "report.error.attendance"})
	}
	return problems
}

// recurrenceMonths is the interval of each recurrence in months.
var recurrenceMonths = map[string]int{"monatlich": 1, "vierteljaehrlich": 3, "halbjaehrlich": 6, "jaehrlich": 12}

// NextOccurrence is when a recurring measure is due next: one interval
// after the last logged occurrence, or its planned date when none is
// logged. It is nil for one-off measures and when nothing is known.
func NextOccurrence(m Measure, last *time.Time) *time.Time {
	months, ok := recurrenceMonths[m.Recurrence]
	if !ok {
		return nil
	}
	if last == nil {
		return m.DueOn
	}
	next := last.AddDate(0, months, 0)
	return &next
}

// MeasureState is where a measure of the concept stands: its reports
// (newest first), occurrences (newest first), current status, and for
// delays the planned and the realistic date.
type MeasureState struct {
	Entry       MeasureEntry
	Field       ActionField
	Reports     []StatusReport
	Occurrences []Occurrence
	Status      string
	Progress    *int
	Planned     *time.Time
	Realistic   *time.Time
	Next        *time.Time
	Overdue     bool
}

// NewMeasureState derives the state from the reports and occurrences of
// the measure's lineage (any order) on the day today.
func NewMeasureState(e MeasureEntry, field ActionField, reports []StatusReport, occurrences []Occurrence, today time.Time) MeasureState {
	s := MeasureState{Entry: e, Field: field, Status: e.Measure.Status, Planned: e.Measure.DueOn}
	s.Reports = slices.Clone(reports)
	slices.SortStableFunc(s.Reports, func(a, b StatusReport) int {
		if c := b.ReportedOn.Compare(a.ReportedOn); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	s.Occurrences = slices.Clone(occurrences)
	slices.SortStableFunc(s.Occurrences, func(a, b Occurrence) int { return b.OccurredOn.Compare(a.OccurredOn) })
	if len(s.Reports) > 0 {
		s.Status = s.Reports[0].Status
	}
	for _, r := range s.Reports {
		if r.Progress != nil {
			s.Progress = r.Progress
			break
		}
	}
	for _, r := range s.Reports {
		if r.NewDate != nil {
			s.Realistic = r.NewDate
			break
		}
	}
	var last *time.Time
	if len(s.Occurrences) > 0 {
		last = &s.Occurrences[0].OccurredOn
	}
	if s.Status != MeasureOnHold {
		s.Next = NextOccurrence(e.Measure, last)
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	s.Overdue = s.Next != nil && s.Next.Before(day)
	return s
}

// Delayed says whether the realistic date lies after the planned one.
func (s MeasureState) Delayed() bool {
	return s.Planned != nil && s.Realistic != nil && s.Realistic.After(*s.Planned)
}

// Review recommendations for a measure.
var Recommendations = []string{"fortfuehren", "anpassen", "beenden"}

// Review is a dated review of the whole concept (Ergebniswerkstatt).
type Review struct {
	ID        int64     `db:"id"`
	ProcessID int64     `db:"process_id"`
	VersionID int64     `db:"version_id"`
	HeldOn    time.Time `db:"held_on"`
	Title     string    `db:"title"`
	Notes     string    `db:"notes"`
	CreatedAt time.Time `db:"created_at"`
}

// Rating is a review's judgement of one measure.
type Rating struct {
	ReviewID       int64  `db:"review_id"`
	LineageID      int64  `db:"lineage_id"`
	Effect         int    `db:"effect"`
	Recommendation string `db:"recommendation"`
	Note           string `db:"note"`
}

// ValidateReview lists the problems of a review and its ratings.
func ValidateReview(r Review, ratings []Rating) []FieldError {
	var problems []FieldError
	add := func(field, key string) { problems = append(problems, FieldError{Field: field, MessageKey: key}) }
	if !ValidDay(r.HeldOn) {
		add("held_on", "admin.error.date")
	}
	if key := ValidateConceptTitle(r.Title); key != "" {
		add("title", key)
	}
	if key := ValidateLongText(r.Notes, MaxReviewNotes); key != "" {
		add("notes", key)
	}
	for _, rt := range ratings {
		if rt.Effect < 0 || rt.Effect > 3 || !slices.Contains(Recommendations, rt.Recommendation) {
			add("rating", "error.bad_request")
		}
		if key := ValidateLongText(rt.Note, MaxRatingNote); key != "" {
			add("rating", key)
		}
	}
	return problems
}

// CompletedBy counts the measures whose newest report on or before day
// marks them achieved.
func CompletedBy(states []MeasureState, day time.Time) int {
	n := 0
	for _, s := range states {
		for _, r := range s.Reports { // newest first
			if !r.ReportedOn.After(day) {
				if Completed(r.Status) {
					n++
				}
				break
			}
		}
	}
	return n
}

// Timeline merges entries that appear on the Fahrplan automatically
// (workshops, council decisions; dated) into the milestones: each goes
// before the first dated milestone after it. Undated milestones keep their
// place in the order the admins gave them.
func Timeline(milestones, automatic []Milestone) []Milestone {
	auto := slices.Clone(automatic)
	slices.SortStableFunc(auto, func(a, b Milestone) int { return a.OccursOn.Compare(*b.OccursOn) })
	out := make([]Milestone, 0, len(milestones)+len(auto))
	for _, m := range milestones {
		for len(auto) > 0 && m.OccursOn != nil && auto[0].OccursOn.Before(*m.OccursOn) {
			out, auto = append(out, auto[0]), auto[1:]
		}
		out = append(out, m)
	}
	return append(out, auto...)
}
