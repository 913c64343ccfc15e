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
	curationContext
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

// measureNew shows the form for a new measure of the draft, with the
// contributions selected on the curation board as its sources.
func (h *Handler) measureNew(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return
	}
	ids, ok := formIDs(c.QueryArray("beitrag"))
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	v, err := h.Store.Draft(c.Request.Context(), staffOf(c).Actor(), cc.Municipality.ID, cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	m := domain.Measure{VersionID: v.ID, Timing: "mittelfristig", Priority: "mittel", Recurrence: "einmalig"}
	m.ObjectiveID, _ = strconv.ParseInt(c.Query("ziel"), 10, 64)
	h.renderMeasureForm(c, http.StatusOK, cc, v, m, ids, nil, "")
}

func (h *Handler) renderMeasureForm(c *gin.Context, status int, cc curationContext, v domain.ConceptVersion, m domain.Measure, sourceIDs []int64, problems []domain.FieldError, errorKey string) {
	ctx := c.Request.Context()
	concept, err := h.Store.Concept(ctx, v)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := measureFormPage{curationContext: cc, Version: v, Measure: m, Timings: domain.MeasureTimings,
		Priorities: domain.MeasurePriorities, Recurs: domain.MeasureRecurrences, Problems: problems, ErrorKey: errorKey,
		Saved: c.Query("gespeichert") == "1"}
	for _, f := range concept.Tree() {
		for _, o := range f.Objectives {
			page.Objectives = append(page.Objectives, objectiveChoice{ID: o.Objective.ID, Label: o.Number + " " + o.Objective.Title})
			for _, e := range o.Measures {
				if e.Measure.ID == m.ID {
					page.Number = e.Number
				}
			}
		}
	}
	if m.ID != 0 {
		page.Sources = concept.Sources[m.ID]
	}
	for _, id := range sourceIDs {
		src, err := h.Store.Contribution(ctx, cc.Process.ID, id)
		if err != nil {
			h.fail(c, err)
			return
		}
		page.Sources = append(page.Sources, src)
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

// measureCreate stores a new measure with its sources.
func (h *Handler) measureCreate(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok || !h.parseForm(c) {
		return
	}
	ids, ok := formIDs(c.Request.PostForm["beitrag"])
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	ctx := c.Request.Context()
	v, err := h.Store.Draft(ctx, staffOf(c).Actor(), cc.Municipality.ID, cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	m := measureFromForm(c, domain.Measure{VersionID: v.ID})
	if problems := m.Validate(); len(problems) > 0 {
		h.renderMeasureForm(c, http.StatusUnprocessableEntity, cc, v, m, ids, problems, "error.validation")
		return
	}
	saved, err := h.Store.SaveMeasure(ctx, staffOf(c).Actor(), cc.Municipality.ID, cc.Process.ID, m, ids)
	if err != nil {
		if code := domain.ErrorCode(err); code == domain.CodeConflict || code == domain.CodeInvalid {
			h.renderMeasureForm(c, statusFor(code), cc, v, m, ids, nil, domain.ErrorMessageKey(err))
			return
		}
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, cc.StaffBase+"/konzept/massnahmen/"+strconv.FormatInt(saved.ID, 10)+"?gespeichert=1")
}
