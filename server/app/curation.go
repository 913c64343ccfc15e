package app

import (
	"context"
	"slices"
	"strings"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// CurationStatuses are the statuses the project group's board filters by.
var CurationStatuses = []string{domain.StatusSubmitted, domain.StatusTaken, domain.StatusDeferred, domain.StatusDeclined, domain.StatusMerged}

// Curation limits: contributions per board page, the last page one may ask
// for, the length of a kind filter.
const (
	curationPerPage  = 50
	curationMaxPage  = 100000
	curationMaxKind  = 40
	curationOnline   = "online"
	curationWorkshop = "workshop"
)

// CurationBoard is one page of a process's contributions for the project
// group, with the themes in use (for the filter and the bulk form) and
// the kinds of its contributions (for the filter).
type CurationBoard struct {
	Query  store.CurationQuery
	Result domain.IdeaPage
	Themes []string
	Kinds  []string
}

// CurationBoard returns one page of the project group's board of a
// process. A filter with a value the board does not know is a bad request;
// a page past the end does not exist.
func (a *App) CurationBoard(ctx context.Context, p ProcessScope, q store.CurationQuery) (CurationBoard, error) {
	q.ProcessID, q.PerPage = p.Process.ID, curationPerPage
	if !validCurationQuery(p, q) {
		return CurationBoard{}, domain.Errorf(domain.CodeBadRequest, "error.bad_request")
	}
	result, err := a.store.Curation(ctx, q)
	if err != nil {
		return CurationBoard{}, err
	}
	if !result.Exists() {
		return CurationBoard{}, domain.ErrPageMissing
	}
	board := CurationBoard{Query: q, Result: result}
	if board.Themes, err = a.store.Themes(ctx, p.Process.ID); err != nil {
		return CurationBoard{}, err
	}
	if board.Kinds, err = a.store.Kinds(ctx, p.Process.ID); err != nil {
		return CurationBoard{}, err
	}
	return board, nil
}

// validCurationQuery tells whether every filter of the board has a value
// it knows: an action field of the process, a page in range, a known
// origin, status and sort, and search, theme and kind of bounded length.
func validCurationQuery(p ProcessScope, q store.CurationQuery) bool {
	switch {
	case q.ActionFieldID != 0 && !p.HasField(q.ActionFieldID):
		return false
	case q.Page < 1 || q.Page > curationMaxPage:
		return false
	case q.Origin != "" && q.Origin != curationOnline && q.Origin != curationWorkshop && q.Origin != domain.OriginPaper:
		return false
	case q.Status != "" && !slices.Contains(CurationStatuses, q.Status):
		return false
	case q.Sort != "" && q.Sort != store.CurationSortNewest && q.Sort != store.CurationSortSupport && q.Sort != store.CurationSortDots:
		return false
	}
	return domain.ValidateLongText(q.Search, domain.MaxSearchTerm) == "" && domain.ValidateLongText(q.Theme, domain.MaxTheme) == "" &&
		domain.ValidateLongText(q.Kind, curationMaxKind) == ""
}

// CurationItem is one contribution as the project group works on it: the
// contribution it was merged into, the ones merged into it, the measures
// it went into, the notifications its author got, and the process's
// themes.
type CurationItem struct {
	Item     domain.Contribution
	Survivor *domain.Contribution
	Merged   []domain.Contribution
	Trail    []store.TrailMeasure
	Sent     []store.Notification
	Themes   []string
	// Check is the item of the Bilanzwerkstatt a challenge came from.
	Check *domain.CheckOrigin
}

// CuratedContribution returns a published contribution of the process
// (merged ones included) for the project group; any other is not found.
func (a *App) CuratedContribution(ctx context.Context, p ProcessScope, id int64) (domain.Contribution, error) {
	if id <= 0 {
		return domain.Contribution{}, domain.ErrNotFound
	}
	return a.store.Contribution(ctx, p.Process.ID, id)
}

// CurationItem returns a contribution of the process with everything the
// project group's page of it shows.
func (a *App) CurationItem(ctx context.Context, p ProcessScope, id int64) (CurationItem, error) {
	item, err := a.CuratedContribution(ctx, p, id)
	if err != nil {
		return CurationItem{}, err
	}
	view := CurationItem{Item: item}
	if item.MergedIntoID != nil {
		survivor, err := a.store.Contribution(ctx, p.Process.ID, *item.MergedIntoID)
		if err != nil {
			return CurationItem{}, err
		}
		view.Survivor = &survivor
	}
	if view.Merged, err = a.store.MergedInto(ctx, item.ID); err != nil {
		return CurationItem{}, err
	}
	if view.Trail, err = a.store.IdeaTrail(ctx, item.ID); err != nil {
		return CurationItem{}, err
	}
	if view.Sent, err = a.store.Notifications(ctx, item.ID); err != nil {
		return CurationItem{}, err
	}
	if view.Themes, err = a.store.Themes(ctx, p.Process.ID); err != nil {
		return CurationItem{}, err
	}
	if item.Origin == domain.OriginCheck {
		origin, found, err := a.store.CheckOriginOf(ctx, item.ID)
		if err != nil {
			return CurationItem{}, err
		}
		if found {
			view.Check = &origin
		}
	}
	return view, nil
}

// requireSelection is the rule of every bulk action of the board: at least
// one contribution is selected.
func requireSelection(ids []int64) error {
	if len(ids) == 0 {
		return domain.Errorf(domain.CodeInvalid, "curation.error.none_selected")
	}
	return nil
}

// ThemeContributions files the selected contributions of the process under
// a theme ("" takes them out of theirs), audited. A contribution outside
// the process is not found, and then none is changed.
func (a *App) ThemeContributions(ctx context.Context, actor store.Actor, p ProcessScope, ids []int64, theme string) error {
	if err := requireSelection(ids); err != nil {
		return err
	}
	theme = strings.TrimSpace(theme)
	if key := domain.ValidateLongText(theme, domain.MaxTheme); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.SetTheme(ctx, actor, p.Municipality.ID, p.Process.ID, ids, theme)
}

// MergeContributions lets the chosen main contribution (survivor) absorb
// the other selected ones, audited: they lead to it and their supports and
// dots count for it.
func (a *App) MergeContributions(ctx context.Context, actor store.Actor, p ProcessScope, survivor int64, ids []int64) error {
	if err := requireSelection(ids); err != nil {
		return err
	}
	if survivor <= 0 {
		return domain.Errorf(domain.CodeInvalid, "curation.error.survivor_missing")
	}
	return a.store.Merge(ctx, actor, p.Municipality.ID, p.Process.ID, survivor, ids)
}

// DecideContributions records the project group's decision on the
// selected contributions with the public answer their authors are told
// (see domain.Decision), audited.
func (a *App) DecideContributions(ctx context.Context, actor store.Actor, p ProcessScope, ids []int64, d domain.Decision) error {
	if err := requireSelection(ids); err != nil {
		return err
	}
	d.Answer = strings.TrimSpace(d.Answer)
	if key := d.Validate(); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.Decide(ctx, actor, p.Municipality.ID, p.Process.ID, ids, d)
}

// MeasureSelection checks the contributions the project group selected to
// found a new measure on; the measure form takes them from there and
// checks them against the process when the measure is saved.
func (a *App) MeasureSelection(ctx context.Context, ids []int64) error {
	return requireSelection(ids)
}

// AssessContribution stores the Strategiewerkstatt's assessment of one
// contribution of the process (importance, feasibility, note), audited.
func (a *App) AssessContribution(ctx context.Context, actor store.Actor, p ProcessScope, id int64, as domain.Assessment) error {
	as.Note = strings.TrimSpace(as.Note)
	if key := as.Validate(); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.Assess(ctx, actor, p.Municipality.ID, p.Process.ID, id, as)
}

// UnmergeContribution undoes the merge of one contribution of the process,
// audited: it gets its own status back and both it and its former survivor
// count their supports again.
func (a *App) UnmergeContribution(ctx context.Context, actor store.Actor, p ProcessScope, id int64) error {
	return a.store.Unmerge(ctx, actor, p.Municipality.ID, p.Process.ID, id)
}

// MoveContribution puts a contribution of the process into another of its
// action fields, for the project group (audited with the field it had:
// moving it back undoes it). Its trail — merges, measures — stays.
func (a *App) MoveContribution(ctx context.Context, actor store.Actor, p ProcessScope, id, fieldID int64) error {
	if !p.HasField(fieldID) {
		return domain.Errorf(domain.CodeInvalid, "curation.error.field")
	}
	return a.store.SetField(ctx, actor, p.Municipality.ID, p.Process.ID, id, fieldID)
}
