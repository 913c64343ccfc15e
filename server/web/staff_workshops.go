package web

import (
	"net/http"

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

// workshopForm is the form to prepare a workshop as it was sent.
type workshopForm struct {
	ProcessID              int64
	Kind, Title, Place     string
	Date, Question, Groups string
	Budget, Max            int
	TalliesVisible         bool
	Becomes                []string // per phase: what its cards become (domain.PhaseIdeas, PhaseChallenges)
}

// staffWorkshops lists the municipality's workshops and offers the form to
// prepare a new one (moderation).
func (h *Handler) staffWorkshops(c *gin.Context) {
	h.renderWorkshops(c, http.StatusOK, workshopForm{Kind: "zukunft", Budget: 3, Max: 3, TalliesVisible: true,
		Becomes: []string{domain.PhaseChallenges, domain.PhaseIdeas, domain.PhaseIdeas}}, "")
}

func (h *Handler) renderWorkshops(c *gin.Context, status int, form workshopForm, errorKey string) {
	m := municipalityOf(c)
	list, err := h.App.Workshops(c.Request.Context(), m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_workshops", workshopsPage{Municipality: m, Workshops: list.Workshops, Processes: list.Processes,
		Kinds: domain.WorkshopKinds, Form: form, ErrorKey: errorKey})
}
