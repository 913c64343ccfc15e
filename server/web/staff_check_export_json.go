package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// staffCheckExportJSON downloads a round as JSON: the round, then one
// record per item with the keys of checkExportColumns.
func (h *Handler) staffCheckExportJSON(c *gin.Context) {
	cc, v, ok := h.loadCheckRound(c)
	if !ok {
		return
	}
	items := []map[string]string{}
	for _, row := range checkExportRows(v) {
		record := make(map[string]string, len(row))
		for i, key := range checkExportColumns {
			record[key] = row[i]
		}
		items = append(items, record)
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="bilanz-%d.json"`, v.Round.ID))
	c.JSON(http.StatusOK, gin.H{"municipality": cc.Municipality.Name, "process": cc.Process.Title, "round": v.Round.Title,
		"held_on": v.Round.HeldOn.Format(time.DateOnly), "items": items})
}
