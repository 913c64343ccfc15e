package demo

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// The Zukunftswerkstatt of 19 July 2014 in the SKV-Halle, as the source
// document names it, held the way the platform holds one: three groups
// write Kritik cards, then ideas, and the close turns the cards into the
// process's contributions of that day. The sample ideas with a group are
// its Phantasie cards.
var zukunftswerkstatt = domain.Workshop{Kind: "zukunft", Title: "Zukunftswerkstatt mit der Bürgerschaft", Place: "SKV-Halle",
	Question:  "Jung & Alt, alle Generationen und Kulturen: Wie wollen wir hier künftig leben?",
	DotBudget: 3, MaxDotsPerCard: 3, HeldOn: day(2014, time.July, 19)}

var workshopGroups = []struct {
	title    string
	field    int
	critique []string // Kritik cards
}{
	{"Jung & Alt", 3, []string{"Kaum Treffpunkte, an denen Jung und Alt zusammenkommen", "Das Backhaus steht fast immer leer"}},
	{"Familie, Bildung und Betreuung", 2, []string{"In den Herbst- und Osterferien gibt es keine Betreuung"}},
	{"Wohnen, Versorgung und Mobilität", 5, []string{"Ohne Auto kommt man kaum zum Arzt oder zum Einkaufen"}},
}

// loadWorkshop holds the Zukunftswerkstatt unless the process has it
// already, and sets the idempotency keys of the sample ideas it produced
// (by position in ideas).
func loadWorkshop(ctx context.Context, s *store.Store, p domain.Process, fields []domain.ActionField, keys []string) error {
	id, err := workshopID(ctx, s, p)
	if err != nil {
		return err
	}
	if id == 0 {
		if id, err = holdWorkshop(ctx, s, p, fields); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	groups, err := s.Groups(ctx, id)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	cardOf := map[string]int64{}
	for _, g := range groups {
		cards, err := s.Cards(ctx, id, g.ID, 2, true)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		for _, c := range cards {
			cardOf[c.Text] = c.ID
		}
	}
	for i, idea := range ideas {
		if idea.group != "" {
			if cardOf[idea.title] == 0 {
				return fmt.Errorf("demo: the workshop has no card %q", idea.title)
			}
			keys[i] = "card:" + strconv.FormatInt(cardOf[idea.title], 10)
		}
	}
	return nil
}

func workshopID(ctx context.Context, s *store.Store, p domain.Process) (int64, error) {
	workshops, err := s.Workshops(ctx, p.MunicipalityID)
	if err != nil {
		return 0, fmt.Errorf("demo: %w", err)
	}
	for _, w := range workshops {
		if w.ProcessID == p.ID && w.Title == zukunftswerkstatt.Title {
			return w.ID, nil
		}
	}
	return 0, nil
}

// holdWorkshop runs the day: Kritik from 10:30, Phantasie from 13:00
// (Central European Summer Time), closed at 16:00.
func holdWorkshop(ctx context.Context, s *store.Store, p domain.Process, fields []domain.ActionField) (int64, error) {
	actor := store.Actor{Name: "Moderation (Demo)"}
	clock := func(hour, minute int) *store.Store {
		return s.At(time.Date(2014, time.July, 19, hour-2, minute, 0, 0, time.UTC))
	}
	w := zukunftswerkstatt
	w.ProcessID = p.ID
	var groups []domain.Group
	for _, g := range workshopGroups {
		field := fields[g.field-1].ID
		groups = append(groups, domain.Group{Title: g.title, ActionFieldID: &field})
	}
	phases := []domain.Phase{
		{Title: "Kritikphase", Prompt: "Was stört Sie heute in Ingersheim?", CardKind: "kritik", Becomes: domain.PhaseChallenges},
		{Title: "Phantasiephase", Prompt: "Wie soll Ingersheim in 15 Jahren sein?", CardKind: "idee", Becomes: domain.PhaseIdeas},
	}
	id, err := clock(9, 0).CreateWorkshop(ctx, actor, p.MunicipalityID, w, phases, groups,
		domain.WorkshopDay{Day: *w.HeldOn, Starts: "10:00", Ends: "16:00"})
	if err != nil {
		return 0, err
	}
	setPhase := func(at *store.Store, action string, phase int) error {
		_, err := at.UpdateWorkshop(ctx, actor, p.MunicipalityID, id, action, func(w *domain.Workshop) error {
			if w.JoinCode == nil {
				code := domain.NewJoinCode()
				w.JoinCode = &code
			}
			w.State, w.CurrentPhase = domain.WorkshopLive, phase
			return nil
		})
		return err
	}
	if err := setPhase(clock(10, 0), "open", 1); err != nil {
		return 0, err
	}
	stored, err := s.Groups(ctx, id)
	if err != nil {
		return 0, err
	}
	participants := make([]domain.Participant, len(stored))
	for i, g := range stored {
		if participants[i], err = clock(10, 5).Join(ctx, id, g.ID, fmt.Sprintf("demo-device-%d", i+1), ""); err != nil {
			return 0, err
		}
		for j, text := range workshopGroups[i].critique {
			if _, _, err := clock(10, 30+5*j).CreateCard(ctx, participants[i], text, fmt.Sprintf("demo-critique-%d-%d", i+1, j+1)); err != nil {
				return 0, err
			}
		}
	}
	if err := setPhase(clock(13, 0), "next", 2); err != nil {
		return 0, err
	}
	for i, idea := range ideas {
		if idea.group == "" {
			continue
		}
		for g, group := range workshopGroups {
			if group.title == idea.group {
				if _, _, err := clock(13, 15+i).CreateCard(ctx, participants[g], idea.title, fmt.Sprintf("demo-card-%02d", i+1)); err != nil {
					return 0, err
				}
			}
		}
	}
	if _, err := clock(16, 0).CloseWorkshop(ctx, actor, p.MunicipalityID, id, 0); err != nil {
		return 0, err
	}
	return id, nil
}
