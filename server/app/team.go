package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// TeamMember is a member of a municipality's team with the account actions
// the viewer may take on them.
type TeamMember struct {
	store.TeamMember
	MayManage bool // reset, disable, enable (domain.MayManageAccount)
	MayRemove bool // remove this town's roles (domain.MayRemoveRoles)
}

// Team lists a municipality's staff with their roles for its admin
// (viewer), each with what the viewer may do to their account. The store
// checks the same rules again when an action comes in.
func (a *App) Team(ctx context.Context, viewer domain.StaffUser, municipalityID int64) ([]TeamMember, error) {
	team, err := a.store.Team(ctx, municipalityID)
	if err != nil {
		return nil, err
	}
	var rows []TeamMember
	for _, member := range team {
		rows = append(rows, TeamMember{TeamMember: member,
			MayManage: domain.MayManageAccount(viewer.InstallationAdmin, member.StaffUser, member.Elsewhere),
			MayRemove: domain.MayRemoveRoles(viewer.InstallationAdmin, viewer.ID, member.StaffUser)})
	}
	return rows, nil
}

// TeamMemberOf is one member of a municipality's team as Team shows it to
// the viewer; false when the account is not in the team.
func (a *App) TeamMemberOf(ctx context.Context, viewer domain.StaffUser, municipalityID, userID int64) (TeamMember, bool, error) {
	team, err := a.Team(ctx, viewer, municipalityID)
	if err != nil {
		return TeamMember{}, false, err
	}
	for _, m := range team {
		if m.ID == userID {
			return m, true, nil
		}
	}
	return TeamMember{}, false, nil
}

// Link is a new single-use invitation or reset link: its token, shown once
// (only its hash is stored), and the address it is meant for.
type Link struct {
	Token string
	Email string
}

// Invite makes a single-use link with which the person at email gets the
// role in the municipality (sending mail is not built; the admin passes the
// link on).
func (a *App) Invite(ctx context.Context, actor store.Actor, municipalityID int64, email string, role domain.Role) (Link, error) {
	email, ok := domain.NormalizeEmail(email)
	if !ok {
		return Link{}, domain.Errorf(domain.CodeInvalid, "staff.error.email")
	}
	if !domain.ValidRole(role) {
		return Link{}, domain.Errorf(domain.CodeInvalid, "staff.error.role")
	}
	token, hash := newLinkToken()
	inv := store.Invitation{TokenHash: hash, Purpose: store.PurposeInvite, Role: string(role), Email: email}
	if err := a.store.CreateInvitation(ctx, actor, municipalityID, inv, a.Config.InvitationValidity); err != nil {
		return Link{}, err
	}
	return Link{Token: token, Email: email}, nil
}

// ResetLink makes a single-use link with which a member of the
// municipality sets a new password. The store makes it only for an account
// the actor may change (domain.MayManageAccount) and a member of this
// municipality; anyone else is forbidden.
func (a *App) ResetLink(ctx context.Context, actor store.Actor, municipalityID, userID int64) (Link, error) {
	target, err := a.store.StaffUser(ctx, userID)
	if err != nil {
		return Link{}, domain.Errorf(domain.CodeForbidden, "error.forbidden")
	}
	token, hash := newLinkToken()
	inv := store.Invitation{TokenHash: hash, Purpose: store.PurposeReset, Email: target.Email, UserID: &userID}
	if err := a.store.CreateInvitation(ctx, actor, municipalityID, inv, a.Config.InvitationValidity); err != nil {
		return Link{}, err
	}
	return Link{Token: token, Email: target.Email}, nil
}

// DisableAccount locks a member of the municipality out and ends every
// session of the account at once, if the actor may change the account
// (the store checks domain.MayManageAccount). Nobody disables themselves:
// an admin who did would have nobody to turn to.
func (a *App) DisableAccount(ctx context.Context, actor store.Actor, municipalityID, userID int64) error {
	if userID == actor.UserID {
		return domain.Errorf(domain.CodeInvalid, "staff.error.disable_self")
	}
	if err := a.store.SetDisabled(ctx, actor, municipalityID, userID, true); err != nil {
		return err
	}
	return a.sessions.DeleteUser(ctx, userID)
}

