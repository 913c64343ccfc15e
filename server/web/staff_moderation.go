package web

import (
	"net/http"

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
	queue, err := h.App.ModerationQueue(c.Request.Context(), m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_moderation", moderationPage{Municipality: m, Queue: queue, ErrorKey: errorKey,
		Done: c.Query("erledigt") == "1"})
}
