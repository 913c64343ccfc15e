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
	Date     string
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
	if key == "" && draft.Date != "" {
		d, ok := domain.ParseDay(draft.Date)
		if !ok {
			key = "admin.error.date"
		}
		w.HeldOn = &d
	}
	if key != "" {
		return 0, domain.Errorf(domain.CodeInvalid, key)
	}
	phases := defaultPhases(translate)
	for i, b := range draft.Becomes {
		if i < len(phases) && (b == domain.PhaseIdeas || b == domain.PhaseChallenges) {
			phases[i].Becomes = b
		}
	}
	return a.store.CreateWorkshop(ctx, actor, municipalityID, w, phases, groups)
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
	Cards    []DocCard
	Sections []DocSection
}

// DocCard is one card of the documentation; Cluster is "" for a card in
// no cluster.
type DocCard struct {
	Group, Phase, Cluster, Text string
	Dots                        int
	Paper                       bool // typed in from a paper card
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
	Cards []domain.Card
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
	doc := WorkshopDoc{LiveWorkshop: board.LiveWorkshop}
	for _, card := range board.Cards {
		g, _ := board.Group(card.GroupID)
		title := ""
		if card.ClusterID != nil {
			title = clusterTitle[*card.ClusterID]
		}
		doc.Cards = append(doc.Cards, DocCard{Group: g.Title, Phase: phaseTitle(board.Phases, card.Phase), Cluster: title, Text: card.Text, Dots: card.DotTotal, Paper: card.Paper})
	}
	for _, g := range board.Groups {
		for _, p := range board.Phases {
			if s, ok := docSection(board.Cards, g, p, clusterTitle, noCluster); ok {
				doc.Sections = append(doc.Sections, s)
			}
		}
	}
	return doc, nil
}

// docSection gathers the cards of one group and phase by cluster title
// and ranks clusters and cards by dots; false when there are none.
func docSection(cards []domain.Card, g domain.Group, p domain.Phase, clusterTitle map[int64]string, noCluster string) (DocSection, bool) {
	byCluster := map[string]*DocCluster{}
	var order []*DocCluster
	for _, card := range cards {
		if card.GroupID != g.ID || card.Phase != p.Position {
			continue
		}
		title := noCluster
		if card.ClusterID != nil {
			title = clusterTitle[*card.ClusterID]
		}
		dc, ok := byCluster[title]
		if !ok {
			dc = &DocCluster{Title: title}
			byCluster[title] = dc
			order = append(order, dc)
		}
		dc.Cards = append(dc.Cards, card)
		dc.Dots += card.DotTotal
	}
	if len(order) == 0 {
		return DocSection{}, false
	}
	section := DocSection{Group: g, Phase: p}
	sort.SliceStable(order, func(i, j int) bool { return order[i].Dots > order[j].Dots })
	for _, dc := range order {
		sort.SliceStable(dc.Cards, func(i, j int) bool { return dc.Cards[i].DotTotal > dc.Cards[j].DotTotal })
		section.Clusters = append(section.Clusters, *dc)
	}
	return section, true
}

// phaseTitle is the title of the phase at position.
func phaseTitle(phases []domain.Phase, position int) string {
	for _, p := range phases {
		if p.Position == position {
			return p.Title
		}
	}
	return ""
}
