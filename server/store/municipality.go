package store

import (
	"context"
	"fmt"

	"zukunftswerk/server/domain"
)

var errNotFound = domain.ErrNotFound

// Municipalities lists all municipalities by name.
func (s *Store) Municipalities(ctx context.Context) ([]domain.Municipality, error) {
	var list []domain.Municipality
	err := selectAll(ctx, s.reader, &list, `SELECT id, slug, name FROM municipality ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list municipalities: %w", err)
	}
	return list, nil
}

// MunicipalityBySlug loads one municipality.
func (s *Store) MunicipalityBySlug(ctx context.Context, slug string) (domain.Municipality, error) {
	var m domain.Municipality
	err := get(ctx, s.reader, &m, `SELECT id, slug, name FROM municipality WHERE slug = ?`, slug)
	if err != nil {
		return m, notFoundIfNoRows(err, "municipality")
	}
	return m, nil
}

// EnsureMunicipality creates the municipality unless its slug exists and
// returns it either way.
func (s *Store) EnsureMunicipality(ctx context.Context, slug, name string) (domain.Municipality, error) {
	err := s.execInTx(ctx,
		`INSERT INTO municipality (slug, name, created_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING`,
		slug, name, s.now())
	if err != nil {
		return domain.Municipality{}, fmt.Errorf("store: unable to create municipality: %w", err)
	}
	return s.MunicipalityBySlug(ctx, slug)
}
