package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

// Invitation purposes.
const (
	PurposeInvite = "invite" // creates an account with a role
	PurposeReset  = "reset"  // sets a new password for an account
)

// Invitation is a single-use link, stored by the hash of its token.
type Invitation struct {
	TokenHash      string     `db:"token_hash"`
	Purpose        string     `db:"purpose"`
	MunicipalityID *int64     `db:"municipality_id"`
	Role           string     `db:"role"`
	Email          string     `db:"email"`
	UserID         *int64     `db:"user_id"`
	ExpiresAt      time.Time  `db:"expires_at"`
	UsedAt         *time.Time `db:"used_at"`
}

// CreateInvitation stores an invitation (or a reset link) that expires.
func (s *Store) CreateInvitation(ctx context.Context, actor Actor, municipalityID int64, inv Invitation, validFor time.Duration) error {
	action, object := "invitation.create", inv.Email
	if inv.Purpose == PurposeReset {
		action = "user.password_reset"
	}
	return s.audited(ctx, actor, municipalityID, action, "invitation", object, inv.Role, func(tx *sqlx.Tx) error {
		_, err := exec(ctx, tx, `INSERT INTO invitation (token_hash, purpose, municipality_id, role, email, user_id, created_by, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			inv.TokenHash, inv.Purpose, municipalityID, inv.Role, inv.Email, inv.UserID, actor.UserID, s.now(), s.now().Add(validFor))
		if err != nil {
			return fmt.Errorf("store: unable to create invitation: %w", err)
		}
		return nil
	})
}

// OpenInvitation loads an unused, unexpired invitation.
func (s *Store) OpenInvitation(ctx context.Context, tokenHash string) (Invitation, error) {
	var inv Invitation
	err := get(ctx, s.reader, &inv, `SELECT token_hash, purpose, municipality_id, role, email, user_id, expires_at, used_at
		FROM invitation WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`, tokenHash, s.now())
	if errors.Is(err, sql.ErrNoRows) {
		return inv, domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
	}
	if err != nil {
		return inv, fmt.Errorf("store: unable to load invitation: %w", err)
	}
	return inv, nil
}

// AcceptInvitation uses the invitation exactly once: it creates the account
// with its role (invite) or sets the new password (reset).
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash, name, passwordHash string) (domain.StaffUser, error) {
	var userID int64
	inv, err := s.OpenInvitation(ctx, tokenHash)
	if err != nil {
		return domain.StaffUser{}, err
	}
	var municipalityID int64
	if inv.MunicipalityID != nil {
		municipalityID = *inv.MunicipalityID
	}
	actor := Actor{Name: name}
	if inv.Purpose == PurposeReset {
		actor.Name = inv.Email
	}
	err = s.audited(ctx, actor, municipalityID, "invitation.accept", "invitation", inv.Email, inv.Purpose, func(tx *sqlx.Tx) error {
		res, err := exec(ctx, tx, `UPDATE invitation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
			s.now(), tokenHash, s.now())
		if err != nil {
			return fmt.Errorf("store: unable to use invitation: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
		}
		if inv.Purpose == PurposeReset {
			userID = *inv.UserID
			_, err := exec(ctx, tx, `UPDATE staff_user SET password_hash = ? WHERE id = ?`, passwordHash, userID)
			return err
		}
		err = get(ctx, tx, &userID, `INSERT INTO staff_user (email, name, password_hash, installation_admin, disabled, created_at)
			VALUES (?, ?, ?, FALSE, FALSE, ?) ON CONFLICT (email) DO NOTHING RETURNING id`, inv.Email, name, passwordHash, s.now())
		if errors.Is(err, sql.ErrNoRows) {
			// An existing account gets the new role; its password stays.
			if err := get(ctx, tx, &userID, `SELECT id FROM staff_user WHERE email = ?`, inv.Email); err != nil {
				return fmt.Errorf("store: unable to find invited account: %w", err)
			}
		} else if err != nil {
			return fmt.Errorf("store: unable to create invited account: %w", err)
		}
		_, err = exec(ctx, tx, `INSERT INTO staff_role (user_id, municipality_id, role) VALUES (?, ?, ?)
			ON CONFLICT (user_id, municipality_id, role) DO NOTHING`, userID, municipalityID, inv.Role)
		if err != nil {
			return fmt.Errorf("store: unable to grant invited role: %w", err)
		}
		return nil
	})
	if err != nil {
		return domain.StaffUser{}, err
	}
	return s.StaffUser(ctx, userID)
}
