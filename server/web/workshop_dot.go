package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// dotAnswer is the JSON answer to a dot for workshop.js.
type dotAnswer struct {
	Remaining int  `json:"remaining"`
	OnCard    int  `json:"on_card"`
	Total     *int `json:"total,omitempty"` // only while tallies are visible
}

// workshopDot places (delta=1) or takes back (delta=-1) one dot.
func (h *Handler) workshopDot(c *gin.Context) {
	wc, p, ok := h.participantPost(c, true)
	if !ok {
		return
	}
	cardID, err := strconv.ParseInt(c.Request.PostForm.Get("card"), 10, 64)
	delta := map[string]int{"1": 1, "-1": -1}[c.Request.PostForm.Get("delta")]
	if err != nil || delta == 0 {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	res, err := h.App.ChangeDot(c.Request.Context(), wc.Workshop, p, cardID, delta)
	if wantsJSON(c.Request) {
		if err != nil {
			h.fail(c, err)
			return
		}
		answer := dotAnswer{Remaining: res.Remaining, OnCard: res.OnCard}
		if wc.Workshop.TalliesVisible {
			answer.Total = &res.CardTotal
		}
		c.JSON(http.StatusOK, answer)
		return
	}
	if err != nil {
		if domain.ErrorCode(err) == domain.CodeConflict {
			h.renderParticipant(c, http.StatusConflict, domain.ErrorMessageKey(err), "")
			return
		}
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("workshopParticipant", wc.Workshop.Code())+"#karte-"+strconv.FormatInt(cardID, 10))
}
