package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffModerate applies release, hide (with a public reason) or restore to
// the selected contributions, all or nothing. It stays one handler: the
// form's "action" is a radio button that parameterises one bulk step
// (app.Moderate), not a choice between different forms. Contributions of
// another municipality are refused with 403.
func (h *Handler) staffModerate(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	var ids []int64
	for _, v := range form["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		ids = append(ids, id)
	}
	m := municipalityOf(c)
	err := h.App.Moderate(c.Request.Context(), staffOf(c).Actor(), m.ID, ids, form.Get("action"), form.Get("reason"))
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderModeration(c, http.StatusUnprocessableEntity, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffModeration", m.Slug)+"?erledigt=1")
}
