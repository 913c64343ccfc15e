package app

import (
	"context"
	"sort"
	"strings"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// StaffWorkshop returns a workshop of the municipality for its moderators;
// a workshop of another municipality (or none) is forbidden.
func (a *App) StaffWorkshop(ctx context.Context, municipalityID, id int64) (domain.Workshop, error) {
	w, err := a.store.Workshop(ctx, municipalityID, id)
	if err != nil {
		return w, domain.Errorf(domain.CodeForbidden, "error.forbidden")
	}
	return w, nil
}

// WorkshopList is a municipality's workshops, newest first, and the
// processes a new one can belong to.
type WorkshopList struct {
	Workshops []domain.Workshop
	Processes []domain.Process
}

// Workshops lists a municipality's workshops for its moderators, with the
// processes to prepare a new one in.
func (a *App) Workshops(ctx context.Context, municipalityID int64) (WorkshopList, error) {
	workshops, err := a.store.Workshops(ctx, municipalityID)
	if err != nil {
		return WorkshopList{}, err
	}
	processes, err := a.store.Processes(ctx, municipalityID)
	if err != nil {
		return WorkshopList{}, err
	}
	return WorkshopList{Workshops: workshops, Processes: processes}, nil
}

// WorkshopDraft is a workshop as a moderator prepares it: its process,
// kind, title, place, guiding question and dot rules, the day it is held
// ("2006-01-02", or "" for none yet) and its working groups, one per line.
type WorkshopDraft struct {
	Workshop domain.Workshop
	Days     []DayInput
	Groups   string
	// Becomes says per phase what its cards become at the close
	// (domain.PhaseIdeas or PhaseChallenges); missing ones keep the
	// default: Kritik challenges, the others ideas.
	Becomes []string
}

// CreateWorkshop prepares a draft workshop in a process of the
// municipality, audited, with its working groups and the three phases of
// a Zukunftswerkstatt (Kritik, Phantasie, Verwirklichung), whose titles
// and prompts translate gives in the moderator's language. It returns the
// new workshop's id.
func (a *App) CreateWorkshop(ctx context.Context, actor store.Actor, municipalityID int64, draft WorkshopDraft, translate func(key string) string) (int64, error) {
	w := draft.Workshop
	w.Title, w.Place, w.Question = strings.TrimSpace(w.Title), strings.TrimSpace(w.Place), strings.TrimSpace(w.Question)
	groups := groupLines(draft.Groups)
	key, err := a.processOwned(ctx, municipalityID, w.ProcessID)
	if err != nil {
		return 0, err
	}
	if key == "" {
		key = w.ValidateDraft(groups)
	}
	days, dayKey := parseDays(draft.Days)
	if key == "" {
		key = dayKey
	}
	if key != "" {
		return 0, domain.Errorf(domain.CodeInvalid, key)
	}
	if len(days) > 0 {
		w.HeldOn = &days[0].Day
	}
	phases := defaultPhases(translate)
	for i, b := range draft.Becomes {
		if i < len(phases) && (b == domain.PhaseIdeas || b == domain.PhaseChallenges) {
			phases[i].Becomes = b
		}
	}
	return a.store.CreateWorkshop(ctx, actor, municipalityID, w, phases, groups, days...)
}

// processOwned returns "workshop.error.process" when the process is not
// one of the municipality's. When the processes cannot be read the form
// comes back with the general error message, as it always has.
func (a *App) processOwned(ctx context.Context, municipalityID, processID int64) (string, error) {
	processes, err := a.store.Processes(ctx, municipalityID)
	if err != nil {
		a.log.Error("unable to list processes for a new workshop", "error", err)
		return "error.internal", nil
	}
	for _, p := range processes {
		if p.ID == processID {
			return "", nil
		}
	}
	return "workshop.error.process", nil
}

// groupLines reads the working groups, one title per line; blank lines
// are no groups.
func groupLines(text string) []domain.Group {
	var groups []domain.Group
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			groups = append(groups, domain.Group{Title: line})
		}
	}
	return groups
}

