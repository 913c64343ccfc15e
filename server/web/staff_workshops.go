package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type workshopsPage struct {
	Municipality domain.Municipality
	Workshops    []domain.Workshop
	Processes    []domain.Process
	Kinds        []string
	Form         workshopForm
	ErrorKey     string
}

type workshopForm struct {
	ProcessID              int64
	Kind, Title, Place     string
	Date, Question, Groups string
	Budget, Max            int
	TalliesVisible         bool
}

// staffWorkshop resolves :workshop within the guarded municipality.
func (h *Handler) staffWorkshop(c *gin.Context) (domain.Workshop, bool) {
	id, err := strconv.ParseInt(c.Param("workshop"), 10, 64)
	if err != nil {
		h.fail(c, domain.ErrNotFound)
		return domain.Workshop{}, false
	}
	w, err := h.Store.Workshop(c.Request.Context(), municipalityOf(c).ID, id)
	if err != nil {
		h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
		return w, false
	}
	return w, true
}

// staffWorkshopPost resolves :workshop and reads the posted form.
func (h *Handler) staffWorkshopPost(c *gin.Context) (domain.Workshop, bool) {
	w, ok := h.staffWorkshop(c)
	return w, ok && h.parseForm(c)
}

// staffWorkshops lists the municipality's workshops and offers the form to
// prepare a new one (moderation).
func (h *Handler) staffWorkshops(c *gin.Context) {
	h.renderWorkshops(c, http.StatusOK, workshopForm{Kind: "zukunft", Budget: 3, Max: 3, TalliesVisible: true}, "")
}

func (h *Handler) renderWorkshops(c *gin.Context, status int, form workshopForm, errorKey string) {
	m := municipalityOf(c)
	ctx := c.Request.Context()
	workshops, err := h.Store.Workshops(ctx, m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	processes, err := h.Store.Processes(ctx, m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_workshops", workshopsPage{Municipality: m, Workshops: workshops, Processes: processes,
		Kinds: domain.WorkshopKinds, Form: form, ErrorKey: errorKey})
}

// staffWorkshopCreate prepares a workshop: kind, title, date, place,
// guiding question, working groups (one per line), the three default
// phases of a Zukunftswerkstatt and the dot rules.
func (h *Handler) staffWorkshopCreate(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	m := municipalityOf(c)
	f := c.Request.PostForm
	form := workshopForm{Kind: f.Get("kind"), Title: strings.TrimSpace(f.Get("title")), Place: strings.TrimSpace(f.Get("place")),
		Date: f.Get("date"), Question: strings.TrimSpace(f.Get("question")), Groups: f.Get("groups"),
		TalliesVisible: f.Get("tallies") == "visible"}
	form.ProcessID, _ = strconv.ParseInt(f.Get("process"), 10, 64)
	form.Budget, _ = strconv.Atoi(f.Get("budget"))
	form.Max, _ = strconv.Atoi(f.Get("max"))

	w := domain.Workshop{ProcessID: form.ProcessID, Kind: form.Kind, Title: form.Title, Place: form.Place, Question: form.Question,
		DotBudget: form.Budget, MaxDotsPerCard: form.Max, TalliesVisible: form.TalliesVisible}
	var groups []domain.Group
	for _, line := range strings.Split(form.Groups, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			groups = append(groups, domain.Group{Title: line})
		}
	}
	errorKey := h.validateWorkshop(c, m, w, groups)
	if errorKey == "" && form.Date != "" {
		d, ok := domain.ParseDay(form.Date)
		if !ok {
			errorKey = "admin.error.date"
		}
		w.HeldOn = &d
	}
	if errorKey != "" {
		h.renderWorkshops(c, http.StatusUnprocessableEntity, form, errorKey)
		return
	}
	lang := langOf(c)
	phases := []domain.Phase{
		{Title: h.Catalog.Message(lang, "workshop.phase.kritik"), Prompt: h.Catalog.Message(lang, "workshop.prompt.kritik"), CardKind: "kritik"},
		{Title: h.Catalog.Message(lang, "workshop.phase.phantasie"), Prompt: h.Catalog.Message(lang, "workshop.prompt.phantasie"), CardKind: "idee"},
		{Title: h.Catalog.Message(lang, "workshop.phase.verwirklichung"), Prompt: h.Catalog.Message(lang, "workshop.prompt.verwirklichung"), CardKind: "vorschlag"},
	}
	id, err := h.Store.CreateWorkshop(c.Request.Context(), staffOf(c).Actor(), m.ID, w, phases, groups)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/intern/k/"+m.Slug+"/werkstaetten/"+strconv.FormatInt(id, 10))
}

func (h *Handler) validateWorkshop(c *gin.Context, m domain.Municipality, w domain.Workshop, groups []domain.Group) string {
	processes, err := h.Store.Processes(c.Request.Context(), m.ID)
	if err != nil {
		return "error.internal"
	}
	owned := false
	for _, p := range processes {
		owned = owned || p.ID == w.ProcessID
	}
	kindOK := false
	for _, k := range domain.WorkshopKinds {
		kindOK = kindOK || k == w.Kind
	}
	switch {
	case !owned:
		return "workshop.error.process"
	case !kindOK:
		return "workshop.error.kind"
	case domain.ValidateText(w.Title, 160) != "":
		return domain.ValidateText(w.Title, 160)
	case domain.ValidateLongText(w.Place, 160) != "", domain.ValidateLongText(w.Question, 600) != "":
		return "admin.error.text_long"
	case len(groups) == 0 || len(groups) > 30:
		return "workshop.error.groups"
	case w.DotBudget < 1 || w.DotBudget > domain.MaxWorkshopDots || w.MaxDotsPerCard < 1 || w.MaxDotsPerCard > w.DotBudget:
		return "workshop.error.dots"
	}
	for _, g := range groups {
		if domain.ValidateText(g.Title, 80) != "" {
			return "workshop.error.groups"
		}
	}
	return ""
}