// EnableAccount lets a disabled member of the municipality in again, if
// the actor may change the account (domain.MayManageAccount). Links the
// account made before stay dead.
func (a *App) EnableAccount(ctx context.Context, actor store.Actor, municipalityID, userID int64) error {
	return a.store.SetDisabled(ctx, actor, municipalityID, userID, false)
}

// RemoveRoles takes every role of a member in the municipality
// (domain.MayRemoveRoles, checked by the store); the account keeps its
// other towns' roles.
func (a *App) RemoveRoles(ctx context.Context, actor store.Actor, municipalityID, userID int64) error {
	return a.store.RemoveRoles(ctx, actor, municipalityID, userID)
}

// InvitationView is an open invitation or reset link as its page shows
// it: for whom, which role in which town, and whether the address already
// has an account (whose owner then confirms with its own password).
type InvitationView struct {
	store.Invitation
	Existing bool
	account  domain.StaffUser
}

// Invitation opens a link for the person who holds it; a link that is
// used, expired or whose maker may no longer make it is not found.
func (a *App) Invitation(ctx context.Context, token string) (InvitationView, error) {
	inv, err := a.store.OpenInvitation(ctx, hashLinkToken(token))
	if err != nil {
		return InvitationView{}, err
	}
	view := InvitationView{Invitation: inv}
	if inv.Purpose == store.PurposeInvite {
		if u, err := a.store.StaffUserByEmail(ctx, inv.Email); err == nil {
			view.Existing, view.account = true, u
		}
	}
	return view, nil
}

// InvitationAnswer is what the person types on a link's page: a name and a
// new password, or for an existing account only its password.
type InvitationAnswer struct {
	Name     string
	Password string
	Repeat   string
}

// AcceptInvitation uses a link (opened by Invitation) once. A new address
// gets its account with the role; a reset link sets the new password and
// ends the account's sessions. An address that already has an account gets
// the role only when its owner types that account's password (limited like
// a login, by client address): holding the link is not enough to change
// someone else's account. An account that appeared since the page was shown
// is store.ErrAccountExists.
func (a *App) AcceptInvitation(ctx context.Context, inv InvitationView, answer InvitationAnswer, client string) error {
	if inv.Existing {
		return a.joinWithInvitation(ctx, inv, answer.Password, client)
	}
	name := strings.TrimSpace(answer.Name)
	if inv.Purpose == store.PurposeReset {
		name = "reset" // a reset keeps the account's name
	}
	if key := domain.ValidateName(name); key != "" {
		return domain.Errorf(domain.CodeInvalid, key)
	}
	hash, err := newPasswordHash(answer.Password, answer.Repeat)
	if err != nil {
		return err
	}
	user, err := a.store.AcceptInvitation(ctx, inv.TokenHash, name, hash)
	if err != nil {
		return err
	}
	if inv.Purpose == store.PurposeReset {
		if err := a.sessions.DeleteUser(ctx, user.ID); err != nil {
			a.log.Warn("unable to end sessions after a password reset", "error", err)
		}
	}
	return nil
}

// joinWithInvitation gives an existing account the invited role once its
// own password is typed; the attempts count against the login limits.
func (a *App) joinWithInvitation(ctx context.Context, inv InvitationView, password, client string) error {
	if err := a.passwordAttempt(ctx, inv.account.Email, client); err != nil {
		return err
	}
	if !auth.CheckPassword(password, inv.account.PasswordHash) || inv.account.Disabled {
		return errLoginFailed
	}
	return a.store.JoinWithInvitation(ctx, inv.TokenHash, inv.account.ID)
}

// newLinkToken returns a random token for an invitation or reset link and
// the hash under which it is stored.
func newLinkToken() (token, hash string) {
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	token = hex.EncodeToString(raw)
	return token, hashLinkToken(token)
}

func hashLinkToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
