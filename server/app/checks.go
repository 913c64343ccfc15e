package app

import (
	"bytes"
	"context"
	"slices"

	"zukunftswerk/server/checktemplate"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// The Bilanzwerkstatt's stock-taking check: templates of items, rounds of
// a process, and the answers the project group records in them, several
// people at once.

// ensureStandardCheck stores the shipped template unless it is there.
func (a *App) ensureStandardCheck(ctx context.Context) error {
	in, err := checktemplate.Standard()
	if err != nil {
		return err
	}
	_, err = a.store.EnsureCheckTemplate(ctx, in)
	return err
}

// CheckTemplates lists the installation's check templates.
func (a *App) CheckTemplates(ctx context.Context) ([]domain.CheckTemplate, error) {
	return a.store.CheckTemplates(ctx)
}

// CheckRounds lists a process's rounds of the check, the newest first.
func (a *App) CheckRounds(ctx context.Context, processID int64) ([]domain.CheckRound, error) {
	return a.store.CheckRounds(ctx, processID)
}

// CreateCheckRound starts a round of the check for the process from a
// template of the installation (audited); one with problems is refused
// with them.
func (a *App) CreateCheckRound(ctx context.Context, actor store.Actor, p ProcessScope, r domain.CheckRound) (domain.CheckRound, error) {
	r.ProcessID = p.Process.ID
	if problems := domain.ValidateCheckRound(r); len(problems) > 0 {
		return r, domain.ValidationError(problems)
	}
	templates, err := a.store.CheckTemplates(ctx)
	if err != nil {
		return r, err
	}
	if !slices.ContainsFunc(templates, func(t domain.CheckTemplate) bool { return t.ID == r.TemplateID }) {
		return r, domain.ValidationError([]domain.FieldError{{Field: "template", MessageKey: "error.bad_request"}})
	}
	return a.store.CreateCheckRound(ctx, actor, p.Municipality.ID, r)
}

// CheckRoundView is a round as the project group fills it: every field of
// its template with the process's action field of the same number, the
// items as the municipality asks them, and their answers.
type CheckRoundView struct {
	Round    domain.CheckRound
	Previous *domain.CheckRound // the round it continues, if any
	Fields   []CheckFieldView
}

// CheckFieldView is one field of a round with its items and how they were
// answered.
type CheckFieldView struct {
	Field       domain.CheckField
	ActionField *domain.ActionField // the process's field of the same number, if any
	Items       []CheckItemView
	ByStatus    map[string]int // answers by status ("" for none yet)
	ByNeed      map[string]int // answers by need ("" for none yet)
}

// CheckItemView is an item with its answer (version 0: not answered yet)
// and, in a round that continues another, the answer it had there.
type CheckItemView struct {
	Item   domain.CheckItem
	Answer domain.CheckAnswer
	Before *domain.CheckValues
}

// Moved reports whether the item's status or need differs from the round
// it continues.
func (v CheckItemView) Moved() bool {
	if v.Before == nil {
		return false
	}
	return v.Before.Status != v.Answer.Status || v.Before.Need != v.Answer.Need
}

// CheckRound loads a round of the process with its items and answers; a
// round of another process is not found.
func (a *App) CheckRound(ctx context.Context, p ProcessScope, roundID int64) (CheckRoundView, error) {
	var v CheckRoundView
	var err error
	if v.Round, err = a.store.CheckRound(ctx, p.Process.ID, roundID); err != nil {
		return v, err
	}
	fields, err := a.store.CheckFields(ctx, v.Round.TemplateID)
	if err != nil {
		return v, err
	}
	items, err := a.store.CheckItems(ctx, v.Round.TemplateID, p.Municipality.ID)
	if err != nil {
		return v, err
	}
	answers, err := a.store.CheckAnswers(ctx, roundID)
	if err != nil {
		return v, err
	}
	var before map[int64]domain.CheckAnswer
	if v.Round.PreviousID != nil {
		previous, err := a.store.CheckRound(ctx, p.Process.ID, *v.Round.PreviousID)
		if err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
			return v, err
		}
		if err == nil {
			v.Previous = &previous
			if before, err = a.store.CheckAnswers(ctx, previous.ID); err != nil {
				return v, err
			}
		}
	}
	byField := map[int64]*CheckFieldView{}
	for _, f := range fields {
		fv := CheckFieldView{Field: f, ByStatus: map[string]int{}, ByNeed: map[string]int{}}
		for i := range p.Fields {
			if p.Fields[i].Position == f.Position {
				fv.ActionField = &p.Fields[i]
			}
		}
		v.Fields = append(v.Fields, fv)
	}
	for i := range v.Fields {
		byField[v.Fields[i].Field.ID] = &v.Fields[i]
	}
	for _, item := range items {
		fv := byField[item.FieldID]
		answer, ok := answers[item.ID]
		if !ok {
			answer = domain.CheckAnswer{RoundID: roundID, ItemID: item.ID}
		}
		view := CheckItemView{Item: item, Answer: answer}
		if b, ok := before[item.ID]; ok {
			view.Before = &b.CheckValues
		}
		fv.Items = append(fv.Items, view)
		fv.ByStatus[answer.Status]++
		fv.ByNeed[answer.Need]++
	}
	return v, nil
}

