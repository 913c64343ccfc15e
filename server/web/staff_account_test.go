package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// resetLink asks for a reset link through the team page and returns its
// path, or "" with the status when it was refused.
func resetLink(t *testing.T, srv *testutil.Server, admin *citizen, town string, userID int64) (string, int) {
	t.Helper()
	res := admin.post("/intern/k/"+town+"/team/"+strconv.FormatInt(userID, 10), url.Values{"action": {"reset"}})
	if res.StatusCode != http.StatusCreated {
		return "", res.StatusCode
	}
	link := strings.TrimSpace(res.doc(t).Find(".link-box").Text())
	return strings.TrimPrefix(link, srv.Config.BaseURL), res.StatusCode
}

// inviteLink invites an address through the team page and returns the
// link's path, or "" with the status when it was refused.
func inviteLink(t *testing.T, srv *testutil.Server, admin *citizen, town, email, role string) (string, int) {
	t.Helper()
	res := admin.post("/intern/k/"+town+"/team/einladungen", url.Values{"email": {email}, "role": {role}})
	if res.StatusCode != http.StatusCreated {
		return "", res.StatusCode
	}
	return strings.TrimPrefix(strings.TrimSpace(res.doc(t).Find(".link-box").Text()), srv.Config.BaseURL), res.StatusCode
}

