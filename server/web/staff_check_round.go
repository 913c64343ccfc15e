package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type checkRoundPage struct {
	processContext
	app.CheckRoundView
	Statuses, Needs []string
	Saved, Merged   int64 // the item just saved, alone or merged with another's save
	Challenged      int64 // the item that just became a challenge
	// Refused is the save of one item that was refused (a conflict or
	// problems), shown at its item with what was typed.
	Refused *refusedCheckSave
}

// refusedCheckSave is a save the page shows again: what the person typed
// over what they had loaded, and either what someone else saved meanwhile
// in the same fields or what is wrong with it.
type refusedCheckSave struct {
	ItemID      int64
	Base, Mine  domain.CheckValues
	BaseVersion int
	Conflict    *domain.CheckConflict
	Problems    []domain.FieldError
}

// checkItemForm is what an item's form shows: the values in its fields,
// and the stored answer they start from (sent back, so that a save after
// someone else's can be merged or refused).
type checkItemForm struct {
	Values  domain.CheckValues
	Base    domain.CheckAnswer
	Refused *refusedCheckSave
}

// Form is the form of one item: the stored answer, or after a refused
// save what was typed, over what is stored now.
func (p checkRoundPage) Form(item app.CheckItemView) checkItemForm {
	f := checkItemForm{Values: item.Answer.CheckValues, Base: item.Answer}
	if p.Refused != nil && p.Refused.ItemID == item.Item.ID {
		if p.Refused.Conflict == nil {
			// Refused for its problems: the form keeps what it started
			// from, so that the corrected save still meets whatever
			// someone else saved meanwhile (merged or refused).
			f.Values, f.Refused = p.Refused.Mine, p.Refused
			f.Base = domain.CheckAnswer{CheckValues: p.Refused.Base, Version: p.Refused.BaseVersion}
			return f
		}
		// What the other saved where this person changed nothing, what
		// this person typed everywhere else — the same merge with the
		// two sides swapped, so that where both changed a field the
		// typed value wins: saving again loses neither.
		f.Values, _ = domain.MergeCheckValues(p.Refused.Base, item.Answer.CheckValues, p.Refused.Mine)
		f.Refused = p.Refused
	}
	return f
}

// staffCheckRound is a round of the check as the project group fills it:
// every item of every field with its form, and per field how it stands.
func (h *Handler) staffCheckRound(c *gin.Context) {
	h.renderCheckRound(c, http.StatusOK, nil)
}

func (h *Handler) renderCheckRound(c *gin.Context, status int, refused *refusedCheckSave) {
	cc, v, ok := h.loadCheckRound(c)
	if !ok {
		return
	}
	page := checkRoundPage{processContext: cc, CheckRoundView: v, Statuses: domain.CheckStatuses, Needs: domain.CheckNeeds, Refused: refused}
	if refused == nil {
		page.Saved, _ = strconv.ParseInt(c.Query("gespeichert"), 10, 64)
		page.Merged, _ = strconv.ParseInt(c.Query("zusammengefuehrt"), 10, 64)
		page.Challenged, _ = strconv.ParseInt(c.Query("herausforderung"), 10, 64)
	}
	h.render(c, status, "staff_check_round", page)
}
