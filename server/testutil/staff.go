package testutil

import (
	"context"
	"sync"
	"testing"

	"zukunftswerk/server/auth"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// StaffPassword is the password of every account made by CreateStaff.
const StaffPassword = "Backhaus am Marktplatz 1835"

// staffPasswordHash hashes StaffPassword once per test binary: argon2id is
// slow on purpose, and the account matrices create many accounts.
var staffPasswordHash = sync.OnceValues(func() (string, error) { return auth.HashPassword(StaffPassword) })

// Grant is one role in one municipality (by slug).
type Grant struct {
	Municipality string
	Role         domain.Role
}

// CreateStaff creates an account with the given roles directly in the
// database; tests log in with StaffPassword.
func CreateStaff(t testing.TB, s *store.Store, email, name string, installationAdmin bool, grants ...Grant) domain.StaffUser {
	t.Helper()
	ctx := context.Background()
	hash, err := staffPasswordHash()
	if err != nil {
		t.Fatal(err)
	}
	actor := store.Actor{Name: "test setup"}
	u, err := s.CreateStaffUser(ctx, actor, domain.StaffUser{Email: email, Name: name, PasswordHash: hash, InstallationAdmin: installationAdmin})
	if err != nil {
		t.Fatalf("create staff %s: %v", email, err)
	}
	for _, g := range grants {
		m, err := s.MunicipalityBySlug(ctx, g.Municipality)
		if err != nil {
			t.Fatalf("municipality %s: %v", g.Municipality, err)
		}
		if err := s.GrantRole(ctx, actor, u.ID, m.ID, g.Role); err != nil {
			t.Fatal(err)
		}
	}
	return u
}
