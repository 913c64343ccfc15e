package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
)

// The demo's concept is adopted, frozen, and the Backhaustag carries the
// ideas it came from.
func TestDemoConceptIsAdoptedWithTheBackhaustag(t *testing.T) {
	s, p, _ := seeded(t)
	ctx := context.Background()
	versions, err := s.ConceptVersions(ctx, p.ID)
	if err != nil || len(versions) != 1 || versions[0].Status != domain.ConceptAdopted {
		t.Fatalf("demo versions: %+v %v", versions, err)
	}
	concept, err := s.Concept(ctx, versions[0])
	if err != nil {
		t.Fatal(err)
	}
	var backhaus *domain.MeasureEntry
	for _, e := range concept.MeasureEntries() {
		if e.Measure.Title == "Backhaustag" {
			backhaus = &e
		}
	}
	if backhaus == nil || backhaus.Number != "3.1.1" || backhaus.Measure.Recurrence != "halbjaehrlich" || len(backhaus.Sources) != 3 {
		t.Fatalf("Backhaustag: %+v", backhaus)
	}
	if d, ok := concept.Adoption(); !ok || !d.DecidedOn.Equal(*demo.CouncilDate) {
		t.Errorf("adoption: %+v %v", d, ok)
	}
	if err := s.SaveLeitbild(ctx, curator, p.MunicipalityID, p.ID, versions[0].ID, "geändert"); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("editing the adopted version: %v, want conflict", err)
	}
	if _, err := s.Draft(ctx, curator, p.MunicipalityID, p.ID); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("a draft while the newest version is adopted: %v, want conflict", err)
	}
	// Loading the demo again adds nothing.
	if err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.ConceptVersions(ctx, p.ID); len(again) != 1 {
		t.Errorf("after a second demo load: %d versions", len(again))
	}
}

