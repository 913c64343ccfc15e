package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// submitIdea is the path every new idea takes, from the form or the API:
// normalise, validate, rate-limit per device and per client address, store. It answers nothing
// itself; the caller turns the result into a page or JSON.
//
// A resend of an idea that is already stored returns that idea without
// counting against the rate limit, so a citizen retrying on bad Wi-Fi is
// never told to wait for an idea that was saved long ago.
func (h *Handler) submitIdea(c *gin.Context, pc processContext, draft domain.IdeaDraft, idempotencyKey string) (domain.Contribution, bool, *rateLimit, error) {
	ctx := c.Request.Context()
	draft = draft.Normalize()
	if problems := draft.Validate(pc.hasField); len(problems) > 0 {
		return domain.Contribution{}, false, nil, domain.ValidationError(problems)
	}
	if idea, found, err := h.Store.IdeaByIdempotencyKey(ctx, idempotencyKey); err != nil || found {
		return idea, false, nil, err
	}
	device := h.deviceHash(c, true)
	decision := h.Live.Allow(ctx, "idea:"+device, h.Config.IdeaRateLimit)
	if decision.Allowed {
		decision = h.Live.Allow(ctx, "idea-client:"+h.clientKey(c), max(h.Config.ClientRateLimit/10, 1))
	}
	if !decision.Allowed {
		// A twin request may have stored the idea meanwhile.
		if idea, found, err := h.Store.IdeaByIdempotencyKey(ctx, idempotencyKey); err != nil || found {
			return idea, false, nil, err
		}
		return domain.Contribution{}, false, &rateLimit{decision.RetryAfter}, domain.Errorf(domain.CodeRateLimited, "error.rate_limited")
	}
	idea, created, err := h.Store.CreateIdea(ctx, pc.Process.ID, draft, device, idempotencyKey)
	return idea, created, nil, err
}