// Finding 1: the installation admin who set up a town is in its team list;
// that town's admin can neither reset nor disable them.
func TestTownAdminCannotTakeOverTheInstallationAdmin(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	root := testutil.CreateStaff(t, srv.Store, "it@land.de", "IT", true, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	testutil.CreateStaff(t, srv.Store, "admin@ingersheim.de", "Anton", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	admin, rootBrowser := newCitizen(t, srv), newCitizen(t, srv)
	admin.login("admin@ingersheim.de")
	rootBrowser.login("it@land.de")

	team := admin.get("/intern/k/ingersheim/team")
	mustContain(t, team.Body, "Installations-Admin")
	if strings.Contains(team.Body, "/intern/k/ingersheim/team/"+strconv.FormatInt(root.ID, 10)+`"`) {
		t.Error("the team page offers actions on the installation admin")
	}
	if path, status := resetLink(t, srv, admin, "ingersheim", root.ID); path != "" || status != http.StatusForbidden {
		t.Errorf("reset of the installation admin: %d %q, want 403", status, path)
	}
	for _, action := range []string{"disable", "remove"} {
		res := admin.post("/intern/k/ingersheim/team/"+strconv.FormatInt(root.ID, 10), url.Values{"action": {action}})
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%s of the installation admin: %d, want 403", action, res.StatusCode)
		}
	}
	if res := rootBrowser.get("/intern/kommunen"); res.StatusCode != http.StatusOK {
		t.Errorf("the installation admin lost access: %d", res.StatusCode)
	}
	// An installation admin may reset a town admin.
	anton, _ := srv.Store.StaffUserByEmail(context.Background(), "admin@ingersheim.de")
	if path, status := resetLink(t, srv, rootBrowser, "ingersheim", anton.ID); path == "" {
		t.Errorf("installation admin resets a town admin: %d", status)
	}
}

// Finding 2: an account with roles in two towns belongs to both. Town A's
// admin may remove A's roles, not reset or disable the account; a reset
// link made while the account was A's alone dies when it gains B's role.
func TestSharedAccountIsNotOneTownsToTakeOver(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	secondTown(t, srv)
	ctx := context.Background()
	testutil.CreateStaff(t, srv.Store, "admin@ingersheim.de", "Anton", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	shared := testutil.CreateStaff(t, srv.Store, "vera@beide.de", "Vera", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung}, testutil.Grant{Municipality: "musterstadt", Role: domain.RoleModeration})
	admin, vera := newCitizen(t, srv), newCitizen(t, srv)
	admin.login("admin@ingersheim.de")
	vera.login("vera@beide.de")

	if path, status := resetLink(t, srv, admin, "ingersheim", shared.ID); path != "" || status != http.StatusForbidden {
		t.Errorf("reset of a shared account: %d %q, want 403", status, path)
	}
	res := admin.post("/intern/k/ingersheim/team/"+strconv.FormatInt(shared.ID, 10), url.Values{"action": {"disable"}})
	if res.StatusCode != http.StatusForbidden || !strings.Contains(res.Body, "nicht nur Ihrer Kommune") {
		t.Errorf("disable of a shared account: %d, want 403 with the reason", res.StatusCode)
	}
	if res := vera.get("/intern/k/musterstadt/moderation"); res.StatusCode != http.StatusOK {
		t.Errorf("Vera lost Musterstadt: %d", res.StatusCode)
	}
	// Removing Ingersheim's role is Ingersheim's business, and only that.
	if res := admin.post("/intern/k/ingersheim/team/"+strconv.FormatInt(shared.ID, 10), url.Values{"action": {"remove"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove Ingersheim's roles: %d", res.StatusCode)
	}
	if res := vera.get("/intern/k/ingersheim/"); res.StatusCode != http.StatusForbidden {
		t.Errorf("Vera still in Ingersheim: %d", res.StatusCode)
	}
	if res := vera.get("/intern/k/musterstadt/moderation"); res.StatusCode != http.StatusOK {
		t.Errorf("removing Ingersheim's roles cost Vera Musterstadt: %d", res.StatusCode)
	}

	// A reset link made while the account was Ingersheim's alone …
	local := testutil.CreateStaff(t, srv.Store, "lena@ingersheim.de", "Lena", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung})
	path, status := resetLink(t, srv, admin, "ingersheim", local.ID)
	if path == "" {
		t.Fatalf("reset of a local account: %d", status)
	}
	// … stops working once Musterstadt gives it a role.
	m, _ := srv.Store.MunicipalityBySlug(ctx, "musterstadt")
	if err := srv.Store.GrantRole(ctx, rootActor(), local.ID, m.ID, domain.RoleModeration); err != nil {
		t.Fatal(err)
	}
	anon := newCitizen(t, srv)
	if res := anon.post(path, url.Values{"password": {"übernommen und fremd"}, "repeat": {"übernommen und fremd"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("an old reset link of a now shared account: %d, want 404", res.StatusCode)
	}
	if res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"lena@ingersheim.de"}, "password": {testutil.StaffPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("Lena's own password stopped working: %d", res.StatusCode)
	}
}

// Finding 3: inviting an address that has an account neither ends its
// sessions nor gives it a role until its owner types their own password.
func TestInvitingAnExistingAccountNeedsItsOwner(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	secondTown(t, srv)
	ctx := context.Background()
	testutil.CreateStaff(t, srv.Store, "admin@m.de", "Mona", false, testutil.Grant{Municipality: "musterstadt", Role: domain.RoleAdmin})
	vera := testutil.CreateStaff(t, srv.Store, "vera@ingersheim.de", "Vera", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung})
	foreignAdmin, veraBrowser := newCitizen(t, srv), newCitizen(t, srv)
	foreignAdmin.login("admin@m.de")
	veraBrowser.login("vera@ingersheim.de")

	link, status := inviteLink(t, srv, foreignAdmin, "musterstadt", "vera@ingersheim.de", "admin")
	if link == "" {
		t.Fatalf("invite: %d", status)
	}
	// The admin uses the link themselves, with a password of their choosing.
	holder := newCitizen(t, srv)
	form := holder.get(link)
	mustContain(t, form.Body, "gibt es schon ein Konto")
	mustContain(t, form.Body, "Musterstadt")
	res := holder.post(link, url.Values{"name": {"Vera"}, "password": {"vom Admin gewählt 123"}, "repeat": {"vom Admin gewählt 123"}})
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("accepting for someone else's account: %d, want 401", res.StatusCode)
	}
	if res := veraBrowser.get("/intern/"); res.StatusCode != http.StatusOK {
		t.Errorf("Vera's session ended: %d", res.StatusCode)
	}
	if ms, _ := srv.Store.Memberships(ctx, vera.ID); len(ms) != 1 {
		t.Errorf("Vera got a role she never accepted: %v", ms)
	}
	if res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"vera@ingersheim.de"}, "password": {"vom Admin gewählt 123"}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("the link holder's password opens Vera's account: %d", res.StatusCode)
	}
	// Vera herself accepts with her own password: role granted, session kept.
	if res := veraBrowser.post(link, url.Values{"password": {testutil.StaffPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("Vera accepts: %d %s", res.StatusCode, res.Body)
	}
	if res := veraBrowser.get("/intern/k/musterstadt/team"); res.StatusCode != http.StatusOK {
		t.Errorf("Vera after accepting: %d", res.StatusCode)
	}
	if res := veraBrowser.post(link, url.Values{"password": {testutil.StaffPassword}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("the invitation works twice: %d", res.StatusCode)
	}
}

// rootActor makes test setup changes as an installation admin would.
func rootActor() store.Actor { return store.Actor{Name: "test setup", InstallationAdmin: true} }

// An admin's open links die with their admin role: removed or disabled,
// they cannot come back in through an invitation or a reset link they made
// beforehand.
func TestLinksDieWithTheirMaker(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "it@land.de", "IT", true)
	evil := testutil.CreateStaff(t, srv.Store, "evil@ingersheim.de", "Eve", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	vera := testutil.CreateStaff(t, srv.Store, "vera@ingersheim.de", "Vera", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung})
	eve, rootBrowser := newCitizen(t, srv), newCitizen(t, srv)
	eve.login("evil@ingersheim.de")
	rootBrowser.login("it@land.de")

	invite, _ := inviteLink(t, srv, eve, "ingersheim", "alt@ingersheim.de", "admin")
	reset, status := resetLink(t, srv, eve, "ingersheim", vera.ID)
	if invite == "" || reset == "" {
		t.Fatalf("links: %q %q (%d)", invite, reset, status)
	}
	if res := rootBrowser.post("/intern/k/ingersheim/team/"+strconv.FormatInt(evil.ID, 10), url.Values{"action": {"remove"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the installation admin removes Eve: %d", res.StatusCode)
	}
	anon := newCitizen(t, srv)
	if res := anon.post(invite, url.Values{"name": {"Alt"}, "password": {"ein neues Passwort 1"}, "repeat": {"ein neues Passwort 1"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("the removed admin's invitation: %d, want 404", res.StatusCode)
	}
	if res := anon.post(reset, url.Values{"password": {"übernommen 12345"}, "repeat": {"übernommen 12345"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("the removed admin's reset link: %d, want 404", res.StatusCode)
	}
	if res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"vera@ingersheim.de"}, "password": {testutil.StaffPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("Vera's password changed: %d", res.StatusCode)
	}
}

// Disabling an admin ends their links for good: enabling them again does
// not bring the links back, and a dead link's page says it is dead.
func TestLinksStayDeadAfterReenabling(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	evil := testutil.CreateStaff(t, srv.Store, "evil@ingersheim.de", "Eve", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	vera := testutil.CreateStaff(t, srv.Store, "vera@ingersheim.de", "Vera", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung})
	other := staffBrowser(t, srv, "anton@ingersheim.de", domain.RoleAdmin)
	eve := newCitizen(t, srv)
	eve.login("evil@ingersheim.de")
	reset, status := resetLink(t, srv, eve, "ingersheim", vera.ID)
	if reset == "" {
		t.Fatalf("reset link: %d", status)
	}
	for _, action := range []string{"disable", "enable"} {
		if res := other.post("/intern/k/ingersheim/team/"+strconv.FormatInt(evil.ID, 10), url.Values{"action": {action}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s Eve: %d", action, res.StatusCode)
		}
	}
	anon := newCitizen(t, srv)
	if res := anon.get(reset); res.StatusCode != http.StatusNotFound {
		t.Errorf("the page of a revoked link: %d, want 404", res.StatusCode)
	}
	if res := anon.post(reset, url.Values{"password": {"übernommen 12345"}, "repeat": {"übernommen 12345"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("a revoked reset link after its maker was enabled again: %d, want 404", res.StatusCode)
	}
}
