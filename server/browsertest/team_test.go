package browsertest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestTeamPageOffersOnlyWhatTheRuleAllows: a town admin's team page with
// an installation admin, an account shared with another town and a local
// one; the page offers each only the actions the account rule allows, and
// the invitation of an existing account welcomes its owner and asks for
// their own password. Both pages pass axe-core at every size.
func TestTeamPageOffersOnlyWhatTheRuleAllows(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	ctx := context.Background()
	if _, err := srv.Store.EnsureMunicipality(ctx, "musterstadt", "Musterstadt"); err != nil {
		t.Fatal(err)
	}
	in := func(town string, r domain.Role) testutil.Grant { return testutil.Grant{Municipality: town, Role: r} }
	testutil.CreateStaff(t, srv.Store, "anton@ingersheim.de", "Anton Admin", false, in("ingersheim", domain.RoleAdmin))
	testutil.CreateStaff(t, srv.Store, "it@land.de", "IT-Team des Landes", true, in("ingersheim", domain.RoleAdmin))
	testutil.CreateStaff(t, srv.Store, "vera@beide.de", "Vera Verwaltungsfachangestellte", false,
		in("ingersheim", domain.RoleVerwaltung), in("musterstadt", domain.RoleModeration))
	testutil.CreateStaff(t, srv.Store, "paula@ingersheim.de", "Paula Projektgruppe", false,
		in("ingersheim", domain.RoleProjektgruppe), in("ingersheim", domain.RoleModeration))
	mona := testutil.CreateStaff(t, srv.Store, "mona@musterstadt.de", "Mona", false, in("musterstadt", domain.RoleAdmin))

	b := New(t)
	b.LogIn(srv.URL, "anton@ingersheim.de")
	b.Must(chromedp.Navigate(srv.URL + "/intern/k/ingersheim/team"))
	b.WaitUntil(`document.querySelector('table.data-table') !== null`)
	rows := Eval[map[string]string](b, `Object.fromEntries([...document.querySelectorAll('tbody tr')].map(tr =>
		[tr.cells[0].firstChild.textContent.trim(), [...tr.querySelectorAll('button')].map(x => x.value).join(' ')]))`)
	want := map[string]string{
		"Anton Admin":                     "disable reset",
		"IT-Team des Landes":              "",
		"Vera Verwaltungsfachangestellte": "remove",
		"Paula Projektgruppe":             "disable reset remove",
	}
	for name, actions := range want {
		if got, ok := rows[name]; !ok || got != actions {
			t.Errorf("team row %q offers %q, want %q (all rows: %v)", name, got, actions, rows)
		}
	}
	if text := b.Text("tbody"); !strings.Contains(text, "Projektgruppe, Moderation") && !strings.Contains(text, "Moderation, Projektgruppe") {
		t.Errorf("roles are not named from the catalog: %q", text)
	}
	b.CheckAccessibility("team")
	b.Screenshots("team")

	// Musterstadt invites Anton, who has an account in Ingersheim.
	token := "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"
	sum := sha256.Sum256([]byte(token))
	hash := hex.EncodeToString(sum[:])
	m, _ := srv.Store.MunicipalityBySlug(ctx, "musterstadt")
	if err := srv.Store.CreateInvitation(ctx, store.Actor{UserID: mona.ID, Name: "Mona"}, m.ID,
		store.Invitation{TokenHash: hash, Purpose: store.PurposeInvite, Role: "projektgruppe", Email: "anton@ingersheim.de"}, srv.Config.InvitationValidity); err != nil {
		t.Fatal(err)
	}
	b.Must(chromedp.Navigate(srv.URL + "/intern/einladung/" + token))
	b.WaitUntil(`document.querySelector('h1') !== null`)
	if lead := b.Text(".lead"); !strings.Contains(lead, "Musterstadt") || !strings.Contains(lead, "Projektgruppe") {
		t.Errorf("the invitation does not say where and as what: %q", lead)
	}
	if n := Eval[int](b, `document.querySelectorAll('input[type=password]').length`); n != 1 {
		t.Errorf("an existing account's invitation asks for %d passwords, want its own one", n)
	}
	b.CheckAccessibility("invitation of an existing account")
	b.Screenshots("invitation-existing")
}
