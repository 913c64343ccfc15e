package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type implementationPage struct {
	curationContext
	Concept *domain.Concept
	States  []domain.MeasureState
}

// staffImplementation lists the adopted measures with where they stand,
// for the administration and the project group.
func (h *Handler) staffImplementation(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return
	}
	im, err := h.App.Implementation(c.Request.Context(), cc.Process.ID, time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "staff_implementation", implementationPage{curationContext: cc, Concept: im.Concept, States: im.States})
}

type measureReportPage struct {
	curationContext
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

func (h *Handler) loadMeasureState(c *gin.Context) (curationContext, domain.MeasureState, bool) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return cc, domain.MeasureState{}, false
	}
	lineage, err := strconv.ParseInt(c.Param("measure"), 10, 64)
	if err != nil || lineage <= 0 {
		h.fail(c, domain.ErrNotFound)
		return cc, domain.MeasureState{}, false
	}
	im, err := h.App.Implementation(c.Request.Context(), cc.Process.ID, time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return cc, domain.MeasureState{}, false
	}
	state, found := im.State(lineage)
	if !found {
		h.fail(c, domain.ErrNotFound)
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
	h.render(c, http.StatusOK, "staff_measure_report", measureReportPage{curationContext: cc, State: state, Statuses: domain.ReportStatuses,
		Report: domain.StatusReport{ReportedOn: today, Status: state.Status}, Occurrence: domain.Occurrence{OccurredOn: today},
		Saved: c.Query("gespeichert") == "1", Today: today})
}

// staffMeasureReportCreate adds a status report or logs an occurrence.
func (h *Handler) staffMeasureReportCreate(c *gin.Context) {
	cc, state, ok := h.loadMeasureState(c)
	if !ok || !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	lineage := state.Entry.Measure.LineageID
	page := measureReportPage{curationContext: cc, State: state, Statuses: domain.ReportStatuses, Today: time.Now().UTC(),
		Report: domain.StatusReport{Status: state.Status}, Occurrence: domain.Occurrence{}}
	ctx := c.Request.Context()
	var err error
	switch form.Get("action") {
	case "report":
		r := domain.StatusReport{ProcessID: cc.Process.ID, LineageID: lineage, Status: form.Get("status"),
			Text: strings.TrimSpace(form.Get("text")), IndicatorValue: strings.TrimSpace(form.Get("indicator_value"))}
		r.ReportedOn, _ = time.Parse(time.DateOnly, form.Get("reported_on"))
		if day, perr := time.Parse(time.DateOnly, form.Get("new_date")); perr == nil {
			r.NewDate = &day
		}
		page.ProgressRaw = strings.TrimSpace(form.Get("progress"))
		if page.ProgressRaw != "" {
			n, perr := strconv.Atoi(page.ProgressRaw)
			if perr != nil {
				n = -1 // reported as out of range
			}
			r.Progress = &n
		}
		page.Report = r
		if page.Problems = r.Validate(); len(page.Problems) > 0 {
			page.ErrorKey = "error.validation"
			h.render(c, http.StatusUnprocessableEntity, "staff_measure_report", page)
			return
		}
		_, err = h.Store.AddReport(ctx, staffOf(c).Actor(), cc.Municipality.ID, r)
	case "occurrence":
		o := domain.Occurrence{ProcessID: cc.Process.ID, LineageID: lineage, Note: strings.TrimSpace(form.Get("note"))}
		o.OccurredOn, _ = time.Parse(time.DateOnly, form.Get("occurred_on"))
		if raw := strings.TrimSpace(form.Get("attendance")); raw != "" {
			n, perr := strconv.Atoi(raw)
			if perr != nil {
				n = -1
			}
			o.Attendance = &n
		}
		page.Occurrence = o
		if page.Problems = o.Validate(); len(page.Problems) > 0 {
			page.ErrorKey = "error.validation"
			h.render(c, http.StatusUnprocessableEntity, "staff_measure_report", page)
			return
		}
		_, err = h.Store.AddOccurrence(ctx, staffOf(c).Actor(), cc.Municipality.ID, o)
	default:
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	if err != nil {
		if domain.ErrorCode(err) == domain.CodeConflict {
			page.ErrorKey = domain.ErrorMessageKey(err)
			h.render(c, http.StatusConflict, "staff_measure_report", page)
			return
		}
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, cc.StaffBase+"/umsetzung/"+strconv.FormatInt(lineage, 10)+"?gespeichert=1")
}

// History is the staff view of the history, with the reporters' names.
func (p measureReportPage) History() historyView {
	return historyView{State: p.State, ShowAuthors: true}
}
