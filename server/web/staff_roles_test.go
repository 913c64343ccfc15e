package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
	"zukunftswerk/server/testutil"
)

// TestRoleRouteMatrix: every role against every staff route, in its own
// municipality and in a foreign one (403), and against a foreign object
// through its own municipality's route (403).
func TestRoleRouteMatrix(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	foreignIdea := secondTown(t, srv)
	own := func(r domain.Role) testutil.Grant { return testutil.Grant{Municipality: "ingersheim", Role: r} }
	testutil.CreateStaff(t, srv.Store, "admin@i.de", "Admin", false, own(domain.RoleAdmin))
	testutil.CreateStaff(t, srv.Store, "pg@i.de", "Projektgruppe", false, own(domain.RoleProjektgruppe))
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Moderation", false, own(domain.RoleModeration))
	testutil.CreateStaff(t, srv.Store, "verw@i.de", "Verwaltung", false, own(domain.RoleVerwaltung))
	foreignAdmin := testutil.CreateStaff(t, srv.Store, "admin@m.de", "Fremd", false, testutil.Grant{Municipality: "musterstadt", Role: domain.RoleAdmin})

	type route struct {
		name, method, path string
		form               url.Values
		allowed            []string // roles that may; everyone else gets 403
	}
	admin, mod, curators := []string{"admin"}, []string{"admin", "moderation"}, []string{"admin", "projektgruppe"}
	reporters := []string{"admin", "projektgruppe", "verwaltung"}
	all := []string{"admin", "projektgruppe", "moderation", "verwaltung"}
	routes := []route{
		{"overview", "GET", "/intern/k/%s/", nil, all},
		{"moderation queue", "GET", "/intern/k/%s/moderation", nil, mod},
		{"moderate", "POST", "/intern/k/%s/moderation", url.Values{"id": {"{IDEA}"}, "action": {"hide"}, "reason": {"Test"}}, mod},
		{"data request", "GET", "/intern/k/%s/datenauskunft", nil, mod},
		{"team", "GET", "/intern/k/%s/team", nil, admin},
		{"invite", "POST", "/intern/k/%s/team/einladungen", url.Values{"email": {"neu@example.de"}, "role": {"moderation"}}, admin},
		{"audit", "GET", "/intern/k/%s/protokoll", nil, admin},
		{"create process", "POST", "/intern/k/%s/verfahren", url.Values{"title": {"Neu"}, "slug": {"{SLUG}"}, "moderation": {"post"}}, admin},
		{"process settings", "GET", "/intern/k/%s/verfahren/{P}", nil, admin},
		{"add field", "POST", "/intern/k/%s/verfahren/{P}/handlungsfelder", url.Values{"title": {"Neues Feld"}}, admin},
		{"member action", "POST", "/intern/k/%s/team/{U}", url.Values{"action": {"reset"}}, admin},
		{"workshops", "GET", "/intern/k/%s/werkstaetten", nil, mod},
		{"workshop console", "GET", "/intern/k/%s/werkstaetten/{W}", nil, mod},
		{"workshop control", "POST", "/intern/k/%s/werkstaetten/{W}/steuerung", url.Values{"action": {"tallies_hide"}}, mod},
		{"workshop documentation", "GET", "/intern/k/%s/werkstaetten/{W}/doku", nil, mod},
		{"group's field", "POST", "/intern/k/%s/werkstaetten/{W}/gruppen/{G}", url.Values{"field": {""}}, mod},
		{"create a cluster", "POST", "/intern/k/%s/werkstaetten/{W}/cluster", url.Values{"group": {"{G}"}, "title": {"Neuer Cluster"}}, mod},
		{"rename a cluster", "POST", "/intern/k/%s/werkstaetten/{W}/cluster/{CL}", url.Values{"action": {"rename"}, "title": {"Umbenannt"}}, mod},
		{"cluster's field", "POST", "/intern/k/%s/werkstaetten/{W}/cluster/{CL}", url.Values{"action": {"field"}, "field": {""}}, mod},
		{"paper cards", "GET", "/intern/k/%s/werkstaetten/{W}/papierkarten?gruppe={G}&phase=1", nil, mod},
		{"workshop details", "POST", "/intern/k/%s/werkstaetten/{W}/angaben", url.Values{"title": {"Werkstatt"}}, mod},
		{"type a paper card", "POST", "/intern/k/%s/werkstaetten/{W}/papierkarten", url.Values{"gruppe": {"{G}"}, "phase": {"1"}, "key": {"matrix-key-{SLUG}"}, "text": {"Auf Papier"}}, mod},
		{"save a card", "POST", "/intern/k/%s/werkstaetten/{W}/karten/{CARD}", url.Values{"action": {"save"}, "text": {"Korrigiert"}, "group": {"{G}"}, "cluster": {""}, "field": {""}}, mod},
		{"take the challenges", "POST", "/intern/k/%s/verfahren/{P}/konzept", url.Values{"action": {"challenges_take"}, "version": {"{V}"}, "field": {"{F}"}, "challenges": {"Notiz"}}, curators},
		{"check rounds", "GET", "/intern/k/%s/verfahren/{P}/bilanz", nil, curators},
		{"start a check round", "POST", "/intern/k/%s/verfahren/{P}/bilanz", url.Values{"title": {"Runde"}, "held_on": {"2014-03-17"}, "template": {"1"}}, curators},
		{"check round", "GET", "/intern/k/%s/verfahren/{P}/bilanz/{R}", nil, curators},
		{"check result", "GET", "/intern/k/%s/verfahren/{P}/bilanz/{R}/ergebnis", nil, curators},
		{"check as CSV", "GET", "/intern/k/%s/verfahren/{P}/bilanz/{R}/ergebnis.csv", nil, curators},
		{"check as JSON", "GET", "/intern/k/%s/verfahren/{P}/bilanz/{R}/ergebnis.json", nil, curators},
		{"save a check item", "POST", "/intern/k/%s/verfahren/{P}/bilanz/{R}/punkte/1", url.Values{"base_version": {"0"}, "status": {"fehlt"}, "need": {"dringend"}}, curators},
		{"make a check item a challenge", "POST", "/intern/k/%s/verfahren/{P}/bilanz/{R}/punkte/1/herausforderung", nil, curators},
		{"curation board", "GET", "/intern/k/%s/verfahren/{P}/kuratierung", nil, curators},
		{"curation theme", "POST", "/intern/k/%s/verfahren/{P}/kuratierung", url.Values{"action": {"theme"}, "id": {"{IDEA2}"}, "theme": {"Thema"}}, curators},
		{"curation item", "GET", "/intern/k/%s/verfahren/{P}/beitraege/{IDEA2}", nil, curators},
		{"assess", "POST", "/intern/k/%s/verfahren/{P}/beitraege/{IDEA2}", url.Values{"action": {"assess"}, "importance": {"2"}, "feasibility": {"3"}}, curators},
		{"move to a field", "POST", "/intern/k/%s/verfahren/{P}/beitraege/{IDEA2}", url.Values{"action": {"field"}, "field": {"1"}}, curators},
		{"concept", "GET", "/intern/k/%s/verfahren/{P}/konzept", nil, curators},
		{"new measure", "GET", "/intern/k/%s/verfahren/{P}/konzept/massnahmen/neu?beitrag={IDEA2}", nil, curators},
		{"start a draft for a measure", "POST", "/intern/k/%s/verfahren/{P}/konzept/massnahmen/neu", url.Values{"beitrag": {"{IDEA2}"}}, curators},
		{"reviews", "GET", "/intern/k/%s/verfahren/{P}/qualitaetssicherung", nil, curators},
		{"fahrplan", "GET", "/intern/k/%s/verfahren/{P}/fahrplan", nil, curators},
		{"fahrplan add", "POST", "/intern/k/%s/verfahren/{P}/fahrplan/neu", url.Values{"title": {"Termin"}}, curators},
		{"implementation", "GET", "/intern/k/%s/verfahren/{P}/umsetzung", nil, reporters},
	}
	ownWorkshop := workshopIn(t, srv, "ingersheim")
	foreignWorkshop := workshopIn(t, srv, "musterstadt")
	// {IDEA} is hidden by the moderation route; curation uses {IDEA2}.
	ownGroups, _ := srv.Store.Groups(context.Background(), ownWorkshop)
	foreignGroups, _ := srv.Store.Groups(context.Background(), foreignWorkshop)
	ownCluster := clusterIn(t, srv, "ingersheim", ownWorkshop, ownGroups[0].ID)
	foreignCluster := clusterIn(t, srv, "musterstadt", foreignWorkshop, foreignGroups[0].ID)
	ownCard, foreignCard := paperCardIn(t, srv, "ingersheim", ownWorkshop), paperCardIn(t, srv, "musterstadt", foreignWorkshop)
	draft, ownField := conceptDraft(t, srv)
	foreignFields, _ := srv.Store.ActionFields(context.Background(), foreignProcessID(t, srv))
	ownRound, foreignRound := checkRoundIn(t, srv, "ingersheim"), checkRoundIn(t, srv, "musterstadt")
	towns := map[string]struct{ process, idea, idea2, user, workshop, group, cluster, card, version, field, round string }{
		"ingersheim": {"heute-leben-morgen-gestalten", "1", "2", "1", fmt.Sprint(ownWorkshop), fmt.Sprint(ownGroups[0].ID), fmt.Sprint(ownCluster),
			fmt.Sprint(ownCard), fmt.Sprint(draft), fmt.Sprint(ownField), fmt.Sprint(ownRound)},
		"musterstadt": {"zukunft", fmt.Sprint(foreignIdea), fmt.Sprint(foreignIdea), fmt.Sprint(foreignAdmin.ID), fmt.Sprint(foreignWorkshop), fmt.Sprint(foreignGroups[0].ID), fmt.Sprint(foreignCluster),
			fmt.Sprint(foreignCard), fmt.Sprint(draft), fmt.Sprint(foreignFields[0].ID), fmt.Sprint(foreignRound)},
	}
	users := map[string]string{"admin": "admin@i.de", "projektgruppe": "pg@i.de", "moderation": "mod@i.de", "verwaltung": "verw@i.de"}
	n := 0
	for role, email := range users {
		c := newCitizen(t, srv)
		c.login(email)
		for _, r := range routes {
			for town, objects := range towns {
				n++
				fill := strings.NewReplacer("{P}", objects.process, "{U}", objects.user, "{IDEA2}", objects.idea2, "{IDEA}", objects.idea, "{W}", objects.workshop, "{G}", objects.group, "{CL}", objects.cluster,
					"{CARD}", objects.card, "{V}", objects.version, "{F}", objects.field, "{R}", objects.round, "{SLUG}", fmt.Sprintf("neu-%s-%d", role, n))
				path := fill.Replace(fmt.Sprintf(r.path, town))
				form := url.Values{}
				for k, v := range r.form {
					form[k] = []string{fill.Replace(v[0])}
				}
				var res response
				if r.method == "GET" {
					res = c.get(path)
				} else {
					res = c.post(path, form)
				}
				want := contains(r.allowed, role) && town == "ingersheim"
				if want && res.StatusCode >= 400 {
					t.Errorf("%s → %s in %s: %d, want allowed", role, r.name, town, res.StatusCode)
				}
				if !want && res.StatusCode != http.StatusForbidden {
					t.Errorf("%s → %s in %s: %d, want 403", role, r.name, town, res.StatusCode)
				}
			}
		}
		// A foreign round through the own process's route does not exist.
		if contains(curators, role) {
			base := fmt.Sprintf("/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/bilanz/%d", foreignRound)
			if res := c.get(base); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s opens a foreign check round through the own route: %d, want 404", role, res.StatusCode)
			}
			if res := c.post(base+"/punkte/1", url.Values{"base_version": {"0"}, "status": {"fehlt"}}); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s saves into a foreign check round through the own route: %d, want 404", role, res.StatusCode)
			}
			if res := c.post(base+"/punkte/1/herausforderung", nil); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s makes a challenge of a foreign check round through the own route: %d, want 404", role, res.StatusCode)
			}
		}
		// The check templates are the installation's: no municipal role
		// reaches them, not even a town's admin.
		for _, path := range []string{"/intern/vorlagen", "/intern/vorlagen/1/vorlage.json", "/intern/vorlagen/1/vorlage.csv"} {
			if res := c.get(path); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s GET %s: %d, want 403", role, path, res.StatusCode)
			}
		}
		if res := c.post("/intern/vorlagen", nil); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s imports a check template: %d, want 403", role, res.StatusCode)
		}
		// A foreign object through the own municipality's route.
		if contains(mod, role) {
			res := c.post("/intern/k/ingersheim/moderation", url.Values{"id": {fmt.Sprint(foreignIdea)}, "action": {"hide"}, "reason": {"x"}})
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("%s hides a foreign idea through the own route: %d, want 403", role, res.StatusCode)
			}
		}
		if contains(mod, role) {
			// Asked or already confirmed: the question is never the way in.
			for _, confirm := range []string{"", "ja"} {
				res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/steuerung", foreignWorkshop), url.Values{"action": {"close"}, "bestaetigt": {confirm}})
				if res.StatusCode != http.StatusForbidden {
					t.Errorf("%s closes a foreign workshop through the own route (confirmed %q): %d, want 403", role, confirm, res.StatusCode)
				}
			}
		}
		if contains(mod, role) {
			// A foreign card does not exist in the own workshop; a paper
			// card cannot go into a foreign group.
			res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/karten/%d", ownWorkshop, foreignCard),
				url.Values{"action": {"save"}, "text": {"Übernommen"}, "group": {fmt.Sprint(ownGroups[0].ID)}})
			if res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s saves a foreign card through the own workshop: %d, want 403/404", role, res.StatusCode)
			}
			res = c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/papierkarten", ownWorkshop),
				url.Values{"gruppe": {fmt.Sprint(foreignGroups[0].ID)}, "phase": {"1"}, "key": {"matrix-foreign-" + role}, "text": {"Fremd"}})
			if res.StatusCode < 400 {
				t.Errorf("%s types a paper card into a foreign group: %d", role, res.StatusCode)
			}
			// Dissolving: a fresh cluster each time; a foreign one is not there.
			fresh := clusterIn(t, srv, "ingersheim", ownWorkshop, ownGroups[0].ID)
			if res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/cluster/%d", ownWorkshop, fresh), url.Values{"action": {"delete"}}); res.StatusCode != http.StatusSeeOther {
				t.Errorf("%s dissolves a cluster: %d", role, res.StatusCode)
			}
			// Deleting a draft: a fresh one of the own town; a foreign
			// town's draft through the own route is forbidden, confirmed
			// or not.
			draft := workshopIn(t, srv, "ingersheim")
			if res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/loeschen", draft), url.Values{"bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
				t.Errorf("%s deletes a draft workshop: %d", role, res.StatusCode)
			}
			foreignDraft := workshopIn(t, srv, "musterstadt")
			for _, confirm := range []string{"", "ja"} {
				if res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/loeschen", foreignDraft), url.Values{"bestaetigt": {confirm}}); res.StatusCode != http.StatusForbidden {
					t.Errorf("%s deletes a foreign draft through the own route (confirmed %q): %d, want 403", role, confirm, res.StatusCode)
				}
				if res := c.post(fmt.Sprintf("/intern/k/musterstadt/werkstaetten/%d/loeschen", foreignDraft), url.Values{"bestaetigt": {confirm}}); res.StatusCode != http.StatusForbidden {
					t.Errorf("%s deletes a draft in another town (confirmed %q): %d, want 403", role, confirm, res.StatusCode)
				}
			}
		} else {
			draft := workshopIn(t, srv, "ingersheim")
			if res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/loeschen", draft), url.Values{"bestaetigt": {"ja"}}); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s deletes a draft workshop: %d, want 403", role, res.StatusCode)
			}
			fresh := clusterIn(t, srv, "ingersheim", ownWorkshop, ownGroups[0].ID)
			if res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/cluster/%d", ownWorkshop, fresh), url.Values{"action": {"delete"}}); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s dissolves a cluster: %d, want 403", role, res.StatusCode)
			}
		}
		if contains(curators, role) {
			// The own draft with a foreign field: not found, nothing saved.
			res := c.post("/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/konzept",
				url.Values{"action": {"challenges_take"}, "version": {fmt.Sprint(draft)}, "field": {fmt.Sprint(foreignFields[0].ID)}, "challenges": {"Fremd"}})
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s takes challenges into a foreign field: %d, want 404", role, res.StatusCode)
			}
		}
		if contains(mod, role) {
			// A foreign cluster does not exist in the own workshop.
			for _, action := range []string{"rename", "field", "delete"} {
				res := c.post(fmt.Sprintf("/intern/k/ingersheim/werkstaetten/%d/cluster/%d", ownWorkshop, foreignCluster), url.Values{"action": {action}, "title": {"x"}})
				if res.StatusCode != http.StatusNotFound {
					t.Errorf("%s: %s a foreign cluster through the own workshop: %d, want 404", role, action, res.StatusCode)
				}
			}
		}
		if contains(curators, role) {
			// A foreign contribution does not exist in the own process.
			res := c.post("/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/kuratierung",
				url.Values{"action": {"theme"}, "id": {fmt.Sprint(foreignIdea)}, "theme": {"x"}})
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s files a foreign idea through the own process: %d, want 404", role, res.StatusCode)
			}
		}
		if role == "admin" {
			for _, confirm := range []string{"", "ja"} {
				res := c.post(fmt.Sprintf("/intern/k/ingersheim/team/%d", foreignAdmin.ID), url.Values{"action": {"disable"}, "bestaetigt": {confirm}})
				if res.StatusCode != http.StatusForbidden {
					t.Errorf("admin disables a foreign user through the own route (confirmed %q): %d, want 403", confirm, res.StatusCode)
				}
			}
		}
		for _, path := range []string{"/intern/kommunen", "/intern/seiten"} {
			if res := c.get(path); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s opens the installation page %s: %d", role, path, res.StatusCode)
			}
		}
	}
	// The foreign card was never touched.
	if cards, _ := srv.Store.Cards(context.Background(), foreignWorkshop, 0, 0, true); len(cards) != 1 || cards[0].Text != "Karte musterstadt" {
		t.Errorf("the foreign card changed: %+v", cards)
	}
	// The foreign cluster was never touched.
	if clusters, _ := srv.Store.Clusters(context.Background(), foreignWorkshop); len(clusters) != 1 || clusters[0].Title != "Cluster musterstadt" {
		t.Errorf("the foreign cluster changed: %+v", clusters)
	}
	// The foreign idea was never hidden.
	if res := newCitizen(t, srv).get(fmt.Sprintf("/musterstadt/zukunft/ideen/%d", foreignIdea)); res.StatusCode != http.StatusOK {
		t.Errorf("the foreign idea is gone: %d", res.StatusCode)
	}
	t.Run("account actions", func(t *testing.T) { accountActionMatrix(t, srv) })
}

