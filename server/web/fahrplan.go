package web

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
)

// fahrplan is a process's Fahrplan: the milestones the admins and the
// project group keep, with the process's dated workshops and the council's
// decisions on the concept placed in automatically.
func (h *Handler) fahrplan(ctx context.Context, pc processContext, lang string, now time.Time) ([]domain.Milestone, error) {
	milestones, err := h.Store.Milestones(ctx, pc.Process.ID)
	if err != nil {
		return nil, err
	}
	var automatic []domain.Milestone
	workshops, err := h.Store.Workshops(ctx, pc.Municipality.ID)
	if err != nil {
		return nil, err
	}
	for _, w := range workshops {
		if w.ProcessID != pc.Process.ID || w.HeldOn == nil {
			continue
		}
		automatic = append(automatic, domain.Milestone{OccursOn: w.HeldOn, DatePrecision: domain.PrecisionDay, Kind: "workshop",
			Title: w.Title, Description: w.Place, Done: w.HeldOn.Before(now)})
	}
	decisions, err := h.Store.CouncilDecisions(ctx, pc.Process.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range decisions {
		day := d.DecidedOn
		automatic = append(automatic, domain.Milestone{OccursOn: &day, DatePrecision: domain.PrecisionDay, Kind: "decision",
			Title:       h.Catalog.Message(lang, "fahrplan.decision", d.Body, d.VersionNumber, h.Catalog.Message(lang, "concept.result."+d.Result)),
			Description: d.AgendaItem, Done: !day.After(now)})
	}
	return domain.Timeline(milestones, automatic), nil
}