// A Fortschreibung copies the adopted version with lineage; the diff names
// what changed; the workflow runs to a council decision; an idea's trail
// follows its measure into the new version.
func TestRevisionWorkflowDiffAndTrail(t *testing.T) {
	s, p, fields := seeded(t)
	ctx := context.Background()
	v2, err := s.StartRevision(ctx, curator, p.MunicipalityID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v2.Number != 2 || v2.Status != domain.ConceptDraft {
		t.Fatalf("revision: %+v", v2)
	}
	if _, err := s.StartRevision(ctx, curator, p.MunicipalityID, p.ID); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("second revision while one is open: %v, want conflict", err)
	}
	versions, _ := s.ConceptVersions(ctx, p.ID)
	old, _ := s.Concept(ctx, versions[1])
	draft, _ := s.Concept(ctx, v2)
	if len(draft.Measures) != len(old.Measures) || len(draft.Objectives) != len(old.Objectives) {
		t.Fatalf("copy has %d measures / %d objectives, want %d / %d", len(draft.Measures), len(draft.Objectives), len(old.Measures), len(old.Objectives))
	}
	if changes := domain.DiffConcepts(old, draft); len(changes) != 0 {
		t.Errorf("an unchanged copy differs: %+v", changes)
	}

	// Change the Backhaustag, add a measure from a new idea, drop another.
	var backhaus, willkommen domain.Measure
	for _, m := range draft.Measures {
		switch m.Title {
		case "Backhaustag":
			backhaus = m
		case "Willkommenspaten":
			willkommen = m
		}
	}
	backhaus.Lead = "Heimatverein"
	if _, err := s.SaveMeasure(ctx, curator, p.MunicipalityID, p.ID, backhaus, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeasure(ctx, curator, p.MunicipalityID, p.ID, v2.ID, willkommen.ID); err != nil {
		t.Fatal(err)
	}
	idea := newIdea(t, s, p, fields[4], "Mitfahrbank", "fan@example.org")
	due := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
	bench := domain.Measure{VersionID: v2.ID, ObjectiveID: backhaus.ObjectiveID, Title: "Mitfahrbänke", Timing: "termin", DueOn: &due,
		Priority: "mittel", Recurrence: "einmalig"}
	if problems := bench.Validate(); len(problems) > 0 {
		t.Fatal(problems)
	}
	created, err := s.SaveMeasure(ctx, curator, p.MunicipalityID, p.ID, bench, []int64{idea.ID})
	if err != nil {
		t.Fatal(err)
	}
	if created.Position != 2 || created.LineageID != created.ID {
		t.Errorf("new measure numbered %d, lineage %d (id %d)", created.Position, created.LineageID, created.ID)
	}
	if got := contribution(t, s, p, idea.ID); got.Status != domain.StatusTaken {
		t.Errorf("source idea status %q, want taken into the concept", got.Status)
	}
	draft, _ = s.Concept(ctx, v2)
	changes := domain.DiffConcepts(old, draft)
	kinds := map[string]string{}
	for _, c := range changes {
		kinds[c.Kind+" "+c.What] = c.Title
	}
	if kinds["changed measure"] != "Backhaustag" || kinds["added measure"] != "Mitfahrbänke" || kinds["removed measure"] != "Willkommenspaten" || len(changes) != 3 {
		t.Errorf("diff: %+v", changes)
	}

	// Not public yet: the trail shows nothing of the draft.
	if trail, _ := s.IdeaTrail(ctx, idea.ID); len(trail) != 0 {
		t.Errorf("trail shows a draft measure: %+v", trail)
	}
	// Workflow: no skipping, no decision before submission.
	if err := s.MoveConcept(ctx, curator, p.MunicipalityID, p.ID, v2.ID, domain.ConceptSubmitted); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("skipping a step: %v", err)
	}
	decision := domain.CouncilDecision{VersionID: v2.ID, DecidedOn: time.Date(2027, 3, 14, 0, 0, 0, 0, time.UTC), Body: "Gemeinderat", Result: domain.ResultAdopted}
	if err := s.RecordCouncilDecision(ctx, curator, p.MunicipalityID, p.ID, decision); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("decision on a draft: %v", err)
	}
	for _, to := range []string{domain.ConceptAgreed, domain.ConceptSubmitted} {
		if err := s.MoveConcept(ctx, curator, p.MunicipalityID, p.ID, v2.ID, to); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveLeitbild(ctx, curator, p.MunicipalityID, p.ID, v2.ID, "x"); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("editing a version before the council: %v", err)
	}
	trail, _ := s.IdeaTrail(ctx, idea.ID)
	if len(trail) != 1 || trail[0].AdoptedOn != nil || trail[0].Number() != "3.1.2" {
		t.Fatalf("trail before the decision: %+v", trail)
	}
	deferred := decision
	deferred.Result = domain.ResultDeferred
	if err := s.RecordCouncilDecision(ctx, curator, p.MunicipalityID, p.ID, deferred); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordCouncilDecision(ctx, curator, p.MunicipalityID, p.ID, decision); err != nil {
		t.Fatal(err)
	}
	trail, _ = s.IdeaTrail(ctx, idea.ID)
	if len(trail) != 1 || trail[0].AdoptedOn == nil || !trail[0].AdoptedOn.DecidedOn.Equal(decision.DecidedOn) {
		t.Errorf("trail after adoption: %+v", trail)
	}
	// The Backhaustag's ideas keep their first adoption (the demo's).
	for _, src := range old.Sources[backhausIn(old)] {
		tr, _ := s.IdeaTrail(ctx, src.ID)
		if len(tr) != 1 || tr[0].VersionNumber != 2 || !tr[0].AdoptedOn.DecidedOn.Equal(*demo.CouncilDate) {
			t.Errorf("trail of %q: %+v", src.Title, tr)
		}
	}
	// Both versions stay: the first is still citable as it was adopted.
	first, _ := s.ConceptVersion(ctx, p.ID, 1)
	firstConcept, _ := s.Concept(ctx, first)
	if !slices.ContainsFunc(firstConcept.Measures, func(m domain.Measure) bool { return m.Title == "Willkommenspaten" }) {
		t.Error("the adopted version lost a measure removed in its revision")
	}
}

func backhausIn(c domain.Concept) int64 {
	for _, m := range c.Measures {
		if m.Title == "Backhaustag" {
			return m.ID
		}
	}
	return 0
}

// Council decisions and measures are validated before they reach the store.
func TestConceptValidation(t *testing.T) {
	bad := domain.CouncilDecision{Body: "", Result: "vielleicht", Amendments: ""}
	fields := map[string]bool{}
	for _, p := range bad.Validate() {
		fields[p.Field] = true
	}
	for _, f := range []string{"decided_on", "body", "result"} {
		if !fields[f] {
			t.Errorf("decision without %s validates", f)
		}
	}
	amended := domain.CouncilDecision{DecidedOn: time.Now(), Body: "GR", Result: domain.ResultAdoptedAmended}
	if len(amended.Validate()) != 1 {
		t.Error("adopted with amendments but none given validates")
	}
	m := domain.Measure{Title: "  ", Timing: "bald", Priority: "sofort", Recurrence: "stündlich", Lead: string([]byte{0xff})}
	fields = map[string]bool{}
	for _, p := range m.Validate() {
		fields[p.Field] = true
	}
	for _, f := range []string{"title", "timing", "priority", "recurrence", "lead"} {
		if !fields[f] {
			t.Errorf("measure with bad %s validates", f)
		}
	}
	if problems := (domain.Measure{Title: "T", Timing: "termin", Priority: "hoch", Recurrence: "jaehrlich"}).Validate(); len(problems) != 1 || problems[0].Field != "due_on" {
		t.Errorf("a measure on a date without the date: %+v", problems)
	}
}
