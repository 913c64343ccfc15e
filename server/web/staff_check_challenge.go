package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffCheckChallenge makes an item with need a challenge of its action
// field for the concept, and shows the item again with the link to it.
func (h *Handler) staffCheckChallenge(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	roundID, itemID, ok := h.checkItemParams(c)
	if !ok {
		return
	}
	if _, err := h.App.MakeCheckChallenge(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, roundID, itemID); err != nil {
		h.fail(c, err)
		return
	}
	id := strconv.FormatInt(itemID, 10)
	c.Redirect(http.StatusSeeOther, h.path("staffCheckRound", cc, roundID)+"?herausforderung="+id+"#punkt-"+id)
}

// checkItemParams are the :round and :item of an item's route; anything
// but positive numbers is a page that does not exist, answered here.
func (h *Handler) checkItemParams(c *gin.Context) (roundID, itemID int64, ok bool) {
	roundID, errRound := strconv.ParseInt(c.Param("round"), 10, 64)
	itemID, errItem := strconv.ParseInt(c.Param("item"), 10, 64)
	if errRound != nil || errItem != nil || roundID <= 0 || itemID <= 0 {
		h.fail(c, domain.ErrNotFound)
		return 0, 0, false
	}
	return roundID, itemID, true
}
