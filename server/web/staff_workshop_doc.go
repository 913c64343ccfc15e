package web

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// docSection is one group and phase of the documentation: clusters with
// their cards, ranked by dots.
type docSection struct {
	Group    domain.Group
	Phase    domain.Phase
	Clusters []docCluster
}

type docCluster struct {
	Title string
	Dots  int
	Cards []domain.Card
}

type docPage struct {
	Municipality domain.Municipality
	workshopContext
	Sections []docSection
	BaseURL  string
}

// staffWorkshopDoc is the workshop's documentation: per group and phase
// the clusters, cards and dot ranking; printable, and as CSV or JSON
// (?format=csv|json).
func (h *Handler) staffWorkshopDoc(c *gin.Context) {
	board, ok := h.staffWorkshopBoard(c, false)
	if !ok {
		return
	}
	wc, cards, clusters := board.LiveWorkshop, board.Cards, board.Clusters
	w := wc.Workshop
	clusterTitle := map[int64]string{}
	for _, cl := range clusters {
		clusterTitle[cl.ID] = cl.Title
	}
	switch c.Query("format") {
	case "csv":
		c.Header("Content-Type", "text/csv; charset=utf-8")
		c.Header("Content-Disposition", `attachment; filename="werkstatt-`+strconv.FormatInt(w.ID, 10)+`.csv"`)
		rows := [][]string{{"gruppe", "phase", "cluster", "karte", "punkte"}}
		for _, card := range cards {
			g, _ := wc.Group(card.GroupID)
			title := ""
			if card.ClusterID != nil {
				title = clusterTitle[*card.ClusterID]
			}
			rows = append(rows, []string{g.Title, phaseTitle(wc, card.Phase), title, card.Text, strconv.Itoa(card.DotTotal)})
		}
		_, _ = c.Writer.Write(spreadsheetCSV(rows))
		return
	case "json":
		type jsonCard struct {
			Group   string `json:"group"`
			Phase   string `json:"phase"`
			Cluster string `json:"cluster"`
			Text    string `json:"text"`
			Dots    int    `json:"dots"`
		}
		list := make([]jsonCard, 0, len(cards))
		for _, card := range cards {
			g, _ := wc.Group(card.GroupID)
			title := ""
			if card.ClusterID != nil {
				title = clusterTitle[*card.ClusterID]
			}
			list = append(list, jsonCard{Group: g.Title, Phase: phaseTitle(wc, card.Phase), Cluster: title, Text: card.Text, Dots: card.DotTotal})
		}
		c.Header("Content-Disposition", `attachment; filename="werkstatt-`+strconv.FormatInt(w.ID, 10)+`.json"`)
		c.JSON(http.StatusOK, gin.H{"workshop": w.Title, "place": w.Place, "cards": list})
		return
	}
	noCluster := h.Catalog.Message(langOf(c), "workshop.no_cluster")
	var sections []docSection
	for _, g := range wc.Groups {
		for _, p := range wc.Phases {
			byCluster := map[string]*docCluster{}
			var order []*docCluster
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
					dc = &docCluster{Title: title}
					byCluster[title] = dc
					order = append(order, dc)
				}
				dc.Cards = append(dc.Cards, card)
				dc.Dots += card.DotTotal
			}
			if len(order) == 0 {
				continue
			}
			section := docSection{Group: g, Phase: p}
			sort.SliceStable(order, func(i, j int) bool { return order[i].Dots > order[j].Dots })
			for _, dc := range order {
				sort.SliceStable(dc.Cards, func(i, j int) bool { return dc.Cards[i].DotTotal > dc.Cards[j].DotTotal })
				section.Clusters = append(section.Clusters, *dc)
			}
			sections = append(sections, section)
		}
	}
	h.render(c, http.StatusOK, "staff_workshop_doc", docPage{Municipality: municipalityOf(c), workshopContext: wc, Sections: sections,
		BaseURL: "/intern/k/" + municipalityOf(c).Slug + "/werkstaetten/" + strconv.FormatInt(w.ID, 10)})
}

func phaseTitle(wc workshopContext, position int) string {
	for _, p := range wc.Phases {
		if p.Position == position {
			return p.Title
		}
	}
	return ""
}
