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
	// MunicipalityName is read with the invitation, for its page.
	MunicipalityName string `db:"municipality_name"`
}

// CreateInvitation stores an invitation (or a reset link) that expires. A
// reset link is only made for an account the actor may change
// (domain.MayManageAccount); the rule is applied again when it is used.
func (s *Store) CreateInvitation(ctx context.Context, actor Actor, municipalityID int64, inv Invitation, validFor time.Duration) error {
	action, object := "invitation.create", inv.Email
	if inv.Purpose == PurposeReset {
		action = "user.password_reset"
	}
	return s.audited(ctx, actor, municipalityID, action, "invitation", object, inv.Role, func(tx *sqlx.Tx) error {
		if inv.Purpose == PurposeReset {
			if inv.UserID == nil {
				return fmt.Errorf("store: a reset link needs its account")
			}
			if err := s.checkManageable(ctx, tx, actor.InstallationAdmin, municipalityID, *inv.UserID); err != nil {
				return err
			}
		}
		_, err := exec(ctx, tx, `INSERT INTO invitation (token_hash, purpose, municipality_id, role, email, user_id, created_by, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			inv.TokenHash, inv.Purpose, municipalityID, inv.Role, inv.Email, inv.UserID, actor.UserID, s.now(), s.now().Add(validFor))
		if err != nil {
			return fmt.Errorf("store: unable to create invitation: %w", err)
		}
		return nil
	})
}

// OpenInvitation loads an unused, unexpired invitation whose maker is
// still an admin there (see checkMaker), for its page and its use.
func (s *Store) OpenInvitation(ctx context.Context, tokenHash string) (Invitation, error) {
	var inv Invitation
	err := get(ctx, s.reader, &inv, `SELECT i.token_hash, i.purpose, i.municipality_id, i.role, i.email, i.user_id, i.expires_at, i.used_at,
		COALESCE(m.name, '') AS municipality_name
		FROM invitation i LEFT JOIN municipality m ON m.id = i.municipality_id JOIN staff_user maker ON maker.id = i.created_by
		WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ? AND NOT maker.disabled
		AND (maker.installation_admin OR EXISTS (SELECT 1 FROM staff_role r WHERE r.user_id = maker.id
			AND r.municipality_id = i.municipality_id AND r.role = ?))`, tokenHash, s.now(), domain.RoleAdmin)
	if errors.Is(err, sql.ErrNoRows) {
		return inv, domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
	}
	if err != nil {
		return inv, fmt.Errorf("store: unable to load invitation: %w", err)
	}
	return inv, nil
}

// ErrAccountExists answers an invitation for an address that has an
// account by now: that person accepts with their own password instead
// (JoinWithInvitation).
var ErrAccountExists = domain.Errorf(domain.CodeConflict, "staff.error.account_exists")

// AcceptInvitation uses the link exactly once: an invitation creates the
// account with its role; a reset link sets the new password. An invitation
// never touches an existing account (ErrAccountExists). Every link works only
// while its maker is still an admin there (checkMaker), and a reset link
// only while its maker may still change the account: not after the account
// gained a role in another town.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash, name, passwordHash string) (domain.StaffUser, error) {
	var userID int64
	inv, err := s.OpenInvitation(ctx, tokenHash)
	if err != nil {
		return domain.StaffUser{}, err
	}
	municipalityID := derefInt(inv.MunicipalityID)
	actor := Actor{Name: name}
	if inv.Purpose == PurposeReset {
		actor.Name = inv.Email
	}
	err = s.audited(ctx, actor, municipalityID, "invitation.accept", "invitation", inv.Email, inv.Purpose, func(tx *sqlx.Tx) error {
		if err := s.useInvitation(ctx, tx, tokenHash); err != nil {
			return err
		}
		if inv.Purpose == PurposeReset {
			userID = *inv.UserID
			if err := s.checkResetMaker(ctx, tx, tokenHash, municipalityID, userID); err != nil {
				return err
			}
			if _, err := exec(ctx, tx, `UPDATE staff_user SET password_hash = ? WHERE id = ?`, passwordHash, userID); err != nil {
				return fmt.Errorf("store: unable to set password: %w", err)
			}
			return nil
		}
		if _, err := s.checkMaker(ctx, tx, tokenHash, municipalityID); err != nil {
			return err
		}
		err := get(ctx, tx, &userID, `INSERT INTO staff_user (email, name, password_hash, installation_admin, disabled, created_at)
			VALUES (?, ?, ?, FALSE, FALSE, ?) ON CONFLICT (email) DO NOTHING RETURNING id`, inv.Email, name, passwordHash, s.now())
		if errors.Is(err, sql.ErrNoRows) {
			return ErrAccountExists
		}
		if err != nil {
			return fmt.Errorf("store: unable to create invited account: %w", err)
		}
		return s.grantInvitedRole(ctx, tx, userID, municipalityID, inv.Role)
	})
	if err != nil {
		return domain.StaffUser{}, err
	}
	return s.StaffUser(ctx, userID)
}

// JoinWithInvitation gives an existing account the invitation's role. The
// caller has checked the account's own password: the person who owns the
// address accepts, not whoever holds the link. Password, name and sessions
// stay as they are.
func (s *Store) JoinWithInvitation(ctx context.Context, tokenHash string, userID int64) error {
	inv, err := s.OpenInvitation(ctx, tokenHash)
	if err != nil {
		return err
	}
	if inv.Purpose != PurposeInvite {
		return domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
	}
	municipalityID := derefInt(inv.MunicipalityID)
	return s.audited(ctx, Actor{UserID: userID, Name: inv.Email}, municipalityID, "invitation.accept", "invitation", inv.Email, inv.Purpose, func(tx *sqlx.Tx) error {
		var owner int64
		if err := get(ctx, tx, &owner, `SELECT id FROM staff_user WHERE email = ? AND NOT disabled`+s.forUpdate(), inv.Email); err != nil || owner != userID {
			return domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
		}
		if _, err := s.checkMaker(ctx, tx, tokenHash, municipalityID); err != nil {
			return err
		}
		if err := s.useInvitation(ctx, tx, tokenHash); err != nil {
			return err
		}
		return s.grantInvitedRole(ctx, tx, userID, municipalityID, inv.Role)
	})
}

// useInvitation marks the link used; a second use at the same moment finds
// it used.
func (s *Store) useInvitation(ctx context.Context, tx *sqlx.Tx, tokenHash string) error {
	res, err := exec(ctx, tx, `UPDATE invitation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
		s.now(), tokenHash, s.now())
	if err != nil {
		return fmt.Errorf("store: unable to use invitation: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
	}
	return nil
}

// checkMaker makes sure the person who made a link may still make it: not
// disabled, and still an admin of the link's municipality (or an
// installation admin). An admin who is removed or disabled takes their open
// links along; nobody can keep a way back in. It returns whether the maker
// is an installation admin.
func (s *Store) checkMaker(ctx context.Context, tx *sqlx.Tx, tokenHash string, municipalityID int64) (bool, error) {
	var maker struct {
		InstallationAdmin bool `db:"installation_admin"`
		Disabled          bool `db:"disabled"`
		Admin             int  `db:"admin"`
	}
	err := get(ctx, tx, &maker, `SELECT u.installation_admin, u.disabled,
		(SELECT COUNT(*) FROM staff_role r WHERE r.user_id = u.id AND r.municipality_id = ? AND r.role = ?) AS admin
		FROM invitation i JOIN staff_user u ON u.id = i.created_by WHERE i.token_hash = ?`, municipalityID, domain.RoleAdmin, tokenHash)
	if err != nil || maker.Disabled || (!maker.InstallationAdmin && maker.Admin == 0) {
		return false, domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
	}
	return maker.InstallationAdmin, nil
}

// checkResetMaker applies the account rule again for the person who made a
// reset link, as things are now.
func (s *Store) checkResetMaker(ctx context.Context, tx *sqlx.Tx, tokenHash string, municipalityID, userID int64) error {
	makerIsInstallationAdmin, err := s.checkMaker(ctx, tx, tokenHash, municipalityID)
	if err != nil {
		return err
	}
	if err := s.checkManageable(ctx, tx, makerIsInstallationAdmin, municipalityID, userID); err != nil {
		return domain.Errorf(domain.CodeNotFound, "staff.error.invitation_invalid")
	}
	return nil
}

func (s *Store) grantInvitedRole(ctx context.Context, tx *sqlx.Tx, userID, municipalityID int64, role string) error {
	_, err := exec(ctx, tx, `INSERT INTO staff_role (user_id, municipality_id, role) VALUES (?, ?, ?)
		ON CONFLICT (user_id, municipality_id, role) DO NOTHING`, userID, municipalityID, role)
	if err != nil {
		return fmt.Errorf("store: unable to grant invited role: %w", err)
	}
	return nil
}

func derefInt(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// OpenResetLinks counts the unused, unexpired reset links of an account.
func (s *Store) OpenResetLinks(ctx context.Context, userID int64) (int, error) {
	var n int
	err := get(ctx, s.reader, &n, `SELECT COUNT(*) FROM invitation WHERE user_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?`,
		userID, PurposeReset, s.now())
	if err != nil {
		return 0, fmt.Errorf("store: unable to count reset links: %w", err)
	}
	return n, nil
}

// revokeLinksOf marks the open links a person made as used: all of them
// (municipalityID 0) when the account is disabled, those of one
// municipality when their roles there are removed. Enabling the account or
// granting the role again does not bring them back.
func (s *Store) revokeLinksOf(ctx context.Context, tx *sqlx.Tx, makerID, municipalityID int64) error {
	query, args := `UPDATE invitation SET used_at = ? WHERE created_by = ? AND used_at IS NULL`, []any{s.now(), makerID}
	if municipalityID > 0 {
		query, args = query+` AND municipality_id = ?`, append(args, municipalityID)
	}
	if _, err := exec(ctx, tx, query, args...); err != nil {
		return fmt.Errorf("store: unable to revoke links: %w", err)
	}
	return nil
}
