package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/i18n"
)

// wallPage is the projector: the whole screen, no site chrome. A group's
// wall has one column per cluster of the current phase (and one for the
// cards in none); the overview has one column per group.
type wallPage struct {
	workshopContext
	Group       domain.Group // zero: overview of all groups
	JoinURL     string
	JoinHost    string // JoinURL in two parts, so that it breaks only between them
	JoinPath    string
	Columns     []wallColumn
	CardCount   int
	ShowTallies bool         // voting with tallies visible: dots appear on the cards
	Ranking     []rankedCard // when voting has closed: cards by dots
	MaxDots     int
	Results     []wallResult // once the workshop is closed: each phase's first places
	GroupCycle  string       // the walls G cycles through: "0" (overview), then each group's id
}

// wallColumn is one column of the wall. Cluster is set for a cluster's
// column; the column of cards in no cluster (or of a group, in the
// overview) carries the id "cards" or "cards-<group>" that live cards are
// added to.
type wallColumn struct {
	ID      string // the heading's id
	Title   string
	Cluster int64
	ListID  string
	Cards   []domain.Card
}

// workshopWall is the projector wall of a group (?gruppe=ID) or of all
// groups: QR code and join code while joining is open, the cards in
// columns, the timer, dots live while tallies are shown, and the ranking
// once voting has closed. static/wall.js fits it to the screen.
func (h *Handler) workshopWall(c *gin.Context) {
	// The hall reads the wall in the town's language, whatever the
	// projector laptop's browser prefers; ?lang= still chooses.
	if c.Query("lang") == "" && languageCookie(c.Request) == "" {
		c.Set(langKey, i18n.Languages[0])
		c.Header("Content-Language", i18n.Languages[0])
	}
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	join := h.path("workshopJoinForm", wc.Workshop.Code())
	page := wallPage{workshopContext: wc, JoinURL: h.Config.BaseURL + join, JoinHost: h.Config.BaseURL, JoinPath: join}
	groupID, _ := strconv.ParseInt(c.Query("gruppe"), 10, 64)
	if groupID > 0 {
		g, found := wc.Group(groupID)
		if !found {
			h.fail(c, domain.ErrNotFound)
			return
		}
		page.Group = g
	}
	view, err := h.App.Wall(c.Request.Context(), wc, groupID)
	if err != nil {
		h.fail(c, err)
		return
	}
	if groupID > 0 {
		page.Columns = clusterColumns(wc, groupID, view.Cards, view.Clusters, h.Catalog.Message(langOf(c), "workshop.no_cluster"),
			h.Catalog.Message(langOf(c), "workshop.cards"))
	} else {
		page.Columns = groupColumns(wc, view.Cards)
	}
	cycle := []string{"0"}
	for _, g := range wc.Groups {
		cycle = append(cycle, strconv.FormatInt(g.ID, 10))
	}
	page.GroupCycle = strings.Join(cycle, " ")
	page.CardCount = len(view.Cards)
	page.ShowTallies = wc.Workshop.VotingOpen && wc.Workshop.TalliesVisible
	if wc.Workshop.State == domain.WorkshopClosed {
		// The hall looks back on the whole workshop: the first places of
		// every phase that voted, or else every phase's cards.
		page.Results = results(view.Cards, wc)
		if len(page.Results) == 0 {
			page.Columns = phaseColumns(wc, view.Cards)
		}
	} else if !wc.Workshop.VotingOpen {
		page.Ranking = ranking(view.Cards, wc)
		if len(page.Ranking) > 0 {
			page.MaxDots = page.Ranking[0].DotTotal
		}
	}
	h.render(c, http.StatusOK, "workshop_wall", page)
}

