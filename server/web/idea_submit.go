package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// submitIdea is the path every new idea takes, from the form or the API:
// normalise, validate, rate-limit per device, store. It answers nothing
// itself; the caller turns the result into a page or JSON.
func (h *Handler) submitIdea(c *gin.Context, pc processContext, draft domain.IdeaDraft, idempotencyKey string) (domain.Contribution, bool, *rateLimit, error) {
	draft = draft.Normalize()
	if problems := draft.Validate(pc.hasField); len(problems) > 0 {
		return domain.Contribution{}, false, nil, domain.ValidationError(problems)
	}
	device := h.deviceHash(c, true)
	if decision := h.Live.Allow(c.Request.Context(), "idea:"+device, h.Config.IdeaRateLimit); !decision.Allowed {
		return domain.Contribution{}, false, &rateLimit{decision.RetryAfter}, domain.Errorf(domain.CodeRateLimited, "error.rate_limited")
	}
	idea, created, err := h.Store.CreateIdea(c.Request.Context(), pc.Process.ID, draft, device, idempotencyKey)
	return idea, created, nil, err
}
