package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type docPage struct {
	Municipality domain.Municipality
	app.WorkshopDoc
}

// staffWorkshopDoc is the workshop's documentation: per group and phase
// the clusters, cards and dot ranking; printable, and as CSV or JSON
// (?format=csv|json).
func (h *Handler) staffWorkshopDoc(c *gin.Context) {
	w, ok := h.staffWorkshop(c)
	if !ok {
		return
	}
	doc, err := h.App.WorkshopDoc(c.Request.Context(), w, h.Catalog.Message(langOf(c), "workshop.no_cluster"))
	if err != nil {
		h.fail(c, err)
		return
	}
	switch c.Query("format") {
	case "csv":
		writeDocCSV(c, doc)
	case "json":
		writeDocJSON(c, doc)
	default:
		h.render(c, http.StatusOK, "staff_workshop_doc", docPage{Municipality: municipalityOf(c), WorkshopDoc: doc})
	}
}

// docFileName is the download's name without its extension.
func docFileName(doc app.WorkshopDoc) string {
	return "werkstatt-" + strconv.FormatInt(doc.Workshop.ID, 10)
}

// writeDocCSV sends the documentation's cards as a spreadsheet.
func writeDocCSV(c *gin.Context, doc app.WorkshopDoc) {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+docFileName(doc)+`.csv"`)
	rows := [][]string{{"gruppe", "phase", "cluster", "karte", "punkte", "papier"}}
	for _, card := range doc.Cards {
		paper := ""
		if card.Paper {
			paper = "ja"
		}
		rows = append(rows, []string{card.Group, card.Phase, card.Cluster, card.Text, strconv.Itoa(card.Dots), paper})
	}
	_, _ = c.Writer.Write(spreadsheetCSV(rows))
}

type docJSONCard struct {
	Group   string `json:"group"`
	Phase   string `json:"phase"`
	Cluster string `json:"cluster"`
	Text    string `json:"text"`
	Dots    int    `json:"dots"`
	Paper   bool   `json:"paper"`
}

// writeDocJSON sends the documentation's cards as JSON.
func writeDocJSON(c *gin.Context, doc app.WorkshopDoc) {
	list := make([]docJSONCard, 0, len(doc.Cards))
	for _, card := range doc.Cards {
		list = append(list, docJSONCard{Group: card.Group, Phase: card.Phase, Cluster: card.Cluster, Text: card.Text, Dots: card.Dots, Paper: card.Paper})
	}
	c.Header("Content-Disposition", `attachment; filename="`+docFileName(doc)+`.json"`)
	w := doc.Workshop
	c.JSON(http.StatusOK, gin.H{"workshop": w.Title, "place": w.Place, "cards": list})
}