// clusterColumns are a group wall's columns: each cluster of the current
// phase in the order it was named, then the cards in none.
func clusterColumns(wc workshopContext, groupID int64, cards []domain.Card, clusters []domain.Cluster, noCluster, allCards string) []wallColumn {
	var columns []wallColumn
	index := map[int64]int{}
	for _, cl := range clusters {
		if cl.Phase == wc.Workshop.CurrentPhase && cl.GroupID == groupID {
			index[cl.ID] = len(columns)
			columns = append(columns, wallColumn{ID: "cluster-" + strconv.FormatInt(cl.ID, 10), Title: cl.Title, Cluster: cl.ID})
		}
	}
	rest := wallColumn{ID: "cluster-none", Title: allCards, ListID: "cards"}
	if len(columns) > 0 {
		rest.Title = noCluster
	}
	for _, card := range cards {
		if card.ClusterID != nil {
			if i, ok := index[*card.ClusterID]; ok {
				columns[i].Cards = append(columns[i].Cards, card)
				continue
			}
		}
		rest.Cards = append(rest.Cards, card)
	}
	return append(columns, rest)
}

// groupColumns are the overview's columns: one per group.
func groupColumns(wc workshopContext, cards []domain.Card) []wallColumn {
	columns := make([]wallColumn, len(wc.Groups))
	index := map[int64]int{}
	for i, g := range wc.Groups {
		id := strconv.FormatInt(g.ID, 10)
		columns[i] = wallColumn{ID: "group-" + id, Title: g.Title, ListID: "cards-" + id}
		index[g.ID] = i
	}
	for _, card := range cards {
		if i, ok := index[card.GroupID]; ok {
			columns[i].Cards = append(columns[i].Cards, card)
		}
	}
	return columns
}

// rankingLength is how many cards the wall ranks: the hall reads the
// first places; the documentation lists every card.
const rankingLength = 10

// rankedCard is a card on the ranking: its place (equal dots, equal
// place) and its group, for the overview.
type rankedCard struct {
	domain.Card
	Rank  int
	Group string
}

// ranking is the cards that got dots, most first (ties in the order they
// were written, on the same place), at most rankingLength of them.
func ranking(cards []domain.Card, wc workshopContext) []rankedCard {
	var byDots []domain.Card
	for _, c := range cards {
		if c.DotTotal > 0 {
			byDots = append(byDots, c)
		}
	}
	sort.SliceStable(byDots, func(i, j int) bool { return byDots[i].DotTotal > byDots[j].DotTotal })
	ranked := make([]rankedCard, 0, min(len(byDots), rankingLength))
	for i, c := range byDots[:min(len(byDots), rankingLength)] {
		r := rankedCard{Card: c, Rank: i + 1}
		if i > 0 && c.DotTotal == byDots[i-1].DotTotal {
			r.Rank = ranked[i-1].Rank
		}
		if g, ok := wc.Group(c.GroupID); ok {
			r.Group = g.Title
		}
		ranked = append(ranked, r)
	}
	return ranked
}

// wallResult is one phase on the wall of a closed workshop: its cards
// with the most dots.
type wallResult struct {
	ID      string // the heading's id
	Phase   string
	Ranking []rankedCard
	MaxDots int
}

// resultLength is how many places a phase shows beside others on the
// closed wall; a single phase shows rankingLength.
const resultLength = 5

// results are the first places of each phase whose cards got dots, in
// the phases' order.
func results(cards []domain.Card, wc workshopContext) []wallResult {
	byPhase := map[int][]domain.Card{}
	for _, c := range cards {
		byPhase[c.Phase] = append(byPhase[c.Phase], c)
	}
	var list []wallResult
	for _, p := range wc.Phases {
		if r := ranking(byPhase[p.Position], wc); len(r) > 0 {
			list = append(list, wallResult{ID: "result-" + strconv.Itoa(p.Position), Phase: p.Title, Ranking: r, MaxDots: r[0].DotTotal})
		}
	}
	if len(list) > 1 {
		for i := range list {
			list[i].Ranking = list[i].Ranking[:min(len(list[i].Ranking), resultLength)]
		}
	}
	return list
}

// phaseColumns are the closed wall's columns when nobody voted: one per
// phase that has cards.
func phaseColumns(wc workshopContext, cards []domain.Card) []wallColumn {
	var columns []wallColumn
	for _, p := range wc.Phases {
		col := wallColumn{ID: "phase-" + strconv.Itoa(p.Position), Title: p.Title}
		for _, c := range cards {
			if c.Phase == p.Position {
				col.Cards = append(col.Cards, c)
			}
		}
		if len(col.Cards) > 0 {
			columns = append(columns, col)
		}
	}
	return columns
}
