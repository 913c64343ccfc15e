package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestDemoTellsTheStoryInOrder walks every trail of the demo — each idea's
// way into the concept, each measure's history, the Fahrplan — and fails
// on a step dated before the step it follows: the seed's Ingersheim, from
// the application in 2013 to the Backhaustag of this autumn.
func TestDemoTellsTheStoryInOrder(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	p, err := srv.App.ProcessBySlugs(ctx, "ingersheim", demo.ProcessSlug)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	inOrder := func(what string, steps ...time.Time) {
		t.Helper()
		for i := 1; i < len(steps); i++ {
			if steps[i].Before(steps[i-1]) {
				t.Errorf("%s: step %d (%s) is dated before the step it follows (%s)", what, i+1, day(steps[i]), day(steps[i-1]))
			}
		}
	}

	// Every idea: written, then adopted into a measure.
	ideas, err := srv.App.Ideas(ctx, domain.IdeaQuery{ProcessID: p.Process.ID, Page: 1, PerPage: 100, Sort: domain.SortNewest}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(ideas.Ideas) < 10 {
		t.Fatalf("the demo has %d ideas", len(ideas.Ideas))
	}
	origins := map[string]int{}
	for _, listed := range ideas.Ideas {
		view, err := srv.App.Idea(ctx, p, listed.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		idea := view.Idea
		origins[idea.Origin]++
		if idea.Origin == domain.OriginWorkshop && day(idea.CreatedAt) != "2014-07-19" {
			t.Errorf("%q came from the Zukunftswerkstatt but is dated %s", idea.Title, day(idea.CreatedAt))
		}
		for _, m := range view.Trail {
			if m.AdoptedOn == nil {
				t.Errorf("%q: measure %q not adopted", idea.Title, m.Title)
				continue
			}
			inOrder("trail of "+idea.Title, idea.CreatedAt, m.AdoptedOn.DecidedOn, now)
		}
	}
	if origins[domain.OriginWorkshop] == 0 || origins["online"] == 0 {
		t.Errorf("ideas by origin: %v, want some from the workshop and some online", origins)
	}

	// Every measure: its ideas, the council's adoption, its reports and
	// occurrences (the pages list them newest first), up to today.
	im, err := srv.App.Implementation(ctx, p.Process.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	adopted, found, err := srv.Store.AdoptedVersion(ctx, p.Process.ID)
	if err != nil || !found {
		t.Fatal("no adopted concept", err)
	}
	decisions, err := srv.Store.CouncilDecisions(ctx, p.Process.ID)
	if err != nil {
		t.Fatal(err)
	}
	var adoption time.Time
	for _, d := range decisions {
		if d.VersionID == adopted.ID {
			adoption = d.DecidedOn
		}
	}
	for _, s := range im.States {
		title := s.Entry.Measure.Title
		var steps []time.Time
		for _, idea := range s.Entry.Sources {
			inOrder("sources of "+title, idea.CreatedAt, adoption)
		}
		steps = append(steps, adoption)
		for i := len(s.Reports) - 1; i >= 0; i-- {
			steps = append(steps, s.Reports[i].ReportedOn)
		}
		inOrder("reports of "+title, append(steps, now)...)
		var occurrences []time.Time
		for i := len(s.Occurrences) - 1; i >= 0; i-- {
			occurrences = append(occurrences, s.Occurrences[i].OccurredOn)
		}
		inOrder("occurrences of "+title, append(occurrences, now)...)
		if title == "Backhaustag" {
			checkBackhaustag(t, s, now)
		}
	}

	// The Fahrplan: every dated entry after the one before it.
	timeline, err := srv.App.Fahrplan(ctx, p, now, func(d store.ProcessDecision) string { return "Beschluss" })
	if err != nil {
		t.Fatal(err)
	}
	var dated []time.Time
	for _, m := range timeline {
		if m.OccursOn == nil {
			t.Errorf("Fahrplan entry %q has no date", m.Title)
			continue
		}
		dated = append(dated, *m.OccursOn)
	}
	inOrder("Fahrplan", dated...)
}

// checkBackhaustag: the seed's first Backhaustag in 2014, the second with
// the Ergebnisveranstaltung in 2015, then every half year up to today, and
// each report's guests the count of that day.
func checkBackhaustag(t *testing.T, s domain.MeasureState, now time.Time) {
	t.Helper()
	n := len(s.Occurrences)
	if n < 20 {
		t.Fatalf("Backhaustage: %d", n)
	}
	first, second, last := s.Occurrences[n-1].OccurredOn, s.Occurrences[n-2].OccurredOn, s.Occurrences[0].OccurredOn
	if first.Format("2006-01-02") != "2014-10-11" || second.Year() != 2015 || now.Sub(last) > 190*24*time.Hour {
		t.Errorf("Backhaustage: first %s, second %s, last %s", first, second, last)
	}
	guests := map[string]int{}
	for _, o := range s.Occurrences {
		if o.Attendance != nil {
			guests[o.OccurredOn.Format("2006-01-02")] = *o.Attendance
		}
	}
	for _, r := range s.Reports {
		if r.IndicatorValue == "" {
			continue
		}
		var count int
		if _, err := fmt.Sscanf(r.IndicatorValue, "%d Gäste", &count); err != nil || guests[r.ReportedOn.Format("2006-01-02")] != count {
			t.Errorf("report of %s says %q, the Backhaustag that day had %d guests", r.ReportedOn.Format("2006-01-02"), r.IndicatorValue, guests[r.ReportedOn.Format("2006-01-02")])
		}
	}
}
