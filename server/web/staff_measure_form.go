package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type measureFormPage struct {
	processContext
	Version    domain.ConceptVersion
	Objectives []objectiveChoice
	Measure    domain.Measure
	Number     string
	Sources    []domain.Contribution
	Timings    []string
	Priorities []string
	Recurs     []string
	Problems   []domain.FieldError
	ErrorKey   string
	Saved      bool
}

type objectiveChoice struct {
	ID    int64
	Label string
}

// renderMeasureForm shows measure m of version v: a form while v is a
// draft, with the contributions sourceIDs as its sources besides those
// already linked, and after a failed form its message and problems.
func (h *Handler) renderMeasureForm(c *gin.Context, status int, cc processContext, v domain.ConceptVersion, m domain.Measure, sourceIDs []int64, problems []domain.FieldError, errorKey string) {
	view, err := h.App.MeasureForm(c.Request.Context(), cc.ProcessScope, v, m, sourceIDs)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := measureFormPage{processContext: cc, Version: v, Measure: m, Number: view.Number, Sources: view.Sources,
		Timings: domain.MeasureTimings, Priorities: domain.MeasurePriorities, Recurs: domain.MeasureRecurrences,
		Problems: problems, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1"}
	for _, f := range view.Tree {
		for _, o := range f.Objectives {
			page.Objectives = append(page.Objectives, objectiveChoice{ID: o.Objective.ID, Label: o.Number + " " + o.Objective.Title})
		}
	}
	h.render(c, status, "staff_measure", page)
}

// measureFromForm reads the measure's fields from the posted form.
func measureFromForm(c *gin.Context, m domain.Measure) domain.Measure {
	form := c.Request.PostForm
	text := func(name string) string { return strings.TrimSpace(form.Get(name)) }
	m.ObjectiveID, _ = strconv.ParseInt(form.Get("objective"), 10, 64)
	m.Title, m.Description, m.TargetGroup = text("title"), text("description"), text("target_group")
	m.Lead, m.Partners, m.CostEstimate, m.Funding = text("lead"), text("partners"), text("cost_estimate"), text("funding")
	m.Indicator, m.Timing, m.Priority, m.Recurrence = text("indicator"), form.Get("timing"), form.Get("priority"), form.Get("recurrence")
	m.DueOn = nil
	if day, err := time.Parse(time.DateOnly, form.Get("due_on")); err == nil {
		m.DueOn = &day
	}
	return m
}

// measureSaved answers a form of a saved measure: to back when it is
// done; the form of m again with the message when the step is not
// allowed, the input invalid or a contribution not found; the error page
// otherwise.
func (h *Handler) measureSaved(c *gin.Context, cc processContext, v domain.ConceptVersion, m domain.Measure, err error, back string) {
	if err == nil {
		c.Redirect(http.StatusSeeOther, back)
		return
	}
	code := domain.ErrorCode(err)
	if code == domain.CodeConflict || code == domain.CodeInvalid || code == domain.CodeNotFound {
		h.renderMeasureForm(c, statusFor(code), cc, v, m, nil, nil, domain.ErrorMessageKey(err))
		return
	}
	h.fail(c, err)
}
