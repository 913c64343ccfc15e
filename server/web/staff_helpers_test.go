package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

// login signs the citizen's browser in as a staff member.
func (c *citizen) login(email string) {
	c.t.Helper()
	res := c.post("/intern/anmelden", url.Values{"email": {email}, "password": {testutil.StaffPassword}})
	if res.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("login %s: %d\n%s", email, res.StatusCode, res.Body)
	}
}

// sessionCookie returns the browser's staff session cookie value.
func (c *citizen) sessionCookie() string {
	u, _ := url.Parse(c.srv.URL)
	for _, ck := range c.client.Jar.Cookies(u) {
		if ck.Name == "zw_session" {
			return ck.Value
		}
	}
	return ""
}

// secondTown adds a municipality "musterstadt" with a process and one idea,
// the foreign objects of the role tests.
func secondTown(t *testing.T, srv *testutil.Server) (ideaID int64) {
	t.Helper()
	ctx := context.Background()
	m, err := srv.Store.EnsureMunicipality(ctx, "musterstadt", "Musterstadt")
	if err != nil {
		t.Fatal(err)
	}
	p, err := srv.Store.EnsureProcess(ctx, domain.Process{MunicipalityID: m.ID, Slug: "zukunft", Title: "Musterstadt 2040", Cycle: 1, Status: "active"})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Store.EnsureActionField(ctx, domain.ActionField{ProcessID: p.ID, Position: 1, Title: "Wohnen"}); err != nil {
		t.Fatal(err)
	}
	fields, _ := srv.Store.ActionFields(ctx, p.ID)
	idea, _, err := srv.Store.CreateIdea(ctx, p.ID, domain.IdeaDraft{ActionFieldID: fields[0].ID, Title: "Fremde Idee", PrivacyAccepted: true}, "foreign", "foreign-1")
	if err != nil {
		t.Fatal(err)
	}
	return idea.ID
}

func mustContain(t *testing.T, body, want string) {
	t.Helper()
	if !strings.Contains(body, want) {
		t.Errorf("response lacks %q", want)
	}
}

// staffBrowser creates a staff member with one role in Ingersheim and
// returns their logged-in browser.
func staffBrowser(t *testing.T, srv *testutil.Server, email string, role domain.Role) *citizen {
	t.Helper()
	testutil.CreateStaff(t, srv.Store, email, string(role)+" "+email, false, testutil.Grant{Municipality: "ingersheim", Role: role})
	b := newCitizen(t, srv)
	b.login(email)
	return b
}
