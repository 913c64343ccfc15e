package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/chart"
	"zukunftswerk/server/domain"
)

type checkResultPage struct {
	processContext
	app.CheckRoundView
	Statuses, Needs []string
	// HeatMap is fields × needs (and "open": not yet answered).
	HeatMap  chart.HeatMap
	HeatKeys []string // the heat map's columns: the needs, then ""
	WithNeed []app.CheckNeedItem
}

// staffCheckResult is what a round found: per field the counts by need as
// a heat map with its table, by status as a table, and the items that call
// for action, the most urgent first. It prints on paper as it is.
func (h *Handler) staffCheckResult(c *gin.Context) {
	cc, v, ok := h.loadCheckRound(c)
	if !ok {
		return
	}
	lang := langOf(c)
	page := checkResultPage{processContext: cc, CheckRoundView: v, Statuses: domain.CheckStatuses, Needs: domain.CheckNeeds,
		HeatKeys: append(append([]string{}, domain.CheckNeeds...), ""), WithNeed: v.WithNeed()}
	var rows []string
	var values [][]int
	for _, f := range v.Fields {
		rows = append(rows, h.Catalog.Message(lang, "check.field_short", f.Field.Position))
		var counts []int
		for _, need := range page.HeatKeys {
			counts = append(counts, f.ByNeed[need])
		}
		values = append(values, counts)
	}
	var columns []string
	for _, need := range page.HeatKeys {
		columns = append(columns, h.checkNeedLabel(lang, need))
	}
	// Only the needs that call for action are shaded: "kein Bedarf" and
	// "offen" stand beside them, or the unanswered items would be the
	// darkest cells of a first sitting.
	page.HeatMap = chart.NewHeatMap(rows, columns, values, 3)
	h.render(c, http.StatusOK, "staff_check_result", page)
}

// checkNeedLabel words a need, "" (not answered yet) as "open".
func (h *Handler) checkNeedLabel(lang, need string) string {
	if need == "" {
		return h.Catalog.Message(lang, "check.open")
	}
	return h.Catalog.Message(lang, "check.need."+need)
}

// loadCheckRound resolves the staff process and the :round parameter and
// loads the round; on failure it has already answered.
func (h *Handler) loadCheckRound(c *gin.Context) (processContext, app.CheckRoundView, bool) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return cc, app.CheckRoundView{}, false
	}
	roundID, err := strconv.ParseInt(c.Param("round"), 10, 64)
	if err != nil || roundID <= 0 {
		h.fail(c, domain.ErrNotFound)
		return cc, app.CheckRoundView{}, false
	}
	v, err := h.App.CheckRound(c.Request.Context(), cc.ProcessScope, roundID)
	if err != nil {
		h.fail(c, err)
		return cc, v, false
	}
	return cc, v, true
}
