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
	return h.App.Fahrplan(ctx, pc.ProcessScope, now, h.decisionTitle(lang))
}

// decisionTitle words a council decision's Fahrplan entry in the language.
func (h *Handler) decisionTitle(lang string) func(store.ProcessDecision) string {
	return func(d store.ProcessDecision) string {
		return h.Catalog.Message(lang, "fahrplan.decision", d.Body, d.VersionNumber, h.Catalog.Message(lang, "concept.result."+d.Result))
	}
}
