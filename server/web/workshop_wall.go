package web

import (
	"net/http"
	"sort"
	"strconv"
	"zukunftswerk/server/live"

	"github.com/gin-gonic/gin"
	qrcode "github.com/skip2/go-qrcode"

	"zukunftswerk/server/domain"
)

type wallPage struct {
	workshopContext
	Group    domain.Group // zero: overview of all groups
	Cards    []domain.Card
	Clusters []domain.Cluster
	JoinURL  string
	Ranking  []domain.Card // when voting has closed: cards by dots
	MaxDots  int
	// The cards grouped by cluster, in the order the clusters were named.
	ClusterSections []wallCluster
	Unclustered     []domain.Card
}

type wallCluster struct {
	ID    int64
	Title string
	Cards []domain.Card
}

// workshopWall is the projector wall of a group (?gruppe=ID) or of all
// groups: large type, QR code and join code while joining is open, the
// cards by cluster, the timer, and the ranking once voting has closed.
func (h *Handler) workshopWall(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	page := wallPage{workshopContext: wc, JoinURL: h.Config.BaseURL + h.path("workshopJoinForm", wc.Workshop.Code())}
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
	cards, clusters := view.Cards, view.Clusters
	page.Cards, page.Clusters = cards, clusters
	index := map[int64]int{}
	for _, cl := range clusters {
		if cl.Phase == wc.Workshop.CurrentPhase && (groupID == 0 || cl.GroupID == groupID) {
			index[cl.ID] = len(page.ClusterSections)
			page.ClusterSections = append(page.ClusterSections, wallCluster{ID: cl.ID, Title: cl.Title})
		}
	}
	for _, card := range cards {
		if card.ClusterID != nil {
			if i, ok := index[*card.ClusterID]; ok {
				page.ClusterSections[i].Cards = append(page.ClusterSections[i].Cards, card)
				continue
			}
		}
		page.Unclustered = append(page.Unclustered, card)
	}
	if !wc.Workshop.VotingOpen && anyDots(cards) {
		page.Ranking = append([]domain.Card(nil), cards...)
		sort.SliceStable(page.Ranking, func(i, j int) bool { return page.Ranking[i].DotTotal > page.Ranking[j].DotTotal })
		page.MaxDots = max(page.Ranking[0].DotTotal, 1)
	}
	h.render(c, http.StatusOK, "workshop_wall", page)
}

func anyDots(cards []domain.Card) bool {
	for _, c := range cards {
		if c.DotTotal > 0 {
			return true
		}
	}
	return false
}

// workshopQR is the QR code of the join URL as a PNG.
func (h *Handler) workshopQR(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	png, err := qrcode.Encode(h.Config.BaseURL+h.path("workshopJoinForm", wc.Workshop.Code()), qrcode.Medium, 512)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, "image/png", png)
}

// workshopState is the state as JSON, for a phone that comes back after a
// gap in the event stream.
func (h *Handler) workshopState(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, live.NewStateEvent(wc.Workshop, nowUTC()))
}
