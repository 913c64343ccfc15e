package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type moderationPage struct {
	Municipality domain.Municipality
	Queue        []store.QueueItem
	ErrorKey     string
	Done         bool
}

// staffModeration is the moderation queue: pending, reported and hidden
// contributions of the municipality.
func (h *Handler) staffModeration(c *gin.Context) {
	h.renderModeration(c, http.StatusOK, "")
}

func (h *Handler) renderModeration(c *gin.Context, status int, errorKey string) {
	m := municipalityOf(c)
	queue, err := h.Store.ModerationQueue(c.Request.Context(), m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_moderation", moderationPage{Municipality: m, Queue: queue, ErrorKey: errorKey,
		Done: c.Query("erledigt") == "1"})
}

// staffModerate applies release, hide (with a public reason) or restore to
// the selected contributions, all or nothing. Contributions of another
// municipality are refused with 403.
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
	if len(ids) == 0 || len(ids) > 500 {
		h.renderModeration(c, http.StatusUnprocessableEntity, "moderation.error.nothing_selected")
		return
	}
	action := form.Get("action")
	reason := strings.TrimSpace(form.Get("reason"))
	if action == store.ModerationHide {
		switch {
		case reason == "":
			h.renderModeration(c, http.StatusUnprocessableEntity, "moderation.error.reason_missing")
			return
		case domain.ValidateLongText(reason, domain.MaxHideReason) == "error.invalid_characters":
			h.renderModeration(c, http.StatusUnprocessableEntity, "error.invalid_characters")
			return
		case utf8.RuneCountInString(reason) > domain.MaxHideReason:
			h.renderModeration(c, http.StatusUnprocessableEntity, "moderation.error.reason_long")
			return
		}
	}
	err := h.Store.Moderate(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, ids, action, reason)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/intern/k/"+municipalityOf(c).Slug+"/moderation?erledigt=1")
}
