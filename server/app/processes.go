package app

import (
	"context"
	"strings"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// CreateProcess adds a process to a municipality for its admin: slug,
// title, description and moderation mode are normalised and checked, then
// stored (audited). On a refusal it returns the draft as normalised, for
// the form to show again; a slug already taken is a conflict.
func (a *App) CreateProcess(ctx context.Context, actor store.Actor, draft domain.Process) (domain.Process, error) {
	draft = normalizeProcess(draft)
	key := validateProcess(draft)
	if key == "" {
		key = domain.ValidateSlug(draft.Slug)
	}
	if key != "" {
		return draft, domain.Errorf(domain.CodeInvalid, key)
	}
	created, err := a.store.CreateProcess(ctx, actor, draft)
	if err != nil {
		return draft, err
	}
	return created, nil
}

// UpdateProcess saves an admin's change of a process's title, description
// and moderation mode (audited). p carries the new values as typed; the
// process comes back normalised, also on a refusal, for the form to show
// again.
func (a *App) UpdateProcess(ctx context.Context, actor store.Actor, p domain.Process) (domain.Process, error) {
	p = normalizeProcess(p)
	if key := validateProcess(p); key != "" {
		return p, domain.Errorf(domain.CodeInvalid, key)
	}
	return p, a.store.UpdateProcess(ctx, actor, p)
}

// AddActionField appends an action field (title and guiding question) to
// a process for its admin (audited).
func (a *App) AddActionField(ctx context.Context, actor store.Actor, p ProcessScope, f domain.ActionField) error {
	f.ProcessID = p.Process.ID
	f.Title, f.Question = strings.TrimSpace(f.Title), strings.TrimSpace(f.Question)
	key := domain.ValidateText(f.Title, 120)
	if key == "" {
		key = domain.ValidateLongText(f.Question, 600)
	}
	if key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.AddActionField(ctx, actor, p.Municipality.ID, f)
}

// AddMilestone appends an entry the staff keep (kind "event") to a
// process's Fahrplan (audited), from the process settings or the Fahrplan
// page.
func (a *App) AddMilestone(ctx context.Context, actor store.Actor, p ProcessScope, d MilestoneDraft) error {
	m, err := d.milestone(domain.Milestone{ProcessID: p.Process.ID, Kind: "event"})
	if err != nil {
		return err
	}
	return a.store.AddMilestone(ctx, actor, p.Municipality.ID, m)
}

// Milestones lists the Fahrplan entries the staff keep for a process, in
// their order, as the process settings show them (without the automatic
// ones, see Fahrplan).
func (a *App) Milestones(ctx context.Context, processID int64) ([]domain.Milestone, error) {
	return a.store.Milestones(ctx, processID)
}

// normalizeProcess trims what a person typed.
func normalizeProcess(p domain.Process) domain.Process {
	p.Slug = strings.TrimSpace(p.Slug)
	p.Title = strings.TrimSpace(p.Title)
	p.Description = strings.TrimSpace(p.Description)
	return p
}

// validateProcess returns the catalog key of the settings' first problem,
// or "".
func validateProcess(p domain.Process) string {
	if key := domain.ValidateText(p.Title, 160); key != "" {
		return key
	}
	if key := domain.ValidateLongText(p.Description, 4000); key != "" {
		return key
	}
	if p.Moderation != domain.ModerationPost && p.Moderation != domain.ModerationPre {
		return "admin.error.moderation"
	}
	return ""
}