// defaultPhases are the three phases of a Zukunftswerkstatt and the kind
// of card each collects.
func defaultPhases(translate func(key string) string) []domain.Phase {
	return []domain.Phase{
		{Title: translate("workshop.phase.kritik"), Prompt: translate("workshop.prompt.kritik"), CardKind: "kritik", Becomes: domain.PhaseChallenges},
		{Title: translate("workshop.phase.phantasie"), Prompt: translate("workshop.prompt.phantasie"), CardKind: "idee", Becomes: domain.PhaseIdeas},
		{Title: translate("workshop.phase.verwirklichung"), Prompt: translate("workshop.prompt.verwirklichung"), CardKind: "vorschlag", Becomes: domain.PhaseIdeas},
	}
}

// WorkshopDoc is a workshop's documentation: every visible card with its
// group, phase and cluster, and per group and phase the clusters ranked
// by their dots.
type WorkshopDoc struct {
	LiveWorkshop
	Days     []domain.WorkshopDay
	Cards    []DocCard
	Sections []DocSection
}

// DocCard is one card of the documentation; Cluster and Field are "" for
// a card in no cluster or action field. Becomes is what its phase makes
// of it at the close (domain.PhaseIdeas or domain.PhaseChallenges).
type DocCard struct {
	Group, Phase, Becomes, Field, Cluster, Text string
	Dots                                        int
	Paper                                       bool // typed in from a paper card
}

// DocSection is one group and phase of the documentation with its
// clusters, the most dotted first.
type DocSection struct {
	Group    domain.Group
	Phase    domain.Phase
	Clusters []DocCluster
}

// DocCluster is a cluster with its cards, the most dotted first, and
// their dots together.
type DocCluster struct {
	Title string
	Dots  int
	Cards []DocCard
}

// WorkshopDoc documents a workshop of the municipality for its moderators
// (printable, and as CSV or JSON): hidden cards are left out, and the
// cards of no cluster are listed under noCluster.
func (a *App) WorkshopDoc(ctx context.Context, w domain.Workshop, noCluster string) (WorkshopDoc, error) {
	board, err := a.Board(ctx, w, false)
	if err != nil {
		return WorkshopDoc{}, err
	}
	clusterTitle := map[int64]string{}
	for _, cl := range board.Clusters {
		clusterTitle[cl.ID] = cl.Title
	}
	days, err := a.WorkshopDays(ctx, w)
	if err != nil {
		return WorkshopDoc{}, err
	}
	doc := WorkshopDoc{LiveWorkshop: board.LiveWorkshop, Days: days}
	cards := make([]DocCard, len(board.Cards))
	for i, card := range board.Cards {
		g, _ := board.Group(card.GroupID)
		title := ""
		if card.ClusterID != nil {
			title = clusterTitle[*card.ClusterID]
		}
		// A card without a field of its own takes its group's at the
		// close, so the documentation names that one.
		field := card.ActionFieldID
		if field == nil {
			field = g.ActionFieldID
		}
		phase := phaseAt(board.Phases, card.Phase)
		cards[i] = DocCard{Group: g.Title, Phase: phase.Title, Becomes: phase.Becomes, Field: fieldTitle(board.Fields, field),
			Cluster: title, Text: card.Text, Dots: card.DotTotal, Paper: card.Paper}
		doc.Cards = append(doc.Cards, cards[i])
	}
	for _, g := range board.Groups {
		for _, p := range board.Phases {
			if s, ok := docSection(board.Cards, cards, g, p, noCluster); ok {
				doc.Sections = append(doc.Sections, s)
			}
		}
	}
	return doc, nil
}

// docSection gathers the cards of one group and phase by cluster title
// (docCards[i] documents cards[i]) and ranks clusters and cards by dots;
// false when there are none.
func docSection(cards []domain.Card, docCards []DocCard, g domain.Group, p domain.Phase, noCluster string) (DocSection, bool) {
	byCluster := map[string]*DocCluster{}
	var order []*DocCluster
	for i, card := range cards {
		if card.GroupID != g.ID || card.Phase != p.Position {
			continue
		}
		title := docCards[i].Cluster
		if title == "" {
			title = noCluster
		}
		dc, ok := byCluster[title]
		if !ok {
			dc = &DocCluster{Title: title}
			byCluster[title] = dc
			order = append(order, dc)
		}
		dc.Cards = append(dc.Cards, docCards[i])
		dc.Dots += card.DotTotal
	}
	if len(order) == 0 {
		return DocSection{}, false
	}
	section := DocSection{Group: g, Phase: p}
	sort.SliceStable(order, func(i, j int) bool { return order[i].Dots > order[j].Dots })
	for _, dc := range order {
		sort.SliceStable(dc.Cards, func(i, j int) bool { return dc.Cards[i].Dots > dc.Cards[j].Dots })
		section.Clusters = append(section.Clusters, *dc)
	}
	return section, true
}

