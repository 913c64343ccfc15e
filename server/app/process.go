package app

import (
	"context"

	"zukunftswerk/server/domain"
)

// ProcessScope is a municipality's process with its action fields, as every
// page and use case below /<town>/<process>/ needs it.
type ProcessScope struct {
	Municipality domain.Municipality
	Process      domain.Process
	Fields       []domain.ActionField
}

// Field returns the process's action field with the id.
func (p ProcessScope) Field(id int64) (domain.ActionField, bool) {
	for _, f := range p.Fields {
		if f.ID == id {
			return f, true
		}
	}
	return domain.ActionField{}, false
}

// FieldTitle is the title of the action field with the given id.
func (p ProcessScope) FieldTitle(id int64) string {
	f, _ := p.Field(id)
	return f.Title
}

// HasField tells whether the id is one of the process's action fields.
func (p ProcessScope) HasField(id int64) bool {
	_, ok := p.Field(id)
	return ok
}

// ProcessBySlugs finds a process by the slugs of its municipality and its
// own.
func (a *App) ProcessBySlugs(ctx context.Context, municipality, process string) (ProcessScope, error) {
	m, err := a.store.MunicipalityBySlug(ctx, municipality)
	if err != nil {
		return ProcessScope{}, err
	}
	return a.ProcessOf(ctx, m, process)
}

// ProcessSlugs are the slugs of a process's municipality and its own.
func (a *App) ProcessSlugs(ctx context.Context, processID int64) (municipality, process string, err error) {
	return a.store.ProcessSlugs(ctx, processID)
}

// ProcessOf finds a process of the municipality by its slug, with its
// action fields; a process of another municipality is not found.
func (a *App) ProcessOf(ctx context.Context, m domain.Municipality, slug string) (ProcessScope, error) {
	p, err := a.store.ProcessBySlug(ctx, m.ID, slug)
	if err != nil {
		return ProcessScope{}, err
	}
	fields, err := a.store.ActionFields(ctx, p.ID)
	if err != nil {
		return ProcessScope{}, err
	}
	return ProcessScope{Municipality: m, Process: p, Fields: fields}, nil
}