// SaveCheckAnswer stores what one person recorded for an item of a round
// of the process: merged with what others saved meanwhile where they
// changed other fields (merged true), refused with a *domain.CheckConflict
// where they changed the same ones, with problems where it is invalid.
func (a *App) SaveCheckAnswer(ctx context.Context, actor store.Actor, p ProcessScope, sv store.CheckSave) (domain.CheckAnswer, bool, error) {
	if _, err := a.store.CheckRound(ctx, p.Process.ID, sv.RoundID); err != nil {
		return domain.CheckAnswer{}, false, err
	}
	if problems := domain.ValidateCheckValues(sv.Mine); len(problems) > 0 {
		return domain.CheckAnswer{}, false, domain.ValidationError(problems)
	}
	if domain.ValidateCheckValues(sv.Base) != nil || sv.BaseVersion < 0 {
		return domain.CheckAnswer{}, false, domain.Errorf(domain.CodeBadRequest, "error.bad_request")
	}
	sv.By = actor.Name
	return a.store.SaveCheckAnswer(ctx, sv)
}

// CheckNeedItem is an item that calls for action, with its field.
type CheckNeedItem struct {
	Field domain.CheckField
	CheckItemView
}

// WithNeed are the round's items that call for action, the most urgent
// first, then by field and position.
func (v CheckRoundView) WithNeed() []CheckNeedItem {
	var list []CheckNeedItem
	for _, f := range v.Fields {
		for _, item := range f.Items {
			if item.Answer.HasNeed() {
				list = append(list, CheckNeedItem{Field: f.Field, CheckItemView: item})
			}
		}
	}
	slices.SortStableFunc(list, func(a, b CheckNeedItem) int {
		return domain.NeedRank(a.Answer.Need) - domain.NeedRank(b.Answer.Need)
	})
	return list
}

// MakeCheckChallenge turns an item of a round that calls for action into
// a challenge of the process's action field of the same number (audited),
// where the concept's "take the challenges" finds it, and links both; an
// item that became one already keeps it. It returns the challenge's id.
func (a *App) MakeCheckChallenge(ctx context.Context, actor store.Actor, p ProcessScope, roundID, itemID int64) (int64, error) {
	v, err := a.CheckRound(ctx, p, roundID)
	if err != nil {
		return 0, err
	}
	for _, f := range v.Fields {
		for _, item := range f.Items {
			if item.Item.ID != itemID {
				continue
			}
			if item.Answer.ChallengeID != nil {
				return *item.Answer.ChallengeID, nil
			}
			if !item.Answer.HasNeed() {
				return 0, domain.Errorf(domain.CodeConflict, "check.error.no_need")
			}
			if f.ActionField == nil {
				return 0, domain.Errorf(domain.CodeConflict, "check.error.no_field")
			}
			title := item.Item.Question
			if r := []rune(title); len(r) > domain.MaxIdeaTitle {
				title = string(r[:domain.MaxIdeaTitle-1]) + "…"
			}
			// The item's question only: its note is the project group's
			// and stays in the round.
			return a.store.MakeCheckChallenge(ctx, actor, p.Municipality.ID, store.CheckChallenge{RoundID: roundID, ItemID: itemID,
				ProcessID: p.Process.ID, FieldID: f.ActionField.ID, Title: title})
		}
	}
	return 0, domain.ErrNotFound
}

// CheckOriginOf is the item of a round a contribution came from, if it is
// a challenge made from one.
func (a *App) CheckOriginOf(ctx context.Context, contributionID int64) (domain.CheckOrigin, bool, error) {
	return a.store.CheckOriginOf(ctx, contributionID)
}

// Moved are the items whose status or need differs from the round this
// one continues, by field and position.
func (v CheckRoundView) Moved() []CheckNeedItem {
	var list []CheckNeedItem
	for _, f := range v.Fields {
		for _, item := range f.Items {
			if item.Moved() {
				list = append(list, CheckNeedItem{Field: f.Field, CheckItemView: item})
			}
		}
	}
	return list
}

// CheckTemplateOverview lists the installation's templates with the number
// of items each asks.
func (a *App) CheckTemplateOverview(ctx context.Context) ([]domain.CheckTemplate, map[int64]int, error) {
	templates, err := a.store.CheckTemplates(ctx)
	if err != nil {
		return nil, nil, err
	}
	counts, err := a.store.CheckTemplateItemCounts(ctx)
	return templates, counts, err
}

// CheckTemplateContent is a template with its fields and items, for export.
func (a *App) CheckTemplateContent(ctx context.Context, templateID int64) (store.CheckTemplateInput, error) {
	return a.store.CheckTemplateContent(ctx, templateID)
}

// ImportCheckTemplate reads a template file — JSON (checktemplate.File)
// when it starts with "{", else CSV (checktemplate.CSVColumns) named by
// slug and title — and stores it as a new template of the installation
// (audited). A file with problems stores nothing and lists them by line.
func (a *App) ImportCheckTemplate(ctx context.Context, actor store.Actor, data []byte, slug, title string) (int64, []checktemplate.LineError, error) {
	var in store.CheckTemplateInput
	if trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF"))); bytes.HasPrefix(trimmed, []byte("{")) {
		var err error
		if in, err = checktemplate.Parse(trimmed); err != nil {
			return 0, []checktemplate.LineError{{Key: "check.import.json"}}, nil
		}
	} else {
		var meta []checktemplate.LineError
		if domain.ValidateSlug(slug) != "" {
			meta = append(meta, checktemplate.LineError{Key: "check.import.slug"})
		}
		if domain.ValidateText(title, domain.MaxCheckTitle) != "" {
			meta = append(meta, checktemplate.LineError{Key: "check.import.title"})
		}
		var problems []checktemplate.LineError
		in, problems = checktemplate.ParseCSV(data, slug, title)
		if problems = append(meta, problems...); len(problems) > 0 {
			return 0, problems, nil
		}
	}
	id, err := a.store.ImportCheckTemplate(ctx, actor, in)
	return id, nil, err
}
