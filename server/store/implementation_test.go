package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
)

func lineageOf(t *testing.T, c domain.Concept, title string) int64 {
	t.Helper()
	for _, m := range c.Measures {
		if m.Title == title {
			return m.LineageID
		}
	}
	t.Fatalf("no measure %q", title)
	return 0
}

// The demo logs three Backhaustage before today; reports set the status
// the concept, the trail and the dashboard show.
func TestReportsAndOccurrences(t *testing.T) {
	s, p, _ := seeded(t)
	ctx := context.Background()
	v, found, err := s.AdoptedVersion(ctx, p.ID)
	if err != nil || !found {
		t.Fatalf("adopted version: %v %v", found, err)
	}
	concept, _ := s.Concept(ctx, v)
	backhaus := lineageOf(t, concept, "Backhaustag")
	occurrences, _ := s.Occurrences(ctx, p.ID)
	dates := demo.BackhaustagDates(time.Now().UTC())
	if len(occurrences) != len(dates) || len(dates) < 20 {
		t.Fatalf("demo occurrences: %d, want every half year since October 2014 (%d)", len(occurrences), len(dates))
	}
	if !occurrences[0].OccurredOn.Equal(dates[len(dates)-1]) {
		t.Errorf("newest occurrence %v, want %v", occurrences[0].OccurredOn, dates[len(dates)-1])
	}
	for _, m := range concept.Measures {
		if m.LineageID == backhaus && m.Status != domain.MeasureEstablished {
			t.Errorf("Backhaustag status in the concept: %q, want the newest report's", m.Status)
		}
	}

	// The same day twice, concurrently: one lands.
	var ok atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.AddOccurrence(ctx, curator, p.MunicipalityID, domain.Occurrence{ProcessID: p.ID, LineageID: backhaus, OccurredOn: time.Date(2030, 4, 13, 0, 0, 0, 0, time.UTC)})
			switch {
			case err == nil:
				ok.Add(1)
			case domain.ErrorCode(err) != domain.CodeConflict:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 1 {
		t.Errorf("%d of 10 identical occurrences stored", ok.Load())
	}

	// Reports only on adopted measures of this process.
	report := domain.StatusReport{ProcessID: p.ID, LineageID: 999999, ReportedOn: time.Now(), Status: domain.MeasureDone}
	if _, err := s.AddReport(ctx, curator, p.MunicipalityID, report); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("report on an unknown measure: %v", err)
	}
	report.LineageID = lineageOf(t, concept, "Willkommenspaten")
	saved, err := s.AddReport(ctx, curator, p.MunicipalityID, report)
	if err != nil || saved.ID == 0 || saved.AuthorName != curator.Name {
		t.Fatalf("report: %+v %v", saved, err)
	}
	concept, _ = s.Concept(ctx, v)
	if got := concept.Measures[slicesIndex(concept.Measures, report.LineageID)].Status; got != domain.MeasureDone {
		t.Errorf("status after the report: %q", got)
	}
	idea, _, _ := s.IdeaByIdempotencyKey(ctx, "demo-idea-08")
	trail, _ := s.IdeaTrail(ctx, idea.ID)
	if len(trail) != 1 || trail[0].Status != domain.MeasureDone {
		t.Errorf("trail of the Willkommenspaten idea: %+v", trail)
	}
}

func slicesIndex(ms []domain.Measure, lineage int64) int {
	for i, m := range ms {
		if m.LineageID == lineage {
			return i
		}
	}
	return -1
}

// A review rates the adopted version's measures; a draft cannot be reviewed.
func TestReviews(t *testing.T) {
	s, p, _ := seeded(t)
	ctx := context.Background()
	v, _, _ := s.AdoptedVersion(ctx, p.ID)
	concept, _ := s.Concept(ctx, v)
	backhaus := lineageOf(t, concept, "Backhaustag")
	review := domain.Review{ProcessID: p.ID, VersionID: v.ID, HeldOn: time.Now(), Title: "Ergebniswerkstatt"}
	ratings := []domain.Rating{{LineageID: backhaus, Effect: 3, Recommendation: "fortfuehren", Note: "Beliebt"}}
	saved, err := s.AddReview(ctx, curator, p.MunicipalityID, review, ratings)
	if err != nil {
		t.Fatal(err)
	}
	byReview, _ := s.Ratings(ctx, p.ID)
	if got := byReview[saved.ID]; len(got) != 1 || got[0].Effect != 3 {
		t.Errorf("ratings: %+v", got)
	}
	if _, err := s.AddReview(ctx, curator, p.MunicipalityID, review, []domain.Rating{{LineageID: 424242, Recommendation: "beenden"}}); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("rating a foreign measure: %v", err)
	}
	draft, err := s.StartRevision(ctx, curator, p.MunicipalityID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	review.VersionID = draft.ID
	if _, err := s.AddReview(ctx, curator, p.MunicipalityID, review, nil); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("reviewing a draft: %v", err)
	}
	if list, _ := s.Reviews(ctx, p.ID); len(list) != 1 {
		t.Errorf("%d reviews, want 1", len(list))
	}
}
