package app

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// MeasureView is a measure of a public concept version as citizens read
// it: where it stands in the concept and, once adopted, in its
// implementation.
type MeasureView struct {
	Concept  *domain.Concept
	Entry    domain.MeasureEntry
	Field    domain.ActionField
	Goal     domain.ObjectiveSection
	Adoption *domain.CouncilDecision
	State    *domain.MeasureState // reports and occurrences, once adopted
}

// PublicMeasure reads, for citizens, the measure with the lineage in the
// public version with the number (NewestVersion: the newest one), so that
// a measure's link stays valid across versions. Its state on the day now
// is read only for an adopted version: only adopted measures are
// implemented and reported on.
func (a *App) PublicMeasure(ctx context.Context, p ProcessScope, lineage int64, number int, now time.Time) (MeasureView, error) {
	public, err := a.PublicConcept(ctx, p, number)
	if err != nil {
		return MeasureView{}, err
	}
	concept := public.Concept
	if concept == nil {
		return MeasureView{}, domain.ErrNotFound
	}
	for _, f := range concept.Tree() {
		for _, o := range f.Objectives {
			for _, e := range o.Measures {
				if e.Measure.LineageID == lineage {
					return a.measureView(ctx, p, concept, f.Field, o, e, now)
				}
			}
		}
	}
	return MeasureView{}, domain.ErrNotFound
}

func (a *App) measureView(ctx context.Context, p ProcessScope, concept *domain.Concept, field domain.ActionField, goal domain.ObjectiveSection, e domain.MeasureEntry, now time.Time) (MeasureView, error) {
	view := MeasureView{Concept: concept, Entry: e, Field: field, Goal: goal}
	if d, adopted := concept.Adoption(); adopted {
		view.Adoption = &d
	}
	if concept.Version.Status != domain.ConceptAdopted {
		return view, nil
	}
	hist, err := a.LineageHistory(ctx, p.Process.ID)
	if err != nil {
		return MeasureView{}, err
	}
	state := hist.State(e, field, now)
	view.State = &state
	return view, nil
}

// Measure reads a measure of the process, for the project group, with
// the version it belongs to; a measure of another process is not found.
func (a *App) Measure(ctx context.Context, p ProcessScope, measureID int64) (domain.Measure, domain.ConceptVersion, error) {
	return a.store.Measure(ctx, p.Process.ID, measureID)
}

// MeasureFormView is what the measure form shows besides the measure:
// the concept it is part of (for the choice of objective), its number,
// and the contributions it comes from.
type MeasureFormView struct {
	Tree    []domain.FieldSection
	Number  string // "" for a measure not yet saved
	Sources []domain.Contribution
}

// MeasureForm reads the form of measure m of version v for the project
// group: the sources of a saved measure, then the contributions with the
// sourceIDs (those chosen on the curation board for a new one).
func (a *App) MeasureForm(ctx context.Context, p ProcessScope, v domain.ConceptVersion, m domain.Measure, sourceIDs []int64) (MeasureFormView, error) {
	concept, err := a.store.Concept(ctx, v)
	if err != nil {
		return MeasureFormView{}, err
	}
	view := MeasureFormView{Tree: concept.Tree()}
	for _, f := range view.Tree {
		for _, o := range f.Objectives {
			for _, e := range o.Measures {
				if e.Measure.ID == m.ID {
					view.Number = e.Number
				}
			}
		}
	}
	if m.ID != 0 {
		view.Sources = concept.Sources[m.ID]
	}
	for _, id := range sourceIDs {
		src, err := a.store.Contribution(ctx, p.Process.ID, id)
		if err != nil {
			return MeasureFormView{}, err
		}
		view.Sources = append(view.Sources, src)
	}
	return view, nil
}

// NewMeasure is the blank measure the project group's form starts from,
// in the objective with the id (0: the form's first), and the draft it
// goes into. The draft is created when the process has no version yet.
func (a *App) NewMeasure(ctx context.Context, p ProcessScope, objectiveID int64) (domain.Measure, domain.ConceptVersion, error) {
	st, err := a.DraftState(ctx, p)
	if err != nil {
		return domain.Measure{}, domain.ConceptVersion{}, err
	}
	if st.Draft == nil {
		return domain.Measure{}, domain.ConceptVersion{}, domain.Errorf(domain.CodeConflict, "concept.error.no_draft")
	}
	v := *st.Draft
	m := domain.Measure{VersionID: v.ID, ObjectiveID: objectiveID, Timing: "mittelfristig", Priority: "mittel", Recurrence: "einmalig"}
	return m, v, nil
}

