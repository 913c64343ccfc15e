package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"zukunftswerk/server/domain"
)

const staffColumns = `id, email, name, password_hash, installation_admin, disabled, created_at`

// CreateStaffUser creates an account (email already normalised, password
// already hashed). A taken email is a conflict.
func (s *Store) CreateStaffUser(ctx context.Context, actor Actor, u domain.StaffUser) (domain.StaffUser, error) {
	var id int64
	err := s.audited(ctx, actor, 0, "user.create", "staff_user", u.Email, "", func(tx *sqlx.Tx) error {
		err := get(ctx, tx, &id, `INSERT INTO staff_user (email, name, password_hash, installation_admin, disabled, created_at)
			VALUES (?, ?, ?, ?, FALSE, ?) ON CONFLICT (email) DO NOTHING RETURNING id`,
			u.Email, u.Name, u.PasswordHash, u.InstallationAdmin, s.now())
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Errorf(domain.CodeConflict, "staff.error.email_taken")
		}
		if err != nil {
			return fmt.Errorf("store: unable to create staff user: %w", err)
		}
		return nil
	})
	if err != nil {
		return domain.StaffUser{}, err
	}
	return s.StaffUser(ctx, id)
}

// StaffUser loads an account by id.
func (s *Store) StaffUser(ctx context.Context, id int64) (domain.StaffUser, error) {
	var u domain.StaffUser
	if err := get(ctx, s.reader, &u, `SELECT `+staffColumns+` FROM staff_user WHERE id = ?`, id); err != nil {
		return u, notFoundIfNoRows(err, "staff user")
	}
	return u, nil
}

// StaffUserByEmail loads an account by its normalised email.
func (s *Store) StaffUserByEmail(ctx context.Context, email string) (domain.StaffUser, error) {
	var u domain.StaffUser
	if err := get(ctx, s.reader, &u, `SELECT `+staffColumns+` FROM staff_user WHERE email = ?`, email); err != nil {
		return u, notFoundIfNoRows(err, "staff user")
	}
	return u, nil
}

// Memberships lists a user's roles in all municipalities.
func (s *Store) Memberships(ctx context.Context, userID int64) ([]domain.Membership, error) {
	var list []domain.Membership
	err := selectAll(ctx, s.reader, &list, `SELECT r.municipality_id, m.slug AS municipality_slug, m.name AS municipality_name, r.role
		FROM staff_role r JOIN municipality m ON m.id = r.municipality_id WHERE r.user_id = ? ORDER BY m.name, r.role`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list memberships: %w", err)
	}
	return list, nil
}

// TeamMember is a user with their roles in one municipality.
type TeamMember struct {
	domain.StaffUser
	Roles string `db:"roles"` // comma-separated
	// Elsewhere counts the user's roles in other municipalities: such an
	// account is shared, and only its roles here are this town's business.
	Elsewhere int `db:"elsewhere"`
}

// RoleList splits Roles.
func (m TeamMember) RoleList() []domain.Role {
	var out []domain.Role
	for _, r := range strings.Split(m.Roles, ",") {
		if r != "" {
			out = append(out, domain.Role(r))
		}
	}
	return out
}

// Team lists the users with a role in the municipality.
func (s *Store) Team(ctx context.Context, municipalityID int64) ([]TeamMember, error) {
	var list []TeamMember
	err := selectAll(ctx, s.reader, &list, `SELECT u.id, u.email, u.name, u.password_hash, u.installation_admin, u.disabled, u.created_at,
		(SELECT `+s.groupConcat("r.role")+` FROM staff_role r WHERE r.user_id = u.id AND r.municipality_id = ?) AS roles,
		(SELECT COUNT(*) FROM staff_role r WHERE r.user_id = u.id AND r.municipality_id <> ?) AS elsewhere
		FROM staff_user u WHERE u.id IN (SELECT user_id FROM staff_role WHERE municipality_id = ?) ORDER BY u.name, u.id`,
		municipalityID, municipalityID, municipalityID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list team: %w", err)
	}
	return list, nil
}

// groupConcat is an engine seam: SQLite's group_concat vs. string_agg.
func (s *Store) groupConcat(expr string) string {
	if s.engine == Postgres {
		return "string_agg(" + expr + ", ',' ORDER BY " + expr + ")"
	}
	return "group_concat(" + expr + ", ',')"
}

// groupConcatNotes joins free texts with blank lines, so that a template
// can split them into paragraphs again.
func (s *Store) groupConcatNotes(expr string) string {
	if s.engine == Postgres {
		return "string_agg(" + expr + ", E'\\n\\n')"
	}
	return "group_concat(" + expr + ", char(10) || char(10))"
}

