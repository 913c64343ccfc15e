package web

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// fahrplan is a process's Fahrplan (see app.Fahrplan), the council's
// decisions worded in lang.
func (h *Handler) fahrplan(ctx context.Context, pc processContext, lang string, now time.Time) ([]domain.Milestone, error) {
	return h.App.Fahrplan(ctx, pc.ProcessScope, now, func(d store.ProcessDecision) string {
		return h.Catalog.Message(lang, "fahrplan.decision", d.Body, d.VersionNumber, h.Catalog.Message(lang, "concept.result."+d.Result))
	})
}
