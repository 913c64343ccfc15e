package demo

import (
	"context"
	"fmt"
	"time"

	"zukunftswerk/server/checktemplate"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// The Bilanzwerkstatt of 17 March 2014, "Wo stehen wir in Ingersheim?":
// the project group takes stock with the standard check. The source
// document names the sitting, not its answers: these are illustrative, a
// part of the items answered as a first sitting leaves them.
var checkAnswers = []struct {
	field, item int // positions in the standard template
	domain.CheckValues
}{
	{1, 1, domain.CheckValues{Status: domain.CheckPartial, Need: domain.NeedMedium, Note: "Die Vorausrechnung des Landesamts liegt vor, wird aber nicht fortgeschrieben.", Owner: "Hauptamt"}},
	{1, 6, domain.CheckValues{Status: domain.CheckPartial, Need: domain.NeedUrgent, Note: "Bürgerversammlungen gibt es, eine frühe Beteiligung nicht.", Owner: "Projektgruppe"}},
	{1, 7, domain.CheckValues{Status: domain.CheckMissing, Need: domain.NeedMedium}},
	{2, 1, domain.CheckValues{Status: domain.CheckPartial, Need: domain.NeedMedium}},
	{2, 3, domain.CheckValues{Status: domain.CheckMissing, Need: domain.NeedUrgent, Note: "In den Herbst- und Osterferien gibt es keine Betreuung.", Owner: "Familienbüro"}},
	{2, 4, domain.CheckValues{Status: domain.CheckPresent, Need: domain.NeedNone}},
	{3, 1, domain.CheckValues{Status: domain.CheckPresent, Need: domain.NeedNone, Note: "Seniorennachmittage der Kirchengemeinden."}},
	{3, 3, domain.CheckValues{Status: domain.CheckMissing, Need: domain.NeedUrgent, Owner: "Projektgruppe"}},
	{3, 7, domain.CheckValues{Status: domain.CheckPartial, Need: domain.NeedUrgent, Note: "Das Backhaus steht fast immer leer."}},
	{4, 1, domain.CheckValues{Status: domain.CheckPartial, Need: domain.NeedMedium, Note: "Zwei Praxen, beide Inhaber über 60."}},
	{4, 5, domain.CheckValues{Status: domain.CheckMissing, Need: domain.NeedLong}},
	{5, 5, domain.CheckValues{Status: domain.CheckPresent, Need: domain.NeedNone}},
	{5, 7, domain.CheckValues{Status: domain.CheckPartial, Need: domain.NeedUrgent, Note: "Ohne Auto kommt man kaum zum Arzt oder zum Einkaufen.", Owner: "Ordnungsamt"}},
	{5, 8, domain.CheckValues{Status: domain.CheckMissing, Need: domain.NeedMedium}},
}

// loadCheck holds the Bilanzwerkstatt unless the process has a round.
func loadCheck(ctx context.Context, s *store.Store, p domain.Process) error {
	rounds, err := s.CheckRounds(ctx, p.ID)
	if err != nil || len(rounds) > 0 {
		return err
	}
	in, err := checktemplate.Standard()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	templateID, err := s.EnsureCheckTemplate(ctx, in)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	heldOn := time.Date(2014, time.March, 17, 0, 0, 0, 0, time.UTC)
	at := s.At(heldOn.Add(19 * time.Hour))
	round, err := at.CreateCheckRound(ctx, store.Actor{Name: "Demo"}, p.MunicipalityID,
		domain.CheckRound{ProcessID: p.ID, TemplateID: templateID, Title: "Bilanzwerkstatt 17.03.2014", HeldOn: heldOn})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fields, err := s.CheckFields(ctx, templateID)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	items, err := s.CheckItems(ctx, templateID, p.MunicipalityID)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fieldOf := map[int64]int{}
	for _, f := range fields {
		fieldOf[f.ID] = f.Position
	}
	for _, a := range checkAnswers {
		var itemID int64
		for _, item := range items {
			if fieldOf[item.FieldID] == a.field && item.Position == a.item {
				itemID = item.ID
			}
		}
		if itemID == 0 {
			return fmt.Errorf("demo: the standard check has no item %d.%d", a.field, a.item)
		}
		if _, _, err := at.SaveCheckAnswer(ctx, store.CheckSave{RoundID: round.ID, ItemID: itemID, Mine: a.CheckValues, By: "Projektgruppe"}); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}
