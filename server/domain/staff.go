package domain

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a staff member may do in one municipality.
type Role string

const (
	RoleAdmin         Role = "admin"         // sets up processes, action fields, Fahrplan, users
	RoleProjektgruppe Role = "projektgruppe" // curates contributions and the concept
	RoleModeration    Role = "moderation"    // runs workshops, moderates content
	RoleVerwaltung    Role = "verwaltung"    // reports on measures
)

// Roles lists every role in the order the UI shows them.
var Roles = []Role{RoleAdmin, RoleProjektgruppe, RoleModeration, RoleVerwaltung}

// ValidRole reports whether r is one of Roles.
func ValidRole(r Role) bool {
	for _, known := range Roles {
		if r == known {
			return true
		}
	}
	return false
}

// StaffUser is an account of a staff member. Citizens have no accounts.
type StaffUser struct {
	ID                int64     `db:"id"`
	Email             string    `db:"email"`
	Name              string    `db:"name"`
	PasswordHash      string    `db:"password_hash"`
	InstallationAdmin bool      `db:"installation_admin"`
	Disabled          bool      `db:"disabled"`
	CreatedAt         time.Time `db:"created_at"`
}

// Membership is one role of a user in one municipality.
type Membership struct {
	MunicipalityID   int64  `db:"municipality_id"`
	MunicipalitySlug string `db:"municipality_slug"`
	MunicipalityName string `db:"municipality_name"`
	Role             Role   `db:"role"`
}

// AuditEntry records one change a staff member made.
type AuditEntry struct {
	ID             int64     `db:"id"`
	UserID         *int64    `db:"user_id"`
	UserName       string    `db:"user_name"`
	MunicipalityID *int64    `db:"municipality_id"`
	Action         string    `db:"action"`
	ObjectType     string    `db:"object_type"`
	ObjectID       string    `db:"object_id"`
	Detail         string    `db:"detail"`
	CreatedAt      time.Time `db:"created_at"`
}

// Password limits, in characters of any script.
const (
	MinPasswordLength = 10
	MaxPasswordLength = 256
	MaxNameLength     = 80
)

// commonPasswords are refused whatever their length; compared in lower case.
var commonPasswords = map[string]bool{
	"1234567890": true, "12345678910": true, "0987654321": true, "1111111111": true, "0000000000": true,
	"passwort123": true, "passwort1234": true, "password123": true, "password1234": true, "passwort12": true,
	"qwertz1234": true, "qwertzuiop": true, "qwertyuiop": true, "qwerty1234": true, "asdfghjkl1": true,
	"hallo12345": true, "hallo123456": true, "geheim1234": true, "geheim12345": true, "schatz1234": true,
	"iloveyou12": true, "abcdefghij": true, "abc1234567": true, "sommer2024": true, "sommer2025": true,
	"sommer2026": true, "winter2025": true, "winter2026": true, "fussball12": true, "fußball123": true,
	"willkommen1": true, "willkommen123": true, "letmein123": true, "administrator": true, "admin12345": true,
	"zukunftswerk": true, "zukunftswerk1": true, "ingersheim1": true, "gemeinde123": true, "rathaus123": true,
}

// ValidatePassword returns the catalog key of the password's problem, or "".
func ValidatePassword(password string) string {
	switch n := utf8.RuneCountInString(password); {
	case !utf8.ValidString(password):
		return "error.invalid_characters"
	case n < MinPasswordLength:
		return "staff.error.password_short"
	case n > MaxPasswordLength:
		return "staff.error.password_long"
	case commonPasswords[strings.ToLower(password)]:
		return "staff.error.password_common"
	}
	return ""
}

// NormalizeEmail lower-cases and trims an address; ok is false when it is
// not a plain address.
func NormalizeEmail(email string) (string, bool) {
	email = strings.ToLower(strings.TrimSpace(email))
	if len(email) > 254 || !utf8.ValidString(email) {
		return "", false
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" {
		return "", false
	}
	return email, true
}

// ValidateName returns the catalog key of a staff name's problem, or "".
func ValidateName(name string) string {
	switch {
	case !utf8.ValidString(name) || hasForbiddenControl(name, false):
		return "error.invalid_characters"
	case strings.TrimSpace(name) == "":
		return "staff.error.name_missing"
	case utf8.RuneCountInString(name) > MaxNameLength:
		return "staff.error.name_long"
	}
	return ""
}

// Moderation modes of a process.
const (
	ModerationPost = "post" // ideas appear at once
	ModerationPre  = "pre"  // ideas wait for a moderator
)

// Pending is the visibility of an idea waiting for pre-moderation.
const Pending = "pending"

// MaxHideReason bounds a moderator's public reason, in characters.
const MaxHideReason = 300

// MayManageAccount is the rule for changes to an account itself (password
// reset, disabling, enabling) made from one municipality's team page: an
// installation admin may change any account; anyone else only an account
// that is no installation admin and has no role in another municipality
// (rolesElsewhere). An account shared with another town belongs to both,
// so neither town's admin may lock the other out or take it over; each may
// only remove its own town's roles (see MayRemoveRoles).
func MayManageAccount(actorIsInstallationAdmin bool, target StaffUser, rolesElsewhere int) bool {
	if actorIsInstallationAdmin {
		return true
	}
	return !target.InstallationAdmin && rolesElsewhere == 0
}

// MayRemoveRoles is the rule for taking a municipality's roles from an
// account: any admin of the municipality may, except from an installation
// admin (managed only by installation admins) or from themselves (so that a
// town cannot lose its last admin by a slip).
func MayRemoveRoles(actorIsInstallationAdmin bool, actorID int64, target StaffUser) bool {
	if target.ID == actorID {
		return false
	}
	return actorIsInstallationAdmin || !target.InstallationAdmin
}