// phaseAt is the phase at position.
func phaseAt(phases []domain.Phase, position int) domain.Phase {
	for _, p := range phases {
		if p.Position == position {
			return p
		}
	}
	return domain.Phase{}
}

// fieldTitle is the title of the action field with the id, "" for none.
func fieldTitle(fields []domain.ActionField, id *int64) string {
	if id == nil {
		return ""
	}
	for _, f := range fields {
		if f.ID == *id {
			return f.Title
		}
	}
	return ""
}

// DayInput is a day of a workshop as a form gives it: "2006-01-02" and
// hours as "18:30" (each may be empty).
type DayInput struct{ Date, Starts, Ends string }

// parseDays reads the filled-in days, in date order; it returns the
// catalog key of the first problem.
func parseDays(rows []DayInput) ([]domain.WorkshopDay, string) {
	var days []domain.WorkshopDay
	seen := map[string]bool{}
	for _, r := range rows {
		r = DayInput{strings.TrimSpace(r.Date), strings.TrimSpace(r.Starts), strings.TrimSpace(r.Ends)}
		if r.Date == "" {
			if r.Starts != "" || r.Ends != "" {
				return nil, "admin.error.date"
			}
			continue
		}
		day, ok := domain.ParseDay(r.Date)
		if !ok {
			return nil, "admin.error.date"
		}
		d := domain.WorkshopDay{Day: day, Starts: r.Starts, Ends: r.Ends}
		if key := d.Validate(); key != "" {
			return nil, key
		}
		if seen[r.Date] {
			return nil, "workshop.error.day_twice"
		}
		seen[r.Date] = true
		days = append(days, d)
	}
	if len(days) > domain.MaxWorkshopDays {
		return nil, "workshop.error.days"
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Day.Before(days[j].Day) })
	return days, ""
}

// WorkshopDetails are what a moderator may change until the workshop is
// closed.
type WorkshopDetails struct {
	Title, Place, Question string
	Days                   []DayInput
}

// UpdateWorkshopDetails changes a workshop's title, place, guiding
// question and days until it is closed (audited).
func (a *App) UpdateWorkshopDetails(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop, d WorkshopDetails) error {
	w.Title, w.Place, w.Question = strings.TrimSpace(d.Title), strings.TrimSpace(d.Place), strings.TrimSpace(d.Question)
	key := ""
	switch {
	case domain.ValidateText(w.Title, domain.MaxWorkshopTitle) != "":
		key = "workshop.error.title"
	case domain.ValidateLongText(w.Place, domain.MaxWorkshopPlace) != "":
		key = "workshop.error.place"
	case domain.ValidateLongText(w.Question, domain.MaxWorkshopQuestion) != "":
		key = "workshop.error.question"
	}
	days, dayKey := parseDays(d.Days)
	if key == "" {
		key = dayKey
	}
	if key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	if err := a.store.UpdateWorkshopDetails(ctx, actor, municipalityID, w, days); err != nil {
		return err
	}
	a.cache.forget(w.Code())
	return nil
}

// WorkshopDays are a workshop's days with their hours.
func (a *App) WorkshopDays(ctx context.Context, w domain.Workshop) ([]domain.WorkshopDay, error) {
	days, err := a.store.WorkshopDays(ctx, w.ProcessID)
	return days[w.ID], err
}

// DeleteWorkshop removes a workshop that was never opened (audited).
func (a *App) DeleteWorkshop(ctx context.Context, actor store.Actor, municipalityID int64, w domain.Workshop) error {
	return a.store.DeleteWorkshop(ctx, actor, municipalityID, w.ID)
}