// accountActionMatrix: every staff route that changes an account, for every
// pair of actor and target — same town, other town, an account with roles
// in both towns, an installation admin, the actor themselves — through both
// towns' routes. What the rule allows (written here independently of
// domain.MayManageAccount) must succeed; everything else must answer 403
// (or 422 for disabling oneself) and change nothing: zero unauthorised
// successes.
func accountActionMatrix(t *testing.T, srv *testutil.Server) {
	ctx := context.Background()
	towns := []string{"ingersheim", "musterstadt"}
	grant := func(town string, r domain.Role) testutil.Grant { return testutil.Grant{Municipality: town, Role: r} }
	type actor struct {
		name, email       string
		installationAdmin bool
		adminIn           map[string]bool
	}
	actors := []actor{
		{"ingersheim admin", "acc-admin-i@i.de", false, map[string]bool{"ingersheim": true}},
		{"musterstadt admin", "acc-admin-m@m.de", false, map[string]bool{"musterstadt": true}},
		{"two-town admin", "acc-admin-im@i.de", false, map[string]bool{"ingersheim": true}}, // moderation in musterstadt
		{"installation admin", "acc-root@i.de", true, map[string]bool{}},
	}
	testutil.CreateStaff(t, srv.Store, actors[0].email, "Admin I", false, grant("ingersheim", domain.RoleAdmin))
	testutil.CreateStaff(t, srv.Store, actors[1].email, "Admin M", false, grant("musterstadt", domain.RoleAdmin))
	testutil.CreateStaff(t, srv.Store, actors[2].email, "Admin IM", false, grant("ingersheim", domain.RoleAdmin), grant("musterstadt", domain.RoleModeration))
	testutil.CreateStaff(t, srv.Store, actors[3].email, "Root", true, grant("ingersheim", domain.RoleAdmin))

	// kind of target → its roles (the actor itself is a kind of its own).
	targetRoles := map[string][]testutil.Grant{
		"same town":          {grant("ingersheim", domain.RoleVerwaltung)},
		"other town":         {grant("musterstadt", domain.RoleVerwaltung)},
		"two towns":          {grant("ingersheim", domain.RoleVerwaltung), grant("musterstadt", domain.RoleModeration)},
		"installation admin": {grant("ingersheim", domain.RoleAdmin), grant("musterstadt", domain.RoleAdmin)},
	}
	kinds := []string{"same town", "other town", "two towns", "installation admin", "self"}
	actions := []string{"disable", "enable", "reset", "remove"}

	// allowed is the rule in plain words (README, staff section).
	allowed := func(a actor, town, kind, action string, targetInRoles map[string]bool, targetIsRoot bool) bool {
		if !a.installationAdmin && !a.adminIn[town] {
			return false // no admin in this town
		}
		if !targetInRoles[town] {
			return false // not a member of this town's team
		}
		if kind == "self" && (action == "disable" || action == "remove") {
			return false
		}
		if a.installationAdmin {
			return true
		}
		if targetIsRoot {
			return false // installation admins are managed by installation admins only
		}
		if action == "remove" {
			return true // a town may always take back its own roles
		}
		for t := range targetInRoles {
			if t != town {
				return false // shared account: not this town's alone
			}
		}
		return true
	}

	n, successes, refusals := 0, 0, 0
	for _, a := range actors {
		browser := newCitizen(t, srv)
		browser.login(a.email)
		self, _ := srv.Store.StaffUserByEmail(ctx, a.email)
		for _, town := range towns {
			for _, kind := range kinds {
				for _, action := range actions {
					n++
					target := self
					inRoles := map[string]bool{}
					if kind == "self" {
						ms, _ := srv.Store.Memberships(ctx, self.ID)
						for _, m := range ms {
							inRoles[m.MunicipalitySlug] = true
						}
					} else {
						target = testutil.CreateStaff(t, srv.Store, fmt.Sprintf("acc-target-%d@x.de", n), fmt.Sprintf("Ziel %d", n),
							kind == "installation admin", targetRoles[kind]...)
						for _, g := range targetRoles[kind] {
							inRoles[g.Municipality] = true
						}
					}
					if action == "enable" && kind != "self" {
						root := store.Actor{Name: "test", InstallationAdmin: true}
						m, _ := srv.Store.MunicipalityBySlug(ctx, targetRoles[kind][0].Municipality)
						if err := srv.Store.SetDisabled(ctx, root, m.ID, target.ID, true); err != nil {
							t.Fatal(err)
						}
					}
					before := accountState(t, srv, target.ID)
					res := browser.post(fmt.Sprintf("/intern/k/%s/team/%d", town, target.ID), url.Values{"action": {action}})
					want := allowed(a, town, kind, action, inRoles, target.InstallationAdmin)
					label := fmt.Sprintf("%s → %s %s in %s", a.name, action, kind, town)
					if want {
						successes++
						if res.StatusCode >= 400 {
							t.Errorf("%s: %d, want allowed", label, res.StatusCode)
						}
						continue
					}
					refusals++
					if res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusUnprocessableEntity {
						t.Errorf("%s: %d, want 403 (an unauthorised success)", label, res.StatusCode)
					}
					if after := accountState(t, srv, target.ID); after != before {
						t.Errorf("%s: refused, but the account changed: %q → %q", label, before, after)
					}
					if strings.Contains(res.Body, "/intern/einladung/") {
						t.Errorf("%s: refused, but a reset link was shown", label)
					}
				}
			}
		}
	}
	if successes == 0 || refusals == 0 {
		t.Fatalf("the matrix is one-sided: %d allowed, %d refused", successes, refusals)
	}
	t.Logf("%d account actions: %d allowed, %d refused", n, successes, refusals)
}

