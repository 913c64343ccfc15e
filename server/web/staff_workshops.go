package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
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
	ProcessID          int64
	Kind, Title, Place string
	Question, Groups   string
	Days               []app.DayInput // the form's rows: date, from, to
	Budget, Max        int
	TalliesVisible     bool
	Becomes            []string // per phase: what its cards become (domain.PhaseIdeas, PhaseChallenges)
}

// staffWorkshops lists the municipality's workshops and offers the form to
// prepare a new one (moderation).
func (h *Handler) staffWorkshops(c *gin.Context) {
	h.renderWorkshops(c, http.StatusOK, workshopForm{Kind: "zukunft", Budget: 3, Max: 3, TalliesVisible: true, Days: dayRows(nil),
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

// dayFormRows is how many day rows the workshop forms offer.
const dayFormRows = 3

// dayRows are the day rows of a form: the given ones, then empty ones up
// to dayFormRows (a workshop with more days gets one empty row more).
func dayRows(days []app.DayInput) []app.DayInput {
	rows := append([]app.DayInput(nil), days...)
	for len(rows) < dayFormRows || (len(rows) < domain.MaxWorkshopDays && rows[len(rows)-1].Date != "") {
		rows = append(rows, app.DayInput{})
	}
	return rows
}

// dayRowsOf reads the posted day rows: date, starts, ends, then date_2,
// starts_2, ends_2 and so on.
func dayRowsOf(f url.Values) []app.DayInput {
	var rows []app.DayInput
	for i := 1; i <= domain.MaxWorkshopDays+1; i++ {
		suffix := ""
		if i > 1 {
			suffix = "_" + strconv.Itoa(i)
		}
		rows = append(rows, app.DayInput{Date: f.Get("date" + suffix), Starts: f.Get("starts" + suffix), Ends: f.Get("ends" + suffix)})
	}
	for len(rows) > 0 && rows[len(rows)-1] == (app.DayInput{}) {
		rows = rows[:len(rows)-1]
	}
	return rows
}
