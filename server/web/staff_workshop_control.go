package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopControl runs the workshop: open it, move between phases,
// open and close voting, show or hide tallies, run the timer, close it.
// A step the workshop's state does not allow answers 409 on the console.
func (h *Handler) staffWorkshopControl(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	m := municipalityOf(c)
	minutes, _ := strconv.Atoi(c.Request.PostForm.Get("minutes"))
	control := domain.Control{Action: c.Request.PostForm.Get("action"), Minutes: minutes}
	if control.Action == domain.ControlClose && w.State == domain.WorkshopLive {
		if control.RestField, ok = h.closeConfirmed(c); !ok {
			return
		}
	}
	updated, err := h.App.ControlWorkshop(c.Request.Context(), staffOf(c).Actor(), m.ID, w, control)
	if domain.ErrorCode(err) == domain.CodeConflict || domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderConsole(c, http.StatusConflict, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	if updated.State == domain.WorkshopClosed {
		c.Redirect(http.StatusSeeOther, h.path("staffWorkshopDoc", m.Slug, w.ID))
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshopConsole", m.Slug, w.ID)+"?erledigt="+url.QueryEscape(control.Action))
}

// closeConfirmed asks before closing. While cards have no action field it
// names them group by group and asks which field they go to (the project
// group can move each one later on the curation board); it answers the
// chosen field, 0 when every card has one, and false when it asked.
func (h *Handler) closeConfirmed(c *gin.Context) (int64, bool) {
	board, ok := h.staffWorkshopBoard(c, false)
	if !ok {
		return 0, false
	}
	w, m := board.Workshop, municipalityOf(c)
	cancel := h.path("staffWorkshopConsole", m.Slug, w.ID)
	unfiled := board.Unfiled()
	if len(unfiled) == 0 {
		return 0, h.confirmed(c, cancel, "workshop.close_confirm.title", "workshop.close_confirm.text", "workshop.close", w.Title)
	}
	const choice = "rest_feld"
	posted := c.Request.PostForm.Get(choice)
	field, _ := strconv.ParseInt(posted, 10, 64)
	confirmed := c.Request.PostForm.Get("bestaetigt") == "ja"
	if confirmed && field > 0 {
		return field, true
	}
	lang := langOf(c)
	page := h.confirmQuestion(c, cancel, choice, "workshop.close_confirm.title", "workshop.close_confirm.text", "workshop.close", w.Title)
	total := 0
	for _, g := range unfiled {
		total += g.Cards
		page.Details = append(page.Details, h.Catalog.Message(lang, "workshop.close_unfiled_group", g.Group, h.Catalog.Plural(lang, "workshop.cards", g.Cards)))
	}
	page.Message += " " + h.Catalog.Plural(lang, "workshop.close_unfiled", total)
	page.Choice = &confirmChoice{Name: choice, Label: h.Catalog.Message(lang, "workshop.close_rest_field"),
		Hint: h.Catalog.Message(lang, "workshop.close_rest_field_hint"), Prompt: h.Catalog.Message(lang, "form.field_choose"), Selected: posted}
	for _, f := range board.Fields {
		page.Choice.Options = append(page.Choice.Options, confirmOption{Value: strconv.FormatInt(f.ID, 10), Label: strconv.Itoa(f.Position) + ". " + f.Title})
	}
	status := http.StatusOK
	if confirmed {
		page.Choice.Error = h.Catalog.Message(lang, "workshop.close_rest_field_missing")
		status = http.StatusUnprocessableEntity
	}
	h.render(c, status, "confirm", page)
	return 0, false
}
