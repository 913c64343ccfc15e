package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/ratelimit"
	"zukunftswerk/server/session"
	"zukunftswerk/server/store"
)

// StaffMember is a logged-in staff member: the account and its roles in
// every municipality.
type StaffMember struct {
	User        domain.StaffUser
	Memberships []domain.Membership
}

// Actor is the audit identity of the staff member.
func (s StaffMember) Actor() store.Actor {
	return store.Actor{UserID: s.User.ID, Name: s.User.Name, InstallationAdmin: s.User.InstallationAdmin}
}

// Has reports whether the staff member holds one of roles in the
// municipality; installation admins hold every role everywhere.
func (s StaffMember) Has(municipalityID int64, roles ...domain.Role) bool {
	if s.User.InstallationAdmin {
		return true
	}
	for _, m := range s.Memberships {
		if m.MunicipalityID != municipalityID {
			continue
		}
		for _, r := range roles {
			if m.Role == r {
				return true
			}
		}
	}
	return false
}

// ErrNoSession means a session token opens nothing: the session does not
// exist (any more), or its account is gone or disabled. The person logs in
// again.
var ErrNoSession = errors.New("app: no staff session")

// Login attempts: per account and per client address, held even when Redis
// is down (in-process fallback).
var (
	loginPerAccount = ratelimit.Limit{Events: 10, Per: 15 * time.Minute}
	loginPerClient  = ratelimit.Limit{Events: 30, Per: 15 * time.Minute}
)

// The answers of a login form (and of every form that asks for an
// account's own password).
var (
	errLoginFailed      = domain.Errorf(domain.CodeUnauthorized, "staff.error.login_failed")
	errSessionsDown     = domain.Errorf(domain.CodeUnavailable, "staff.error.sessions_unavailable")
	errCurrentPassword  = domain.Errorf(domain.CodeInvalid, "staff.error.current_password")
	errPasswordRepeated = domain.Errorf(domain.CodeInvalid, "staff.error.password_repeat")
)

// LogIn checks a staff member's email and password and starts a fresh
// session, whose token it returns. The session the browser brought along
// (previous, "" for none) is ended first, so that nobody can plant a
// session on someone else's browser (fixation). Attempts count against the
// login limits per account and per client address (client); a wrong
// password and an unknown or disabled account look the same.
func (a *App) LogIn(ctx context.Context, email, password, client, previous string) (string, error) {
	email, _ = domain.NormalizeEmail(email)
	if err := a.passwordAttempt(ctx, email, client); err != nil {
		return "", err
	}
	user, err := a.store.StaffUserByEmail(ctx, email)
	hash := user.PasswordHash
	if err != nil {
		hash = "" // CheckPassword still takes its time: no timing hint
	}
	if !auth.CheckPassword(password, hash) || user.Disabled {
		return "", errLoginFailed
	}
	if previous != "" {
		_ = a.sessions.Delete(ctx, previous)
	}
	return a.startSession(ctx, user.ID)
}

// LogOut ends a session at once. The person is logged out in their browser
// whatever happens here, so a failure is only logged.
func (a *App) LogOut(ctx context.Context, token string) {
	if err := a.sessions.Delete(ctx, token); err != nil {
		a.log.Warn("unable to end a session", "error", err)
	}
}

// StaffBySession is the staff member whose session the token opens, for
// every staff page; it extends the session's idle timeout. A session of an
// account that is gone or disabled is ended here (ErrNoSession).
func (a *App) StaffBySession(ctx context.Context, token string) (StaffMember, error) {
	sess, err := a.sessions.Lookup(ctx, token, a.sessionPolicy())
	if errors.Is(err, session.ErrNoSession) {
		return StaffMember{}, ErrNoSession
	}
	if err != nil {
		a.log.Warn("session lookup failed", "error", err)
		return StaffMember{}, errSessionsDown
	}
	user, err := a.store.StaffUser(ctx, sess.UserID)
	if err != nil || user.Disabled {
		_ = a.sessions.Delete(ctx, token)
		return StaffMember{}, ErrNoSession
	}
	memberships, err := a.store.Memberships(ctx, user.ID)
	if err != nil {
		return StaffMember{}, err
	}
	return StaffMember{User: user, Memberships: memberships}, nil
}

// StaffMunicipality is the municipality with the slug for a staff member
// who holds one of roles there (installation admins hold all). Another
// municipality is forbidden, so that nobody reaches a town's pages and
// objects through their role in another.
func (a *App) StaffMunicipality(ctx context.Context, member StaffMember, slug string, roles ...domain.Role) (domain.Municipality, error) {
	m, err := a.store.MunicipalityBySlug(ctx, slug)
	if err != nil {
		return domain.Municipality{}, err
	}
	if !member.Has(m.ID, roles...) {
		return domain.Municipality{}, domain.Errorf(domain.CodeForbidden, "error.forbidden")
	}
	return m, nil
}

// PasswordChange is the form with which staff members change their own
// password.
type PasswordChange struct {
	Current string
	New     string
	Repeat  string
}

// ChangePassword sets a staff member's new password once the current one is
// typed, ends every session of the account (a thief's too) and returns the
// token of a fresh session for the browser that asked. The attempts count
// against the login limits: a stolen session must not become a way to
// guess the password.
func (a *App) ChangePassword(ctx context.Context, member StaffMember, change PasswordChange, client string) (string, error) {
	if err := a.passwordAttempt(ctx, member.User.Email, client); err != nil {
		return "", err
	}
	if !auth.CheckPassword(change.Current, member.User.PasswordHash) {
		return "", errCurrentPassword
	}
	hash, err := newPasswordHash(change.New, change.Repeat)
	if err != nil {
		return "", err
	}
	if err := a.store.SetPassword(ctx, member.Actor(), member.User.ID, hash); err != nil {
		return "", err
	}
	if err := a.sessions.DeleteUser(ctx, member.User.ID); err != nil {
		return "", err
	}
	return a.startSession(ctx, member.User.ID)
}

// newPasswordHash checks a new password and its repetition and hashes it.
func newPasswordHash(password, repeat string) (string, error) {
	if key := domain.ValidatePassword(password); key != "" {
		return "", domain.Errorf(domain.CodeInvalid, key)
	}
	if password != repeat {
		return "", errPasswordRepeated
	}
	return auth.HashPassword(password)
}

// passwordAttempt counts one attempt at an account's password (a login, a
// password change, accepting an invitation with an existing account)
// against the limits per client address and per account. The account is
// named by a hash of its address, which keeps the address out of Redis.
func (a *App) passwordAttempt(ctx context.Context, email, client string) error {
	accountKey := sha256.Sum256([]byte(email))
	d := a.limits.AllowStrict(ctx, "login-client:"+client, loginPerClient)
	if d.Allowed {
		d = a.limits.AllowStrict(ctx, "login-account:"+hex.EncodeToString(accountKey[:16]), loginPerAccount)
	}
	if !d.Allowed {
		return &domain.Error{Code: domain.CodeRateLimited, MessageKey: "staff.error.login_limited", RetryAfter: d.RetryAfter}
	}
	return nil
}

// startSession creates a session for the account and returns its token.
func (a *App) startSession(ctx context.Context, userID int64) (string, error) {
	token, err := a.sessions.Create(ctx, userID, a.sessionPolicy())
	if err != nil {
		a.log.Warn("session creation failed", "error", err)
		return "", errSessionsDown
	}
	return token, nil
}

func (a *App) sessionPolicy() session.Policy {
	return session.Policy{Idle: a.Config.SessionIdle, Absolute: a.Config.SessionMax}
}
