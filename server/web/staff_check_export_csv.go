package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
)

// checkExportColumns are the columns of a round's CSV and the keys of its
// JSON records (README: "Bilanzwerkstatt").
var checkExportColumns = []string{"field", "field_title", "topic", "item", "question", "status", "need", "note", "owner", "updated_at"}

// checkExportRows are a round's items, one row each, in checkExportColumns'
// order: status and need as their codes (domain.CheckStatuses,
// domain.CheckNeeds, "" for not yet answered), the time in UTC.
func checkExportRows(v app.CheckRoundView) [][]string {
	var rows [][]string
	for _, f := range v.Fields {
		for _, item := range f.Items {
			updated := ""
			if item.Answer.UpdatedAt != nil {
				updated = item.Answer.UpdatedAt.UTC().Format(time.RFC3339)
			}
			rows = append(rows, []string{strconv.Itoa(f.Field.Position), f.Field.Title, item.Item.Topic, strconv.Itoa(item.Item.Position),
				item.Item.Question, item.Answer.Status, item.Answer.Need, item.Answer.Note, item.Answer.Owner, updated})
		}
	}
	return rows
}

// staffCheckExportCSV downloads a round as CSV, safe to open in a
// spreadsheet.
func (h *Handler) staffCheckExportCSV(c *gin.Context) {
	_, v, ok := h.loadCheckRound(c)
	if !ok {
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="bilanz-%d.csv"`, v.Round.ID))
	c.Data(http.StatusOK, "text/csv; charset=utf-8", spreadsheetCSV(append([][]string{checkExportColumns}, checkExportRows(v)...)))
}
