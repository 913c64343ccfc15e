package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type processAdminPage struct {
	Municipality domain.Municipality
	Process      domain.Process
	Fields       []domain.ActionField
	Milestones   []domain.Milestone
	ErrorKey     string
	Saved        bool
}

// staffProcess shows a process's settings, action fields and Fahrplan.
func (h *Handler) staffProcess(c *gin.Context) {
	p, ok := h.staffProcessLoad(c)
	if !ok {
		return
	}
	h.renderProcessAdmin(c, http.StatusOK, p, "")
}

func (h *Handler) renderProcessAdmin(c *gin.Context, status int, p domain.Process, errorKey string) {
	ctx := c.Request.Context()
	fields, err := h.Store.ActionFields(ctx, p.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	milestones, err := h.Store.Milestones(ctx, p.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_process", processAdminPage{
		Municipality: municipalityOf(c), Process: p, Fields: fields, Milestones: milestones,
		ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1",
	})
}

// staffProcessUpdate saves title, description and the moderation mode.
func (h *Handler) staffProcessUpdate(c *gin.Context) {
	p, ok := h.staffProcessPost(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	p.Title = strings.TrimSpace(form.Get("title"))
	p.Description = strings.TrimSpace(form.Get("description"))
	p.Moderation = form.Get("moderation")
	if key := validateProcess(p); key != "" {
		h.renderProcessAdmin(c, http.StatusUnprocessableEntity, p, key)
		return
	}
	if err := h.Store.UpdateProcess(c.Request.Context(), staffOf(c).Actor(), p); err != nil {
		h.fail(c, err)
		return
	}
	h.backToProcess(c, p)
}

// staffActionFieldCreate appends an action field.
func (h *Handler) staffActionFieldCreate(c *gin.Context) {
	p, ok := h.staffProcessPost(c)
	if !ok {
		return
	}
	f := domain.ActionField{ProcessID: p.ID, Title: strings.TrimSpace(c.Request.PostForm.Get("title")),
		Question: strings.TrimSpace(c.Request.PostForm.Get("question"))}
	key := domain.ValidateText(f.Title, 120)
	if key == "" {
		key = domain.ValidateLongText(f.Question, 600)
	}
	if key != "" {
		h.renderProcessAdmin(c, http.StatusUnprocessableEntity, p, key)
		return
	}
	if err := h.Store.AddActionField(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, f); err != nil {
		h.fail(c, err)
		return
	}
	h.backToProcess(c, p)
}

// staffMilestoneCreate appends a Fahrplan entry (date optional).
func (h *Handler) staffMilestoneCreate(c *gin.Context) {
	p, ok := h.staffProcessPost(c)
	if !ok {
		return
	}
	m, key := milestoneFromForm(c.Request.PostForm, domain.Milestone{ProcessID: p.ID, Kind: "event"})
	if key != "" {
		h.renderProcessAdmin(c, http.StatusUnprocessableEntity, p, key)
		return
	}
	if err := h.Store.AddMilestone(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, m); err != nil {
		h.fail(c, err)
		return
	}
	h.backToProcess(c, p)
}

// staffProcessPost resolves :process and reads the posted form.
func (h *Handler) staffProcessPost(c *gin.Context) (domain.Process, bool) {
	p, ok := h.staffProcessLoad(c)
	return p, ok && h.parseForm(c)
}

func (h *Handler) backToProcess(c *gin.Context, p domain.Process) {
	c.Redirect(http.StatusSeeOther, "/intern/k/"+municipalityOf(c).Slug+"/verfahren/"+p.Slug+"?gespeichert=1")
}

// milestoneFromForm reads a Fahrplan entry (date optional) into m and
// returns the catalog key of its first problem, or "".
func milestoneFromForm(form url.Values, m domain.Milestone) (domain.Milestone, string) {
	m.Title, m.Description = strings.TrimSpace(form.Get("title")), strings.TrimSpace(form.Get("description"))
	m.Done, m.OccursOn, m.DatePrecision = form.Get("done") == "yes", nil, domain.PrecisionNone
	key := domain.ValidateText(m.Title, 160)
	if key == "" {
		key = domain.ValidateLongText(m.Description, 1000)
	}
	if v := form.Get("date"); v != "" && key == "" {
		d, ok := domain.ParseDay(v)
		if !ok {
			key = "admin.error.date"
		} else {
			m.OccursOn, m.DatePrecision = &d, domain.PrecisionDay
		}
	}
	return m, key
}
