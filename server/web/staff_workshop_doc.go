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
// (?format=csv|excel|json: comma-separated CSV, CSV for German Excel,
// JSON).
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
	case "csv", "excel":
		becomes := func(b string) string { return h.Catalog.Message(langOf(c), "doc.becomes."+b) }
		if c.Query("format") == "excel" {
			writeDocCSV(c, doc, "-excel", excelCSV, becomes)
		} else {
			writeDocCSV(c, doc, "", spreadsheetCSV, becomes)
		}
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

// writeDocCSV sends the documentation's cards as a spreadsheet, encoded
// by format into the file docFileName+suffix+".csv"; becomes words what
// a card becomes for people.
func writeDocCSV(c *gin.Context, doc app.WorkshopDoc, suffix string, format func([][]string) []byte, becomes func(string) string) {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+docFileName(doc)+suffix+`.csv"`)
	rows := [][]string{{"gruppe", "phase", "wird", "handlungsfeld", "cluster", "karte", "punkte", "papier"}}
	for _, card := range doc.Cards {
		paper := ""
		if card.Paper {
			paper = "ja"
		}
		rows = append(rows, []string{card.Group, card.Phase, becomes(card.Becomes), card.Field, card.Cluster, card.Text, strconv.Itoa(card.Dots), paper})
	}
	_, _ = c.Writer.Write(format(rows))
}

type docJSONCard struct {
	Group   string `json:"group"`
	Phase   string `json:"phase"`
	Cluster string `json:"cluster"`
	Becomes string `json:"becomes"`
	Field   string `json:"action_field"`
	Text    string `json:"text"`
	Dots    int    `json:"dots"`
	Paper   bool   `json:"paper"`
}

// writeDocJSON sends the documentation's cards as JSON.
func writeDocJSON(c *gin.Context, doc app.WorkshopDoc) {
	list := make([]docJSONCard, 0, len(doc.Cards))
	for _, card := range doc.Cards {
		list = append(list, docJSONCard{Group: card.Group, Phase: card.Phase, Cluster: card.Cluster, Becomes: card.Becomes, Field: card.Field, Text: card.Text, Dots: card.Dots, Paper: card.Paper})
	}
	c.Header("Content-Disposition", `attachment; filename="`+docFileName(doc)+`.json"`)
	w := doc.Workshop
	c.JSON(http.StatusOK, gin.H{"workshop": w.Title, "place": w.Place, "cards": list})
}
