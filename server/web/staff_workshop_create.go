package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// staffWorkshopCreate prepares a workshop: kind, title, date, place,
// guiding question, working groups (one per line), the three default
// phases of a Zukunftswerkstatt and the dot rules.
func (h *Handler) staffWorkshopCreate(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	m := municipalityOf(c)
	form := workshopFormOf(c)
	draft := app.WorkshopDraft{Days: form.Days, Groups: form.Groups, Becomes: form.Becomes, Workshop: domain.Workshop{
		ProcessID: form.ProcessID, Kind: form.Kind, Title: form.Title, Place: form.Place, Question: form.Question,
		DotBudget: form.Budget, MaxDotsPerCard: form.Max, TalliesVisible: form.TalliesVisible}}
	lang := langOf(c)
	translate := func(key string) string { return h.Catalog.Message(lang, key) }
	id, err := h.App.CreateWorkshop(c.Request.Context(), staffOf(c).Actor(), m.ID, draft, translate)
	if domain.ErrorCode(err) == domain.CodeInvalid {
		form.Days = dayRows(form.Days)
		h.renderWorkshops(c, http.StatusUnprocessableEntity, form, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshopConsole", m.Slug, id))
}

// workshopFormOf reads the posted workshop form; numbers that are none
// count as 0 and are refused by the rules.
func workshopFormOf(c *gin.Context) workshopForm {
	f := c.Request.PostForm
	form := workshopForm{Kind: f.Get("kind"), Title: strings.TrimSpace(f.Get("title")), Place: strings.TrimSpace(f.Get("place")),
		Days: dayRowsOf(f), Question: strings.TrimSpace(f.Get("question")), Groups: f.Get("groups"),
		TalliesVisible: f.Get("tallies") == "visible"}
	form.ProcessID, _ = strconv.ParseInt(f.Get("process"), 10, 64)
	form.Budget, _ = strconv.Atoi(f.Get("budget"))
	form.Max, _ = strconv.Atoi(f.Get("max"))
	// Three choices, one per phase; a form without them (an old page)
	// keeps the defaults.
	form.Becomes = append(f["becomes"], "", "", "")[:3]
	if f["becomes"] == nil {
		form.Becomes = []string{domain.PhaseChallenges, domain.PhaseIdeas, domain.PhaseIdeas}
	}
	return form
}