// accountState is what an account action could change: the lock, the
// password, the roles and the reset links made for it.
func accountState(t *testing.T, srv *testutil.Server, userID int64) string {
	t.Helper()
	ctx := context.Background()
	u, err := srv.Store.StaffUser(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := srv.Store.Memberships(ctx, userID)
	links, err := srv.Store.OpenResetLinks(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("disabled=%v hash=%s roles=%v links=%d", u.Disabled, u.PasswordHash[len(u.PasswordHash)-8:], ms, links)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// workshopIn creates a draft workshop in the municipality's first process.
func workshopIn(t *testing.T, srv *testutil.Server, slug string) int64 {
	t.Helper()
	ctx := context.Background()
	m, err := srv.Store.MunicipalityBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	processes, _ := srv.Store.Processes(ctx, m.ID)
	id, err := srv.Store.CreateWorkshop(ctx, store.Actor{Name: "test"}, m.ID,
		domain.Workshop{ProcessID: processes[0].ID, Kind: "zukunft", Title: "Werkstatt " + slug, DotBudget: 3, MaxDotsPerCard: 3},
		[]domain.Phase{{Title: "Kritik", CardKind: "kritik"}}, []domain.Group{{Title: "Alle"}})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// paperCardIn opens the workshop and types a paper card into its first
// group, for the matrix.
func paperCardIn(t *testing.T, srv *testutil.Server, slug string, workshopID int64) int64 {
	t.Helper()
	ctx := context.Background()
	m, err := srv.Store.MunicipalityBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	w, err := srv.Store.Workshop(ctx, m.ID, workshopID)
	if err != nil {
		t.Fatal(err)
	}
	actor := store.Actor{Name: "test"}
	if w, err = srv.App.ControlWorkshop(ctx, actor, m.ID, w, domain.Control{Action: domain.ControlOpen}); err != nil {
		t.Fatal(err)
	}
	groups, _ := srv.Store.Groups(ctx, workshopID)
	card, err := srv.App.CreatePaperCard(ctx, actor, m.ID, w, groups[0].ID, 1, "Karte "+slug, "matrix-card-"+slug+"-0001")
	if err != nil {
		t.Fatal(err)
	}
	return card.ID
}

// conceptDraft starts a revision of Ingersheim's adopted concept and
// returns the draft and the process's first action field.
func conceptDraft(t *testing.T, srv *testutil.Server) (versionID, fieldID int64) {
	t.Helper()
	pg := newCitizen(t, srv)
	pg.login("pg@i.de")
	if res := pg.post("/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/konzept", url.Values{"action": {"revision"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("start a revision: %d %s", res.StatusCode, res.Body)
	}
	versions, err := srv.Store.ConceptVersions(context.Background(), 1)
	if err != nil || len(versions) == 0 || !versions[0].Editable() {
		t.Fatalf("no draft: %+v %v", versions, err)
	}
	fields, _ := srv.Store.ActionFields(context.Background(), 1)
	return versions[0].ID, fields[0].ID
}

// foreignProcessID is the id of Musterstadt's process (secondTown).
func foreignProcessID(t *testing.T, srv *testutil.Server) int64 {
	t.Helper()
	ctx := context.Background()
	m, err := srv.Store.MunicipalityBySlug(ctx, "musterstadt")
	if err != nil {
		t.Fatal(err)
	}
	processes, _ := srv.Store.Processes(ctx, m.ID)
	return processes[0].ID
}

// clusterIn names a cluster in the workshop's group, for the matrix.
func clusterIn(t *testing.T, srv *testutil.Server, slug string, workshopID, groupID int64) int64 {
	t.Helper()
	m, err := srv.Store.MunicipalityBySlug(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	id, err := srv.Store.CreateCluster(context.Background(), store.Actor{Name: "test"}, m.ID, domain.Cluster{WorkshopID: workshopID, GroupID: groupID, Phase: 1, Title: "Cluster " + slug})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// checkRoundIn starts a round of the standard check in the first process
// of the municipality.
func checkRoundIn(t *testing.T, srv *testutil.Server, slug string) int64 {
	t.Helper()
	ctx := context.Background()
	m, err := srv.Store.MunicipalityBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	processes, _ := srv.Store.Processes(ctx, m.ID)
	templates, err := srv.Store.CheckTemplates(ctx)
	if err != nil || len(templates) == 0 {
		t.Fatalf("check templates: %v %v", templates, err)
	}
	r, err := srv.Store.CreateCheckRound(ctx, store.Actor{Name: "test"}, m.ID, domain.CheckRound{ProcessID: processes[0].ID,
		TemplateID: templates[0].ID, Title: "Runde " + slug, HeldOn: time.Date(2014, 3, 17, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return r.ID
}

// TestCheckRoundsOfAUserInTwoTowns: a project group member of one town who
// moderates in another fills the first town's check and reaches neither
// the second's rounds (403: moderation does not) nor them through the
// first town's route (404); an installation admin reaches both.
func TestCheckRoundsOfAUserInTwoTowns(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	secondTown(t, srv)
	foreign := checkRoundIn(t, srv, "musterstadt")
	testutil.CreateStaff(t, srv.Store, "zwei@i.de", "Zwei Orte", false,
		testutil.Grant{Municipality: "ingersheim", Role: domain.RoleProjektgruppe}, testutil.Grant{Municipality: "musterstadt", Role: domain.RoleModeration})
	testutil.CreateStaff(t, srv.Store, "root@zw.de", "Root", true)
	two, root := newCitizen(t, srv), newCitizen(t, srv)
	two.login("zwei@i.de")
	root.login("root@zw.de")
	own := "/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten/bilanz"
	other := fmt.Sprintf("/intern/k/musterstadt/verfahren/zukunft/bilanz/%d", foreign)
	for path, want := range map[string]int{own + "/1": http.StatusOK, other: http.StatusForbidden, other + "/ergebnis.csv": http.StatusForbidden,
		fmt.Sprintf("%s/%d", own, foreign): http.StatusNotFound} {
		if res := two.get(path); res.StatusCode != want {
			t.Errorf("two-town user GET %s: %d, want %d", path, res.StatusCode, want)
		}
	}
	if res := two.post(other+"/punkte/1", url.Values{"base_version": {"0"}, "status": {"fehlt"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("two-town user saves in the town they only moderate: %d, want 403", res.StatusCode)
	}
	for _, path := range []string{own + "/1", other} {
		if res := root.get(path); res.StatusCode != http.StatusOK {
			t.Errorf("installation admin GET %s: %d, want 200", path, res.StatusCode)
		}
	}
}
