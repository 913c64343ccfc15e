package domain_test

import (
	"testing"
	"time"

	"zukunftswerk/server/domain"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestMeasureStateFollowsReportsAndOccurrences(t *testing.T) {
	planned := day(2026, 3, 1)
	later := day(2026, 9, 1)
	fifty := 50
	e := domain.MeasureEntry{Measure: domain.Measure{LineageID: 7, Status: domain.MeasurePlanned, Recurrence: "halbjaehrlich", DueOn: &planned}}
	reports := []domain.StatusReport{
		{ID: 1, ReportedOn: day(2026, 1, 10), Status: domain.MeasureInProgress, Progress: &fifty},
		{ID: 2, ReportedOn: day(2026, 2, 20), Status: domain.MeasurePostponed, NewDate: &later},
	}
	occurrences := []domain.Occurrence{{OccurredOn: day(2025, 4, 12)}, {OccurredOn: day(2025, 10, 11)}}
	s := domain.NewMeasureState(e, domain.ActionField{}, reports, occurrences, day(2026, 5, 1))
	if s.Status != domain.MeasurePostponed || s.Progress == nil || *s.Progress != 50 {
		t.Errorf("status %q progress %v", s.Status, s.Progress)
	}
	if !s.Delayed() || !s.Realistic.Equal(later) {
		t.Errorf("delay: planned %v realistic %v", s.Planned, s.Realistic)
	}
	if s.Next == nil || !s.Next.Equal(day(2026, 4, 11)) || !s.Overdue {
		t.Errorf("next %v overdue %v, want 11 April 2026, overdue on 1 May", s.Next, s.Overdue)
	}
	if s.Reports[0].ID != 2 || !s.Occurrences[0].OccurredOn.Equal(day(2025, 10, 11)) {
		t.Error("reports and occurrences are not newest first")
	}
	oneOff := domain.NewMeasureState(domain.MeasureEntry{Measure: domain.Measure{Recurrence: "einmalig", DueOn: &planned}}, domain.ActionField{}, nil, nil, day(2027, 1, 1))
	if oneOff.Next != nil || oneOff.Overdue || oneOff.Status != "" {
		t.Errorf("one-off measure: next %v overdue %v", oneOff.Next, oneOff.Overdue)
	}
	if got := domain.CompletedBy([]domain.MeasureState{s}, day(2026, 1, 31)); got != 0 {
		t.Errorf("completed in January: %d", got)
	}
	done := domain.NewMeasureState(e, domain.ActionField{}, []domain.StatusReport{{ReportedOn: day(2026, 1, 5), Status: domain.MeasureDone}}, nil, day(2026, 5, 1))
	if domain.CompletedBy([]domain.MeasureState{done}, day(2026, 1, 4)) != 0 || domain.CompletedBy([]domain.MeasureState{done}, day(2026, 1, 5)) != 1 {
		t.Error("CompletedBy does not count from the report's day")
	}
}

func TestReportValidation(t *testing.T) {
	bad := 150
	r := domain.StatusReport{ReportedOn: day(2026, 1, 1), Status: domain.MeasurePostponed, Progress: &bad, Text: string([]byte{0xff})}
	fields := map[string]bool{}
	for _, p := range r.Validate() {
		fields[p.Field] = true
	}
	for _, f := range []string{"progress", "new_date", "text"} {
		if !fields[f] {
			t.Errorf("report with bad %s validates", f)
		}
	}
	if len((domain.StatusReport{ReportedOn: day(2026, 1, 1), Status: domain.MeasurePlanned}).Validate()) == 0 {
		t.Error("a report may not set the status back to planned")
	}
	negative := -3
	if len((domain.Occurrence{OccurredOn: day(2026, 1, 1), Attendance: &negative}).Validate()) != 1 {
		t.Error("negative attendance validates")
	}
}

func TestTimelinePlacesAutomaticEntriesByDate(t *testing.T) {
	d := func(y int, m time.Month) *time.Time { v := day(y, m, 1); return &v }
	milestones := []domain.Milestone{{Title: "A", OccursOn: d(2014, 1)}, {Title: "undated"}, {Title: "B", OccursOn: d(2014, 9)}}
	auto := []domain.Milestone{{Title: "council", OccursOn: d(2015, 1)}, {Title: "workshop", OccursOn: d(2014, 7)}}
	got := domain.Timeline(milestones, auto)
	var order []string
	for _, m := range got {
		order = append(order, m.Title)
	}
	want := []string{"A", "undated", "workshop", "B", "council"}
	if len(order) != len(want) {
		t.Fatalf("timeline %v", order)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("timeline %v, want %v", order, want)
		}
	}
}
