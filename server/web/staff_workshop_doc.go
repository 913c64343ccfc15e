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
	case "csv":
		// For programs: stable column codes.
		writeDocCSV(c, doc, "", spreadsheetCSV, docColumns, "ja", h.docWords(c))
	case "excel":
		// For people: column names and "ja" in their language.
		lang := langOf(c)
		header := make([]string, len(docColumns))
		for i, col := range docColumns {
			header[i] = h.Catalog.Message(lang, "doc.column."+col)
		}
		writeDocCSV(c, doc, "-excel", excelCSV, header, h.Catalog.Message(lang, "doc.yes"), h.docWords(c))
	case "json":
		writeDocJSON(c, doc)
	default:
		h.render(c, http.StatusOK, "staff_workshop_doc", docPage{Municipality: municipalityOf(c), WorkshopDoc: doc})
	}
}

// docColumns are the spreadsheet's columns: the CSV's header, and the
// catalog keys doc.column.* of the Excel file's header.
var docColumns = []string{"gruppe", "phase", "wird", "handlungsfeld", "cluster", "karte", "punkte", "papier"}

// docWords words what a card becomes (domain.PhaseIdeas, …) for people.
func (h *Handler) docWords(c *gin.Context) func(string) string {
	lang := langOf(c)
	return func(b string) string { return h.Catalog.Message(lang, "doc.becomes."+b) }
}

// docFileName is the download's name without its extension: the
// workshop's id (unique) and first day (what people look for in a folder
// of downloads).
func docFileName(doc app.WorkshopDoc) string {
	name := "werkstatt-" + strconv.FormatInt(doc.Workshop.ID, 10)
	if day := doc.Workshop.HeldOn; day != nil {
		name += "-" + day.Format("2006-01-02")
	}
	return name
}

// writeDocCSV sends the documentation's cards as a spreadsheet, encoded
// by format into the file docFileName+suffix+".csv", under header; yes
// marks a paper card, becomes words what a card becomes.
func writeDocCSV(c *gin.Context, doc app.WorkshopDoc, suffix string, format func([][]string) []byte, header []string, yes string, becomes func(string) string) {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+docFileName(doc)+suffix+`.csv"`)
	rows := [][]string{header}
	for _, card := range doc.Cards {
		paper := ""
		if card.Paper {
			paper = yes
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
