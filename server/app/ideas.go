package app

import (
	"context"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// Citizen is who asks, as far as the rules need to know: the hash of the
// device's cookie (empty when it has none yet and the use case does not
// create one) and a keyed pseudonym of the client's network address, for
// the limits a script cannot escape by dropping its cookie.
type Citizen struct {
	Device string
	Client string
}

// Limits per hour per device, and per client address.
const (
	supportRatePerHour      = 600
	reportRatePerHour       = 30
	reportRatePerClientHour = 10
)

// SubmitIdea is the path every new idea takes, from the form or the API:
// normalise, validate, rate-limit per device and per client address, store.
// created is false when idempotencyKey was seen before: a resend returns the
// stored idea without counting against the rate limit, so a citizen
// retrying on bad Wi-Fi is never told to wait for an idea saved long ago.
func (a *App) SubmitIdea(ctx context.Context, p ProcessScope, draft domain.IdeaDraft, idempotencyKey string, who Citizen) (idea domain.Contribution, created bool, err error) {
	draft = draft.Normalize()
	if problems := draft.Validate(p.HasField); len(problems) > 0 {
		return domain.Contribution{}, false, domain.ValidationError(problems)
	}
	if idea, found, err := a.store.IdeaByIdempotencyKey(ctx, idempotencyKey); err != nil || found {
		return idea, false, err
	}
	decision := a.limits.Allow(ctx, "idea:"+who.Device, a.Config.IdeaRateLimit)
	if decision.Allowed {
		decision = a.limits.Allow(ctx, "idea-client:"+who.Client, max(a.Config.ClientRateLimit/10, 1))
	}
	if !decision.Allowed {
		// A twin request may have stored the idea meanwhile.
		if idea, found, err := a.store.IdeaByIdempotencyKey(ctx, idempotencyKey); err != nil || found {
			return idea, false, err
		}
		return domain.Contribution{}, false, decision.Err()
	}
	return a.store.CreateIdea(ctx, p.Process.ID, draft, who.Device, idempotencyKey)
}

// IdeaList is one page of ideas and which of them the device supports.
type IdeaList struct {
	domain.IdeaPage
	Supported map[int64]bool
}

// Ideas returns one page of a process's published ideas; a page past the
// end is an error.
func (a *App) Ideas(ctx context.Context, q domain.IdeaQuery, device string) (IdeaList, error) {
	result, err := a.store.Ideas(ctx, q)
	if err != nil {
		return IdeaList{}, err
	}
	if !result.Exists() {
		return IdeaList{}, domain.ErrPageMissing
	}
	ids := make([]int64, len(result.Ideas))
	for i, idea := range result.Ideas {
		ids[i] = idea.ID
	}
	supported, err := a.store.SupportedBy(ctx, device, ids)
	if err != nil {
		return IdeaList{}, err
	}
	return IdeaList{IdeaPage: result, Supported: supported}, nil
}

// IdeaView is an idea as its page shows it: the contributions merged into
// it, the measures it went into, and whether the device supports it.
type IdeaView struct {
	Idea      domain.Contribution
	Workshop  string // the title of the workshop it was written in, if any
	Merged    []domain.Contribution
	Trail     []store.TrailMeasure
	Supported bool
}

// Idea returns an idea for the device that asks: published ideas for
// everyone, a hidden or pending one only for its author. A merged idea
// comes back with MergedIntoID set and nothing else; it lives on in the
// idea that absorbed it.
func (a *App) Idea(ctx context.Context, p ProcessScope, id int64, device string) (IdeaView, error) {
	idea, err := a.store.IdeaForViewer(ctx, p.Process.ID, id, device)
	if err != nil {
		return IdeaView{}, err
	}
	if idea.Origin == domain.OriginCheck {
		return IdeaView{}, domain.ErrNotFound // a Bilanzwerkstatt's challenge: the project group's, not public
	}
	if idea.MergedIntoID != nil {
		return IdeaView{Idea: idea}, nil
	}
	merged, err := a.store.MergedInto(ctx, idea.ID)
	if err != nil {
		return IdeaView{}, err
	}
	trail, err := a.store.IdeaTrail(ctx, idea.ID)
	if err != nil {
		return IdeaView{}, err
	}
	supported, err := a.store.SupportedBy(ctx, device, []int64{idea.ID})
	if err != nil {
		return IdeaView{}, err
	}
	view := IdeaView{Idea: idea, Merged: merged, Trail: trail, Supported: supported[idea.ID]}
	if idea.WorkshopID != nil {
		w, err := a.store.WorkshopByID(ctx, *idea.WorkshopID)
		if err != nil {
			return IdeaView{}, err
		}
		view.Workshop = w.Title
	}
	return view, nil
}

// SetSupport sets or withdraws the device's support of an idea (an explicit
// state, so a double tap cannot undo itself) and returns the idea's support
// count.
func (a *App) SetSupport(ctx context.Context, p ProcessScope, ideaID int64, on bool, who Citizen) (int, error) {
	d := a.limits.Allow(ctx, "support:"+who.Device, supportRatePerHour)
	if d.Allowed {
		d = a.limits.Allow(ctx, "support-client:"+who.Client, a.Config.ClientRateLimit)
	}
	if err := d.Err(); err != nil {
		return 0, err
	}
	return a.store.SetSupport(ctx, p.Process.ID, ideaID, who.Device, on)
}

// ReportIdea takes a citizen's report of an idea (reason from a fixed list,
// optional note). A device counts once per idea; at the configured number
// of reports the idea is hidden everywhere until a moderator decides.
func (a *App) ReportIdea(ctx context.Context, p ProcessScope, ideaID int64, report domain.Report, who Citizen) error {
	report = report.Normalize()
	if problems := report.Validate(); len(problems) > 0 {
		return domain.ValidationError(problems)
	}
	if err := a.limits.Allow(ctx, "report-client:"+who.Client, reportRatePerClientHour).Err(); err != nil {
		return err
	}
	if err := a.limits.Allow(ctx, "report:"+who.Device, reportRatePerHour).Err(); err != nil {
		return err
	}
	_, err := a.store.ReportIdea(ctx, p.Process.ID, ideaID, who.Device, report, a.Config.ReportThreshold)
	return err
}
