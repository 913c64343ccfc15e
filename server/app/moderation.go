package app

import (
	"context"
	"strings"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// maxModeration bounds one moderation step.
const maxModeration = 500

// ModerationQueue lists the contributions of the municipality that wait
// for or had a moderator's attention: pending, reported and hidden ones.
func (a *App) ModerationQueue(ctx context.Context, municipalityID int64) ([]store.QueueItem, error) {
	return a.store.ModerationQueue(ctx, municipalityID)
}

// Moderate applies one moderator's action (store.ModerationRelease, Hide
// with a public reason, or Restore) to the selected contributions of the
// municipality, all or nothing, each audited. A contribution of another
// municipality is forbidden, and then none is changed.
func (a *App) Moderate(ctx context.Context, actor store.Actor, municipalityID int64, ids []int64, action, reason string) error {
	if len(ids) == 0 || len(ids) > maxModeration {
		return domain.Errorf(domain.CodeInvalid, "moderation.error.nothing_selected")
	}
	reason = strings.TrimSpace(reason)
	if action == store.ModerationHide {
		if key := domain.ValidateHideReason(reason); key != "" {
			return domain.Errorf(domain.CodeInvalid, key)
		}
	}
	err := a.store.Moderate(ctx, actor, municipalityID, ids, action, reason)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		return domain.Errorf(domain.CodeForbidden, "error.forbidden")
	}
	return err
}
