package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// staffCheckAnswerSave records status, need, note and who takes care for
// one item of a round. A save after someone else's is merged with it where
// they changed other fields; where both changed the same field it is
// refused (409) with the other person's value shown, and what was typed
// stays in the form.
func (h *Handler) staffCheckAnswerSave(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok || !h.parseForm(c) {
		return
	}
	roundID, itemID, ok := h.checkItemParams(c)
	if !ok {
		return
	}
	form := c.Request.PostForm
	baseVersion, err := strconv.Atoi(form.Get("base_version"))
	if err != nil {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	sv := store.CheckSave{RoundID: roundID, ItemID: itemID, Mine: checkValuesOf(form, ""), Base: checkValuesOf(form, "base_"), BaseVersion: baseVersion}
	_, merged, err := h.App.SaveCheckAnswer(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, sv)
	var conflict *domain.CheckConflict
	switch {
	case errors.As(err, &conflict):
		if wantsJSON(c.Request) {
			c.JSON(http.StatusConflict, gin.H{"error": h.Catalog.Message(langOf(c), "check.error.conflict"),
				"current": conflict.Current.CheckValues, "version": conflict.Current.Version, "fields": conflict.Fields})
			return
		}
		h.renderCheckRound(c, http.StatusConflict, &refusedCheckSave{ItemID: itemID, Base: sv.Base, Mine: sv.Mine, Conflict: conflict})
		return
	case domain.ErrorCode(err) == domain.CodeInvalid && !wantsJSON(c.Request):
		h.renderCheckRound(c, http.StatusUnprocessableEntity, &refusedCheckSave{ItemID: itemID, Base: sv.Base, BaseVersion: sv.BaseVersion, Mine: sv.Mine, Problems: fieldProblems(err)})
		return
	case err != nil:
		h.fail(c, err)
		return
	}
	notice := "gespeichert"
	if merged {
		notice = "zusammengefuehrt"
	}
	id := strconv.FormatInt(itemID, 10)
	c.Redirect(http.StatusSeeOther, h.path("staffCheckRound", cc, roundID)+"?"+notice+"="+id+"#punkt-"+id)
}

// checkValuesOf reads an item's four fields from a form, under prefix.
func checkValuesOf(form url.Values, prefix string) domain.CheckValues {
	return domain.CheckValues{Status: form.Get(prefix + "status"), Need: form.Get(prefix + "need"),
		Note: strings.TrimSpace(form.Get(prefix + "note")), Owner: strings.TrimSpace(form.Get(prefix + "owner"))}
}
