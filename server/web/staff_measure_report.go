package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type measureReportPage struct {
	processContext
	State       domain.MeasureState
	Statuses    []string
	Report      domain.StatusReport
	Occurrence  domain.Occurrence
	Problems    []domain.FieldError
	ErrorKey    string
	Saved       bool
	Today       time.Time
	ProgressRaw string
}

// History is the staff view of the history, with the reporters' names.
func (p measureReportPage) History() historyView {
	return historyView{State: p.State, ShowAuthors: true}
}

// loadMeasureState resolves :process and the :measure parameter (a
// lineage) to where the adopted measure stands; on failure it has answered
// the request.
func (h *Handler) loadMeasureState(c *gin.Context) (processContext, domain.MeasureState, bool) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return cc, domain.MeasureState{}, false
	}
	lineage, err := strconv.ParseInt(c.Param("measure"), 10, 64)
	if err != nil || lineage <= 0 {
		h.fail(c, domain.ErrNotFound)
		return cc, domain.MeasureState{}, false
	}
	state, err := h.App.MeasureState(c.Request.Context(), cc.Process.ID, lineage, time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return cc, state, false
	}
	return cc, state, true
}

// staffMeasureReport shows a measure's reports and occurrences with the
// forms to add one.
func (h *Handler) staffMeasureReport(c *gin.Context) {
	cc, state, ok := h.loadMeasureState(c)
	if !ok {
		return
	}
	today := time.Now().UTC()
	h.render(c, http.StatusOK, "staff_measure_report", measureReportPage{processContext: cc, State: state, Statuses: domain.ReportStatuses,
		Report: domain.StatusReport{ReportedOn: today, Status: state.Status}, Occurrence: domain.Occurrence{OccurredOn: today},
		Saved: c.Query("gespeichert") == "1", Today: today})
}

// newMeasureReportPage is the page a refused report or occurrence comes
// back to: the forms as they were, but for the one sent.
func newMeasureReportPage(cc processContext, state domain.MeasureState) measureReportPage {
	return measureReportPage{processContext: cc, State: state, Statuses: domain.ReportStatuses, Today: time.Now().UTC(),
		Report: domain.StatusReport{Status: state.Status}, Occurrence: domain.Occurrence{}}
}

// measureReportDone answers a report or an occurrence: back to the
// measure, or the page again with the problems of a refusal or the
// message of a conflict (the same day logged twice).
func (h *Handler) measureReportDone(c *gin.Context, page measureReportPage, err error) {
	if err == nil {
		lineage := page.State.Entry.Measure.LineageID
		c.Redirect(http.StatusSeeOther, h.path("staffMeasureReport", page.processContext, lineage)+"?gespeichert=1")
		return
	}
	switch domain.ErrorCode(err) {
	case domain.CodeInvalid:
		page.ErrorKey, page.Problems = domain.ErrorMessageKey(err), fieldProblems(err)
		h.render(c, http.StatusUnprocessableEntity, "staff_measure_report", page)
	case domain.CodeConflict:
		page.ErrorKey = domain.ErrorMessageKey(err)
		h.render(c, http.StatusConflict, "staff_measure_report", page)
	default:
		h.fail(c, err)
	}
}

// fieldProblems are the field problems a refusal names.
func fieldProblems(err error) []domain.FieldError {
	var de *domain.Error
	if errors.As(err, &de) {
		return de.Fields
	}
	return nil
}
