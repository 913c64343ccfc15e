package app

import (
	"context"
	"slices"
	"strings"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// NewestVersion asks PublicConcept and PublicMeasure for the newest public
// version of a concept.
const NewestVersion = 0

// ConceptEditView is a process's concept as the project group edits it:
// every version and the newest one in full.
type ConceptEditView struct {
	Versions []domain.ConceptVersion // newest first
	Concept  *domain.Concept         // the newest version; nil before the first draft
	// Challenges are what the workshops' Kritik phases named, by action
	// field: material for the concept's "Herausforderungen".
	Challenges map[int64][]domain.Contribution
}

// ConceptForEditing reads the concept page of the project group: the
// newest version (editable while it is a draft) with every version before
// it, for the workflow, the council decision and the comparison.
func (a *App) ConceptForEditing(ctx context.Context, p ProcessScope) (ConceptEditView, error) {
	versions, err := a.store.ConceptVersions(ctx, p.Process.ID)
	if err != nil || len(versions) == 0 {
		return ConceptEditView{Versions: versions}, err
	}
	concept, err := a.store.Concept(ctx, versions[0])
	if err != nil {
		return ConceptEditView{}, err
	}
	challenges, err := a.store.Challenges(ctx, p.Process.ID)
	if err != nil {
		return ConceptEditView{}, err
	}
	return ConceptEditView{Versions: versions, Concept: &concept, Challenges: challenges}, nil
}

// PublicConceptView is a concept as citizens may read it.
type PublicConceptView struct {
	Versions []domain.ConceptVersion // the public ones, newest first
	Concept  *domain.Concept         // the version asked for; nil when none is public yet
}

// PublicConcept reads, for citizens, the public version with the number
// (NewestVersion: the newest public one) and the list of public versions.
// A number no public version has is not found; a process without any
// public version has no concept yet, whatever number was asked for.
func (a *App) PublicConcept(ctx context.Context, p ProcessScope, number int) (PublicConceptView, error) {
	all, err := a.store.ConceptVersions(ctx, p.Process.ID)
	if err != nil {
		return PublicConceptView{}, err
	}
	var public []domain.ConceptVersion
	for _, v := range all {
		if v.Public() {
			public = append(public, v)
		}
	}
	if len(public) == 0 {
		return PublicConceptView{}, nil
	}
	chosen, found := public[0], number == NewestVersion
	for _, v := range public {
		if v.Number == number {
			chosen, found = v, true
		}
	}
	if !found {
		return PublicConceptView{}, domain.ErrNotFound
	}
	concept, err := a.store.Concept(ctx, chosen)
	if err != nil {
		return PublicConceptView{}, err
	}
	return PublicConceptView{Versions: public, Concept: &concept}, nil
}

// ConceptComparison is what changed from one version of a concept to
// another.
type ConceptComparison struct {
	From, To domain.ConceptVersion
	Changes  []domain.ConceptChange
}

// AnyVersion lets the project group compare every version, drafts
// included (see CompareConcepts).
func AnyVersion(domain.ConceptVersion) bool { return true }

// CompareConcepts shows what a Fortschreibung changed between the versions
// with the numbers from and to. visible is who asks: citizens may compare
// public versions only (domain.ConceptVersion.Public), the project group
// every one (AnyVersion); any other version is not found. A number that is
// not positive is a bad request, checked in order, so that a missing "to"
// is only reported once "from" exists.
func (a *App) CompareConcepts(ctx context.Context, p ProcessScope, from, to int, visible func(domain.ConceptVersion) bool) (ConceptComparison, error) {
	var concepts [2]domain.Concept
	for i, number := range []int{from, to} {
		if number <= 0 {
			return ConceptComparison{}, domain.Errorf(domain.CodeBadRequest, "error.bad_request")
		}
		v, err := a.store.ConceptVersion(ctx, p.Process.ID, number)
		if err == nil && !visible(v) {
			err = domain.ErrNotFound
		}
		if err != nil {
			return ConceptComparison{}, err
		}
		if concepts[i], err = a.store.Concept(ctx, v); err != nil {
			return ConceptComparison{}, err
		}
	}
	return ConceptComparison{From: concepts[0].Version, To: concepts[1].Version,
		Changes: domain.DiffConcepts(concepts[0], concepts[1])}, nil
}

// ConceptDraft returns the version the project group edits: the newest one
// when it is a draft, a new first version (audited) when the process has
// none. A newest version past the draft is a conflict.
func (a *App) ConceptDraft(ctx context.Context, actor store.Actor, p ProcessScope) (domain.ConceptVersion, error) {
	return a.store.Draft(ctx, actor, p.Municipality.ID, p.Process.ID)
}

// StartRevision begins a Fortschreibung of the adopted concept for the
// project group: a new draft that copies the newest version.
func (a *App) StartRevision(ctx context.Context, actor store.Actor, p ProcessScope) error {
	_, err := a.store.StartRevision(ctx, actor, p.Municipality.ID, p.Process.ID)
	return err
}

// SaveLeitbild changes the Leitbild of a draft version of the process.
func (a *App) SaveLeitbild(ctx context.Context, actor store.Actor, p ProcessScope, versionID int64, text string) error {
	v, err := a.versionOf(ctx, p, versionID)
	if err != nil {
		return err
	}
	if key := domain.ValidateConceptText(text); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.SaveLeitbild(ctx, actor, p.Municipality.ID, p.Process.ID, v.ID, text)
}

// SaveChallenges changes the challenges of one action field in a draft
// version of the process.
func (a *App) SaveChallenges(ctx context.Context, actor store.Actor, p ProcessScope, versionID, fieldID int64, text string) error {
	v, err := a.versionOf(ctx, p, versionID)
	if err != nil {
		return err
	}
	if key := domain.ValidateConceptText(text); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	return a.store.SaveChallenges(ctx, actor, p.Municipality.ID, p.Process.ID, v.ID, fieldID, text)
}

// TakeChallenges adds the challenges the workshops named for an action
// field (their Kritik cards, the most dotted first) to the field's
// challenges text in a draft, one line "– title" each, after what text
// already says and without the ones it already names; then saves it.
func (a *App) TakeChallenges(ctx context.Context, actor store.Actor, p ProcessScope, versionID, fieldID int64, text string) error {
	byField, err := a.store.Challenges(ctx, p.Process.ID)
	if err != nil {
		return err
	}
	taken := withChallenges(text, byField[fieldID])
	if domain.ValidateConceptText(text) == "" && domain.ValidateConceptText(taken) == "concept.error.text_long" {
		return domain.Errorf(domain.CodeInvalid, "concept.error.challenges_long")
	}
	return a.SaveChallenges(ctx, actor, p, versionID, fieldID, taken)
}

// withChallenges appends the challenges text does not name yet, the most
// dotted first.
func withChallenges(text string, challenges []domain.Contribution) string {
	lines := []string{}
	if t := strings.TrimSpace(text); t != "" {
		lines = append(lines, t)
	}
	for _, title := range ChallengesToTake(text, challenges) {
		lines = append(lines, "– "+title)
	}
	return strings.Join(lines, "\n")
}

// ChallengesToTake are the titles of the challenges a field's text does
// not name yet, the most dotted first, each on one line (a card written
// on two lines would leave a bare second line in the list).
func ChallengesToTake(text string, challenges []domain.Contribution) []string {
	list := slices.Clone(challenges)
	slices.SortStableFunc(list, func(x, y domain.Contribution) int { return y.DotTotal - x.DotTotal })
	var titles []string
	for _, c := range list {
		title := strings.Join(strings.Fields(c.Title), " ")
		if !strings.Contains(text, title) {
			titles = append(titles, title)
		}
	}
	return titles
}

// AddObjective adds an objective (o.ID is ignored), numbered last in its
// action field, to a draft version of the process.
func (a *App) AddObjective(ctx context.Context, actor store.Actor, p ProcessScope, o domain.Objective) error {
	v, err := a.versionOf(ctx, p, o.VersionID)
	if err != nil {
		return err
	}
	o.ID = 0
	return a.saveObjective(ctx, actor, p, v, o)
}

// SaveObjective changes the title and description of the objective o.ID
// of a draft version; an id that is not positive is a bad request.
func (a *App) SaveObjective(ctx context.Context, actor store.Actor, p ProcessScope, o domain.Objective) error {
	v, err := a.versionOf(ctx, p, o.VersionID)
	if err != nil {
		return err
	}
	if o.ID <= 0 {
		return domain.Errorf(domain.CodeBadRequest, "error.bad_request")
	}
	return a.saveObjective(ctx, actor, p, v, o)
}

func (a *App) saveObjective(ctx context.Context, actor store.Actor, p ProcessScope, v domain.ConceptVersion, o domain.Objective) error {
	key := domain.ValidateConceptTitle(o.Title)
	if key == "" {
		key = domain.ValidateConceptText(o.Description)
	}
	if key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	o.VersionID = v.ID
	_, err := a.store.SaveObjective(ctx, actor, p.Municipality.ID, p.Process.ID, o)
	return err
}

// DeleteObjective removes an objective without measures from a draft
// version; an id that is not positive is a bad request.
func (a *App) DeleteObjective(ctx context.Context, actor store.Actor, p ProcessScope, versionID, objectiveID int64) error {
	v, err := a.versionOf(ctx, p, versionID)
	if err != nil {
		return err
	}
	if objectiveID <= 0 {
		return domain.Errorf(domain.CodeBadRequest, "error.bad_request")
	}
	return a.store.DeleteObjective(ctx, actor, p.Municipality.ID, p.Process.ID, v.ID, objectiveID)
}

// MoveConcept moves a version of the process one step in the workflow
// (entwurf → abgestimmt → vorgelegt) or back to the draft; a step the
// workflow does not allow is a conflict.
func (a *App) MoveConcept(ctx context.Context, actor store.Actor, p ProcessScope, versionID int64, to string) error {
	v, err := a.versionOf(ctx, p, versionID)
	if err != nil {
		return err
	}
	return a.store.MoveConcept(ctx, actor, p.Municipality.ID, p.Process.ID, v.ID, to)
}

// RecordCouncilDecision records the council's decision on the version
// d.VersionID put before it: adopting freezes it, rejecting sends it back
// to the draft. Its problems come back as a validation error.
func (a *App) RecordCouncilDecision(ctx context.Context, actor store.Actor, p ProcessScope, d domain.CouncilDecision) error {
	v, err := a.versionOf(ctx, p, d.VersionID)
	if err != nil {
		return err
	}
	if problems := d.Validate(); len(problems) > 0 {
		return domain.ValidationError(problems)
	}
	d.VersionID = v.ID
	return a.store.RecordCouncilDecision(ctx, actor, p.Municipality.ID, p.Process.ID, d)
}

// versionOf finds the version with the id among the process's versions;
// a version of another process is not found.
func (a *App) versionOf(ctx context.Context, p ProcessScope, id int64) (domain.ConceptVersion, error) {
	versions, err := a.store.ConceptVersions(ctx, p.Process.ID)
	if err != nil {
		return domain.ConceptVersion{}, err
	}
	for _, v := range versions {
		if v.ID == id {
			return v, nil
		}
	}
	return domain.ConceptVersion{}, domain.ErrNotFound
}
