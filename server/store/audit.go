package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// Actor is the staff member behind a change; every change is audited.
type Actor struct {
	UserID int64
	Name   string
	// InstallationAdmin widens what account changes the actor may make
	// (domain.MayManageAccount); it comes from the actor's own account row.
	InstallationAdmin bool
}

// audited runs fn in a transaction and writes the audit entry in the same
// transaction: a change without its entry cannot happen.
func (s *Store) audited(ctx context.Context, actor Actor, municipalityID int64, action, objectType, objectID, detail string, fn func(tx *sqlx.Tx) error) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return s.insertAudit(ctx, tx, actor, municipalityID, action, objectType, objectID, detail)
	})
}

func (s *Store) insertAudit(ctx context.Context, tx *sqlx.Tx, actor Actor, municipalityID int64, action, objectType, objectID, detail string) error {
	// The log is read by people: an action the catalog cannot word is a
	// programming error, caught by the tests that make it.
	if !domain.IsAuditAction(action) || !slices.Contains(domain.AuditObjectTypes, objectType) {
		return fmt.Errorf("store: audit action %q on %q is not listed in domain.AuditActions/AuditObjectTypes", action, objectType)
	}
	var m, u any
	if municipalityID > 0 {
		m = municipalityID
	}
	if actor.UserID > 0 {
		u = actor.UserID
	}
	if _, err := exec(ctx, tx, `INSERT INTO audit_entry (user_id, user_name, municipality_id, action, object_type, object_id, detail, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, u, actor.Name, m, action, objectType, objectID, detail, s.now()); err != nil {
		return fmt.Errorf("store: unable to write audit entry: %w", err)
	}
	return nil
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	MunicipalityID int64
	UserID         int64  // 0: everyone
	Action         string // "": every action
	Limit          int
}

// AuditEntries lists a municipality's audit log, newest first.
func (s *Store) AuditEntries(ctx context.Context, f AuditFilter) ([]domain.AuditEntry, error) {
	// MunicipalityID 0 selects the installation's own entries (accounts,
	// legal pages), which belong to no municipality.
	where := []string{"municipality_id = ?"}
	args := []any{f.MunicipalityID}
	if f.MunicipalityID == 0 {
		where, args = []string{"municipality_id IS NULL"}, nil
	}
	if f.UserID > 0 {
		where = append(where, "user_id = ?")
		args = append(args, f.UserID)
	}
	if f.Action != "" {
		where = append(where, "action = ?")
		args = append(args, f.Action)
	}
	var list []domain.AuditEntry
	err := selectAll(ctx, s.reader, &list, `SELECT id, user_id, user_name, municipality_id, action, object_type, object_id, detail, created_at
		FROM audit_entry WHERE `+strings.Join(where, " AND ")+` ORDER BY created_at DESC, id DESC LIMIT ?`, append(args, f.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list audit entries: %w", err)
	}
	return list, nil
}

// AuditActions lists the distinct actions in a municipality's log (0: the
// installation's own log).
func (s *Store) AuditActions(ctx context.Context, municipalityID int64) ([]string, error) {
	var list []string
	var err error
	if municipalityID == 0 {
		err = selectAll(ctx, s.reader, &list, `SELECT DISTINCT action FROM audit_entry WHERE municipality_id IS NULL ORDER BY action`)
	} else {
		err = selectAll(ctx, s.reader, &list, `SELECT DISTINCT action FROM audit_entry WHERE municipality_id = ? ORDER BY action`, municipalityID)
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to list audit actions: %w", err)
	}
	return list, nil
}
