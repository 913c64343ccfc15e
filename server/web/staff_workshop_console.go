package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type consolePage struct {
	Municipality domain.Municipality
	workshopContext
	Cards    []domain.Card
	Clusters []domain.Cluster
	Fields   []domain.ActionField
	Days     []domain.WorkshopDay
	DayRows  []app.DayInput // the details form's rows
	Joined   map[int64]int
	Online   map[int64]int
	JoinURL  string
	ErrorKey string
	SavedKey string // what was just saved or done, "" for nothing
	// The details form: the workshop's, or what a refused form said (then
	// it stays open).
	Details     app.WorkshopDetails
	DetailsOpen bool
	// The current phase's cards by group, and the group shown in full
	// (?alle=ID; 0: every group folded to its newest cards).
	byGroup map[int64][]domain.Card
	AllOf   int64
}

// consoleCardsPerGroup is how many of a group's cards the console shows
// before it folds the older ones away: each card carries its moderation
// forms (2.5 KB of HTML), and a hall can write thousands in one phase.
const consoleCardsPerGroup = 100

// GroupCards are the cards of a group the console shows in the current
// phase: the newest consoleCardsPerGroup unless the group is shown in full.
func (p consolePage) GroupCards(group int64) []domain.Card {
	cards := p.byGroup[group]
	if len(cards) > consoleCardsPerGroup && group != p.AllOf {
		return cards[len(cards)-consoleCardsPerGroup:]
	}
	return cards
}

// GroupCardCount is how many cards a group has in the current phase.
func (p consolePage) GroupCardCount(group int64) int { return len(p.byGroup[group]) }

// Folds reports whether a group has more cards than the console shows
// folded.
func (p consolePage) Folds(group int64) bool { return len(p.byGroup[group]) > consoleCardsPerGroup }

// CardsPerGroup is consoleCardsPerGroup, for the template's notice.
func (p consolePage) CardsPerGroup() int { return consoleCardsPerGroup }

// consoleNotice is the success notice the redirect's query asks for:
// "gespeichert" for a saved change, "erledigt=<step>" for a control step
// (workshop.done.<step>). Only keys the catalog has are shown, whatever
// a crafted URL asks for.
func (h *Handler) consoleNotice(c *gin.Context) string {
	switch c.Query("gespeichert") {
	case "1":
		return "workshop.saved"
	case "ohne_cluster":
		return "workshop.saved_left_cluster"
	}
	if step := c.Query("erledigt"); step != "" && !strings.Contains(step, ".") && h.Catalog.Has("workshop.done."+step) {
		return "workshop.done." + step
	}
	return ""
}

// FieldTitle is the title of a card's action field, "" for none.
func (p consolePage) FieldTitle(id *int64) string {
	if id == nil {
		return ""
	}
	for _, f := range p.Fields {
		if f.ID == *id {
			return strconv.Itoa(f.Position) + ". " + f.Title
		}
	}
	return ""
}

// ClusterTitle is the title of a card's cluster, "" for none.
func (p consolePage) ClusterTitle(id *int64) string {
	if id == nil {
		return ""
	}
	for _, cl := range p.Clusters {
		if cl.ID == *id {
			return cl.Title
		}
	}
	return ""
}

// staffWorkshopConsole is the moderator's console of one workshop.
func (h *Handler) staffWorkshopConsole(c *gin.Context) {
	h.renderConsole(c, http.StatusOK, "")
}

func (h *Handler) renderConsole(c *gin.Context, status int, errorKey string) {
	h.renderConsoleWith(c, status, errorKey, nil)
}

// renderConsoleWith is renderConsole after a refused details form: the
// form open, with what was typed (nil: the workshop's details).
func (h *Handler) renderConsoleWith(c *gin.Context, status int, errorKey string, typed *app.WorkshopDetails) {
	board, ok := h.staffWorkshopBoard(c, true)
	if !ok {
		return
	}
	w := board.Workshop
	attendance, err := h.App.WorkshopAttendance(c.Request.Context(), board.LiveWorkshop)
	if err != nil {
		h.fail(c, err)
		return
	}
	days, err := h.App.WorkshopDays(c.Request.Context(), w)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := consolePage{Days: days, DayRows: dayRows(dayInputs(days)), Municipality: municipalityOf(c), workshopContext: board.LiveWorkshop, Cards: board.Cards, Clusters: board.Clusters, Fields: board.Fields,
		Joined: attendance.Joined, Online: attendance.Online, ErrorKey: errorKey}
	if errorKey == "" {
		page.SavedKey = h.consoleNotice(c)
	}
	page.byGroup = map[int64][]domain.Card{}
	for _, card := range board.Cards {
		if card.Phase == w.CurrentPhase {
			page.byGroup[card.GroupID] = append(page.byGroup[card.GroupID], card)
		}
	}
	page.AllOf, _ = strconv.ParseInt(c.Query("alle"), 10, 64)
	page.Details = app.WorkshopDetails{Title: w.Title, Place: w.Place, Question: w.Question}
	if typed != nil {
		page.Details, page.DetailsOpen, page.DayRows = *typed, true, dayRows(typed.Days)
	}
	if w.JoinCode != nil {
		page.JoinURL = h.Config.BaseURL + h.path("workshopJoinForm", *w.JoinCode)
	}
	h.render(c, status, "staff_workshop", page)
}

// staffWorkshopBoard loads a workshop of the guarded municipality with its
// phases, groups, cards (hidden ones when asked) and clusters.
func (h *Handler) staffWorkshopBoard(c *gin.Context, withHidden bool) (app.WorkshopBoard, bool) {
	w, ok := h.staffWorkshop(c)
	if !ok {
		return app.WorkshopBoard{}, false
	}
	board, err := h.App.Board(c.Request.Context(), w, withHidden)
	if err != nil {
		h.fail(c, err)
		return board, false
	}
	return board, true
}

// dayInputs are a workshop's days as the form shows them.
func dayInputs(days []domain.WorkshopDay) []app.DayInput {
	rows := make([]app.DayInput, len(days))
	for i, d := range days {
		rows[i] = app.DayInput{Date: d.Day.Format(time.DateOnly), Starts: d.Starts, Ends: d.Ends}
	}
	return rows
}