// CreateMeasure adds the measure m to the draft (created when the process
// has none), with the contributions sources linked and taken into the
// concept. It returns the saved measure, or m as it was tried, and the
// draft; the draft is the zero version when there is none to edit (the
// newest version is past the draft), so there is no form to show again.
// Problems of m come back as a validation error.
func (a *App) CreateMeasure(ctx context.Context, actor store.Actor, p ProcessScope, m domain.Measure, sources []int64) (domain.Measure, domain.ConceptVersion, error) {
	v, err := a.ConceptDraft(ctx, actor, p)
	if err != nil {
		return m, domain.ConceptVersion{}, err
	}
	m.VersionID = v.ID
	if problems := m.Validate(); len(problems) > 0 {
		return m, v, domain.ValidationError(problems)
	}
	saved, err := a.store.SaveMeasure(ctx, actor, p.Municipality.ID, p.Process.ID, m, sources)
	if err != nil {
		return m, v, err
	}
	return saved, v, nil
}

// SaveMeasure changes a measure of the draft for the project group; its
// problems come back as a validation error.
func (a *App) SaveMeasure(ctx context.Context, actor store.Actor, p ProcessScope, m domain.Measure) error {
	if problems := m.Validate(); len(problems) > 0 {
		return domain.ValidationError(problems)
	}
	_, err := a.store.SaveMeasure(ctx, actor, p.Municipality.ID, p.Process.ID, m, nil)
	return err
}

// DeleteMeasure removes a measure of the draft for the project group.
func (a *App) DeleteMeasure(ctx context.Context, actor store.Actor, p ProcessScope, m domain.Measure) error {
	return a.store.DeleteMeasure(ctx, actor, p.Municipality.ID, p.Process.ID, m.VersionID, m.ID)
}

// LinkContribution links a contribution of the process to a measure of
// the draft and takes it into the concept. An id that is not positive is
// an invalid number: the project group typed it.
func (a *App) LinkContribution(ctx context.Context, actor store.Actor, p ProcessScope, m domain.Measure, contributionID int64) error {
	if contributionID <= 0 {
		return domain.Errorf(domain.CodeInvalid, "concept.error.contribution_number")
	}
	return a.store.LinkSources(ctx, actor, p.Municipality.ID, p.Process.ID, m.VersionID, m.ID, []int64{contributionID})
}

// UnlinkContribution removes a contribution from a measure of the draft;
// the contribution's status stays until the project group decides again.
// An id that is not positive is a bad request: the page posts it.
func (a *App) UnlinkContribution(ctx context.Context, actor store.Actor, p ProcessScope, m domain.Measure, contributionID int64) error {
	if contributionID <= 0 {
		return domain.Errorf(domain.CodeBadRequest, "error.bad_request")
	}
	return a.store.UnlinkSource(ctx, actor, p.Municipality.ID, p.Process.ID, m.VersionID, m.ID, contributionID)
}

// DraftState is where a process's concept stands for a new measure: the
// draft it goes into (nil when there is none) and the newest version (nil
// before the first).
type DraftState struct {
	Draft  *domain.ConceptVersion
	Latest *domain.ConceptVersion
}

// CanStart tells whether StartDraft can make a draft: there is no version
// yet, or the newest is adopted (a Fortschreibung begins).
func (st DraftState) CanStart() bool {
	return st.Draft == nil && (st.Latest == nil || st.Latest.Status == domain.ConceptAdopted)
}

// DraftState reads it without changing anything.
func (a *App) DraftState(ctx context.Context, p ProcessScope) (DraftState, error) {
	versions, err := a.store.ConceptVersions(ctx, p.Process.ID)
	if err != nil || len(versions) == 0 {
		return DraftState{}, err
	}
	latest := versions[0]
	st := DraftState{Latest: &latest}
	if latest.Editable() {
		st.Draft = &latest
	}
	return st, nil
}

// StartDraft makes the draft measures go into, for the project group: the
// first version, or a Fortschreibung of the adopted one. A version before
// the council cannot get a draft next to it.
func (a *App) StartDraft(ctx context.Context, actor store.Actor, p ProcessScope) error {
	st, err := a.DraftState(ctx, p)
	switch {
	case err != nil || st.Draft != nil:
		return err
	case st.Latest == nil:
		_, err = a.ConceptDraft(ctx, actor, p)
		return err
	case st.Latest.Status == domain.ConceptAdopted:
		return a.StartRevision(ctx, actor, p)
	}
	return domain.Errorf(domain.CodeConflict, "concept.error.not_editable")
}
