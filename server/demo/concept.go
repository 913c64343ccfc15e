package demo

import (
	"context"
	"fmt"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// CouncilDate is the demo's council decision. The source document lists
// the presentation in the Gemeinderat without a date; this one is made up
// (after the Strategiewerkstatt of 22 September 2014).
var CouncilDate = day(2014, time.November, 25)

type sampleObjective struct {
	field       int
	title       string
	description string
	measures    []sampleMeasure
}

type sampleMeasure struct {
	measure domain.Measure
	ideas   []int // positions in ideas, 1-based
}

const leitbild = "Ingersheim ist ein Ort, an dem Jung und Alt gut und gern zusammenleben: Familien finden Betreuung und Bildung " +
	"vor Ort, Ältere bleiben selbstständig und eingebunden, Neubürgerinnen und Neubürger werden willkommen geheißen, und " +
	"Bürgerschaft, Gemeinderat und Verwaltung gestalten die Zukunft gemeinsam."

var objectives = []sampleObjective{
	{1, "Bürgerschaftliches Engagement stärken", "Wer mitmachen will, findet leicht einen Platz.", []sampleMeasure{
		{domain.Measure{Title: "Ehrenamtsbörse", Description: "Eine Börse im Rathaus und online bringt Vereine, Initiativen und Freiwillige zusammen.",
			TargetGroup: "Vereine, Initiativen, Engagierte", Lead: "Hauptamt", Partners: "Vereinsring", Timing: "kurzfristig",
			CostEstimate: "gering (Personalzeit)", Funding: "Gemeindehaushalt", Priority: "hoch", Indicator: "vermittelte Engagements pro Jahr",
			Recurrence: "einmalig"}, []int{2}},
		{domain.Measure{Title: "Jährlicher Bürgerdialog", Description: "Gemeinderat und Verwaltung berichten einmal im Jahr, was aus den Ideen geworden ist.",
			TargetGroup: "alle Bürgerinnen und Bürger", Lead: "Bürgermeister", Timing: "kurzfristig", Priority: "mittel",
			Indicator: "Teilnehmende", Recurrence: "jaehrlich"}, []int{1}},
	}},
	{2, "Familie und Beruf vereinbar machen", "Eltern finden verlässliche Betreuung im Ort.", []sampleMeasure{
		{domain.Measure{Title: "Ferienbetreuung für Grundschulkinder", Description: "Betreuung in allen Schulferien außer zwei Wochen im Sommer.",
			TargetGroup: "Familien mit Grundschulkindern", Lead: "Amt für Familie und Bildung", Partners: "Schulförderverein, Sportverein",
			Timing: "mittelfristig", CostEstimate: "ca. 15.000 € im Jahr", Funding: "Elternbeiträge, Gemeinde", Priority: "hoch",
			Indicator: "betreute Kinder je Ferienwoche", Recurrence: "einmalig"}, []int{3}},
		{domain.Measure{Title: "Jugendtreff in der Ortsmitte", Description: "Ein Raum mit festen Öffnungszeiten und Ansprechperson.",
			TargetGroup: "Jugendliche ab 12", Lead: "Jugendreferat", Timing: "termin", DueOn: day(2016, time.September, 1), Priority: "mittel",
			Recurrence: "einmalig"}, []int{4}},
	}},
	{3, "Begegnung der Generationen fördern", "Jung und Alt kommen regelmäßig zusammen.", []sampleMeasure{
		{domain.Measure{Title: "Backhaustag", Description: "Zweimal im Jahr wird das Backhaus angeheizt: Ältere zeigen Kindern und Neubürgern, wie man Brot und Kuchen backt; danach essen alle gemeinsam.",
			TargetGroup: "Jung und Alt, Neubürgerinnen und Neubürger", Lead: "Projektgruppe, Landfrauen", Partners: "Kindergärten, Grundschule, Heimatverein",
			Timing: "kurzfristig", CostEstimate: "ca. 300 € je Backtag (Holz, Zutaten)", Funding: "Spenden, Verkauf", Priority: "hoch",
			Indicator: "Teilnehmende je Backhaustag", Recurrence: "halbjaehrlich"}, []int{6, 7, 14}},
		{domain.Measure{Title: "Willkommenspaten", Description: "Patinnen und Paten zeigen Neuzugezogenen den Ort, die Vereine und die Nachbarschaft.",
			TargetGroup: "Neubürgerinnen und Neubürger", Lead: "Bürgerbüro", Partners: "Vereine, Kirchengemeinden", Timing: "kurzfristig",
			Priority: "mittel", Indicator: "begleitete Haushalte", Recurrence: "einmalig"}, []int{8}},
	}},
	{4, "Hilfe im Alltag sichern", "Ältere Menschen bleiben lange selbstständig.", []sampleMeasure{
		{domain.Measure{Title: "Organisierte Nachbarschaftshilfe", Description: "Ein Kreis von Freiwilligen hilft bei Einkäufen und Arztfahrten.",
			TargetGroup: "ältere Menschen", Lead: "Seniorenrat", Partners: "Kirchengemeinden, Diakoniestation", Timing: "mittelfristig",
			Priority: "hoch", Indicator: "Einsätze pro Monat", Recurrence: "einmalig"}, []int{9}},
	}},
	{5, "Mobil ohne eigenes Auto", "Arzt, Apotheke und Einkauf sind für alle erreichbar.", []sampleMeasure{
		{domain.Measure{Title: "Bürgerbus Groß- und Kleiningersheim", Description: "Ehrenamtlich gefahrener Kleinbus mit festem Fahrplan.",
			TargetGroup: "Menschen ohne Auto", Lead: "Ordnungsamt", Partners: "Bürgerbusverein (zu gründen)", Timing: "langfristig",
			CostEstimate: "ca. 60.000 € Fahrzeug", Funding: "Landesförderung, Sponsoren", Priority: "mittel", Indicator: "Fahrgäste pro Woche",
			Recurrence: "einmalig"}, []int{11}},
	}},
}

// loadConcept writes version 1 of the Handlungskonzept and its adoption,
// unless the process has a concept already.
func loadConcept(ctx context.Context, s *store.Store, p domain.Process, fields []domain.ActionField, ideaKeys []string) error {
	versions, err := s.ConceptVersions(ctx, p.ID)
	if err != nil || len(versions) > 0 {
		return err
	}
	actor := store.Actor{Name: "Demo"}
	// The project group drafted it after the Strategiewerkstatt of 22
	// September 2014, agreed it in October and sent it to the council.
	drafting := s.At(time.Date(2014, time.September, 29, 16, 0, 0, 0, time.UTC))
	v, err := drafting.Draft(ctx, actor, p.MunicipalityID, p.ID)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := drafting.SaveLeitbild(ctx, actor, p.MunicipalityID, p.ID, v.ID, leitbild); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	for _, so := range objectives {
		o, err := drafting.SaveObjective(ctx, actor, p.MunicipalityID, p.ID, domain.Objective{VersionID: v.ID,
			ActionFieldID: fields[so.field-1].ID, Title: so.title, Description: so.description})
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		for _, sm := range so.measures {
			ids := make([]int64, 0, len(sm.ideas))
			for _, n := range sm.ideas {
				idea, found, err := s.IdeaByIdempotencyKey(ctx, ideaKeys[n-1])
				if err != nil || !found {
					return fmt.Errorf("demo: sample idea %d for %q is missing: %v", n, sm.measure.Title, err)
				}
				ids = append(ids, idea.ID)
			}
			m := sm.measure
			m.VersionID, m.ObjectiveID = v.ID, o.ID
			if problems := m.Validate(); len(problems) > 0 {
				return fmt.Errorf("demo: measure %q is invalid: %v", m.Title, problems)
			}
			if _, err := drafting.SaveMeasure(ctx, actor, p.MunicipalityID, p.ID, m, ids); err != nil {
				return fmt.Errorf("demo: %w", err)
			}
		}
	}
	steps := map[string]*time.Time{domain.ConceptAgreed: day(2014, time.October, 20), domain.ConceptSubmitted: day(2014, time.November, 4)}
	for _, step := range []string{domain.ConceptAgreed, domain.ConceptSubmitted} {
		if err := s.At(steps[step].Add(17*time.Hour)).MoveConcept(ctx, actor, p.MunicipalityID, p.ID, v.ID, step); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	decision := domain.CouncilDecision{VersionID: v.ID, DecidedOn: *CouncilDate, Body: "Gemeinderat Ingersheim",
		AgendaItem: "TOP 4", Result: domain.ResultAdopted}
	if err := s.At(CouncilDate.Add(20*time.Hour)).RecordCouncilDecision(ctx, actor, p.MunicipalityID, p.ID, decision); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