// GrantRole gives a user a role in a municipality (idempotent).
func (s *Store) GrantRole(ctx context.Context, actor Actor, userID, municipalityID int64, role domain.Role) error {
	return s.audited(ctx, actor, municipalityID, "role.grant", "staff_user", strconv.FormatInt(userID, 10), string(role), func(tx *sqlx.Tx) error {
		_, err := exec(ctx, tx, `INSERT INTO staff_role (user_id, municipality_id, role) VALUES (?, ?, ?)
			ON CONFLICT (user_id, municipality_id, role) DO NOTHING`, userID, municipalityID, role)
		if err != nil {
			return fmt.Errorf("store: unable to grant role: %w", err)
		}
		return nil
	})
}

// SetDisabled disables or enables an account that has a role in the
// municipality, if the actor may change that account at all
// (domain.MayManageAccount, checked inside the transaction).
func (s *Store) SetDisabled(ctx context.Context, actor Actor, municipalityID, userID int64, disabled bool) error {
	action := "user.enable"
	if disabled {
		action = "user.disable"
	}
	return s.audited(ctx, actor, municipalityID, action, "staff_user", strconv.FormatInt(userID, 10), "", func(tx *sqlx.Tx) error {
		if err := s.checkManageable(ctx, tx, actor.InstallationAdmin, municipalityID, userID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, `UPDATE staff_user SET disabled = ? WHERE id = ?`, disabled, userID); err != nil {
			return fmt.Errorf("store: unable to change account: %w", err)
		}
		if disabled {
			return s.revokeLinksOf(ctx, tx, userID, 0)
		}
		return nil
	})
}

// checkManageable applies domain.MayManageAccount to the account as it is
// inside the transaction (its row locked on PostgreSQL, so that a role
// granted elsewhere at the same moment waits for this change): a user
// without a role in the municipality is not found there, an account the
// actor may not change is forbidden.
func (s *Store) checkManageable(ctx context.Context, tx *sqlx.Tx, actorIsInstallationAdmin bool, municipalityID, userID int64) error {
	var target domain.StaffUser
	if err := get(ctx, tx, &target, `SELECT `+staffColumns+` FROM staff_user WHERE id = ?`+s.forUpdate(), userID); err != nil {
		return notFoundIfNoRows(err, "staff user")
	}
	var here, elsewhere int
	if err := get(ctx, tx, &here, `SELECT COUNT(*) FROM staff_role WHERE user_id = ? AND municipality_id = ?`, userID, municipalityID); err != nil {
		return fmt.Errorf("store: unable to count roles: %w", err)
	}
	if err := get(ctx, tx, &elsewhere, `SELECT COUNT(*) FROM staff_role WHERE user_id = ? AND municipality_id <> ?`, userID, municipalityID); err != nil {
		return fmt.Errorf("store: unable to count roles: %w", err)
	}
	if here == 0 {
		return domain.Errorf(domain.CodeForbidden, "error.forbidden")
	}
	if !domain.MayManageAccount(actorIsInstallationAdmin, target, elsewhere) {
		return domain.Errorf(domain.CodeForbidden, "staff.error.account_shared")
	}
	return nil
}

// RemoveRoles takes every role the user holds in the municipality
// (domain.MayRemoveRoles). The account itself stays as it is: its other
// towns' roles, its password and its sessions, which from now on simply do
// not open this town's pages.
func (s *Store) RemoveRoles(ctx context.Context, actor Actor, municipalityID, userID int64) error {
	return s.audited(ctx, actor, municipalityID, "role.remove", "staff_user", strconv.FormatInt(userID, 10), "", func(tx *sqlx.Tx) error {
		var target domain.StaffUser
		if err := get(ctx, tx, &target, `SELECT `+staffColumns+` FROM staff_user WHERE id = ?`+s.forUpdate(), userID); err != nil {
			return notFoundIfNoRows(err, "staff user")
		}
		if !domain.MayRemoveRoles(actor.InstallationAdmin, actor.UserID, target) {
			return domain.Errorf(domain.CodeForbidden, "staff.error.remove_refused")
		}
		res, err := exec(ctx, tx, `DELETE FROM staff_role WHERE user_id = ? AND municipality_id = ?`, userID, municipalityID)
		if err != nil {
			return fmt.Errorf("store: unable to remove roles: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.CodeForbidden, "error.forbidden")
		}
		return s.revokeLinksOf(ctx, tx, userID, municipalityID)
	})
}

// SetPassword stores a new password hash for a user.
func (s *Store) SetPassword(ctx context.Context, actor Actor, userID int64, hash string) error {
	return s.audited(ctx, actor, 0, "user.password", "staff_user", strconv.FormatInt(userID, 10), "", func(tx *sqlx.Tx) error {
		if _, err := exec(ctx, tx, `UPDATE staff_user SET password_hash = ? WHERE id = ?`, hash, userID); err != nil {
			return fmt.Errorf("store: unable to set password: %w", err)
		}
		return nil
	})
}

// CountStaffUsers tells whether any account exists (for the first admin).
func (s *Store) CountStaffUsers(ctx context.Context) (int, error) {
	var n int
	if err := get(ctx, s.reader, &n, `SELECT COUNT(*) FROM staff_user`); err != nil {
		return 0, fmt.Errorf("store: unable to count staff users: %w", err)
	}
	return n, nil
}
