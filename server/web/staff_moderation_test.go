package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

func TestModerationQueueAndPreModeration(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "admin@i.de", "Anton <b>Admin</b>", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Mara Moderatorin", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	admin, mod := newCitizen(t, srv), newCitizen(t, srv)
	admin.login("admin@i.de")
	mod.login("mod@i.de")

	// Switch the process to pre-moderation.
	res := admin.post("/intern/k/ingersheim/verfahren/heute-leben-morgen-gestalten", url.Values{
		"title": {"Ingersheim, heute leben – morgen gestalten"}, "description": {"Text"}, "moderation": {"pre"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch to pre-moderation: %d %s", res.StatusCode, res.Body)
	}
	citizen := newCitizen(t, srv)
	form := citizen.ideaForm()
	formPage := citizen.get(processPath + "/ideen/neu").Body
	mustContain(t, formPage, "vor der Veröffentlichung von der Moderation geprüft")
	form.Set("action_field", "1")
	form.Set("title", `Wartende Idee <script>alert(1)</script>`)
	form.Set("privacy", "yes")
	path := citizen.submit(form)
	// The author sees it waiting; nobody else sees it.
	mustContain(t, citizen.get(path).Body, "wartet auf die Freigabe")
	reader := newCitizen(t, srv)
	if res := reader.get(path); res.StatusCode != http.StatusNotFound {
		t.Errorf("pending idea visible to others: %d", res.StatusCode)
	}
	if strings.Contains(reader.get(processPath+"/ideen").Body, "Wartende Idee") {
		t.Error("pending idea in the public list")
	}

	// The queue shows it, escaped.
	queue := mod.get("/intern/k/ingersheim/moderation")
	if queue.StatusCode != http.StatusOK || strings.Contains(queue.Body, "<script>alert(1)") {
		t.Fatalf("queue: %d or unescaped", queue.StatusCode)
	}
	mustContain(t, queue.Body, "Wartende Idee &lt;script&gt;")
	mustContain(t, queue.Body, "wartet auf Freigabe")
	id := path[strings.LastIndex(path, "/")+1:]

	// Hiding needs a public reason.
	if res := mod.post("/intern/k/ingersheim/moderation", url.Values{"id": {id}, "action": {"hide"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("hide without reason: %d", res.StatusCode)
	}
	if res := mod.post("/intern/k/ingersheim/moderation", url.Values{"action": {"release"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("nothing selected: %d", res.StatusCode)
	}
	if res := mod.post("/intern/k/ingersheim/moderation", url.Values{"id": {id}, "action": {"delete-all"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown action: %d", res.StatusCode)
	}
	// Release: now public.
	if res := mod.post("/intern/k/ingersheim/moderation", url.Values{"id": {id}, "action": {"release"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("release: %d", res.StatusCode)
	}
	if res := reader.get(path); res.StatusCode != http.StatusOK {
		t.Errorf("released idea: %d", res.StatusCode)
	}
	// Bulk hide two ideas with a public reason: gone everywhere; the author sees why.
	res = mod.post("/intern/k/ingersheim/moderation", url.Values{"id": {id, "2"}, "action": {"hide"}, "reason": {"Verstößt gegen die Regeln <i>"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("bulk hide: %d", res.StatusCode)
	}
	if res := reader.get(path); res.StatusCode != http.StatusNotFound {
		t.Errorf("hidden idea still public: %d", res.StatusCode)
	}
	if res := reader.sendJSON("GET", apiProcess+"/ideas/2", ""); res.StatusCode != http.StatusNotFound {
		t.Errorf("hidden demo idea in the API: %d", res.StatusCode)
	}
	own := citizen.get(path).Body
	mustContain(t, own, "Ihre Idee ist ausgeblendet: Verstößt gegen die Regeln &lt;i&gt;")
	// Restore brings it back.
	if res := mod.post("/intern/k/ingersheim/moderation", url.Values{"id": {"2"}, "action": {"restore"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: %d", res.StatusCode)
	}
	if res := reader.sendJSON("GET", apiProcess+"/ideas/2", ""); res.StatusCode != http.StatusOK {
		t.Errorf("restored idea: %d", res.StatusCode)
	}
	// Every step is in the audit log, with who did it, escaped.
	audit := admin.get("/intern/k/ingersheim/protokoll")
	for _, want := range []string{"process.update", "contribution.release", "contribution.hide", "contribution.restore", "Mara Moderatorin", "Anton &lt;b&gt;Admin&lt;/b&gt;"} {
		mustContain(t, audit.Body, want)
	}
	if strings.Contains(audit.Body, "<b>Admin") {
		t.Error("a staff name is rendered unescaped in the audit log")
	}
}

func TestInvitationCreatesAnAccountOnce(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "admin@i.de", "Anton Admin", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	admin := newCitizen(t, srv)
	admin.login("admin@i.de")
	if res := admin.post("/intern/k/ingersheim/team/einladungen", url.Values{"email": {"kein-mail"}, "role": {"moderation"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("invalid email: %d", res.StatusCode)
	}
	if res := admin.post("/intern/k/ingersheim/team/einladungen", url.Values{"email": {"neu@i.de"}, "role": {"buergermeister"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("unknown role: %d", res.StatusCode)
	}
	res := admin.post("/intern/k/ingersheim/team/einladungen", url.Values{"email": {"Neu@I.de"}, "role": {"projektgruppe"}})
	link := strings.TrimSpace(res.doc(t).Find(".link-box").Text())
	if res.StatusCode != http.StatusCreated || !strings.HasPrefix(link, srv.Config.BaseURL+"/intern/einladung/") {
		t.Fatalf("invitation: %d %q", res.StatusCode, link)
	}
	path := strings.TrimPrefix(link, srv.Config.BaseURL)
	guest := newCitizen(t, srv)
	mustContain(t, guest.get(path).Body, "Für neu@i.de")
	if res := guest.post(path, url.Values{"name": {"Paula"}, "password": {"zu kurz"}, "repeat": {"zu kurz"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("short password accepted: %d", res.StatusCode)
	}
	if res := guest.post(path, url.Values{"name": {""}, "password": {"lang genug und gut"}, "repeat": {"lang genug und gut"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("missing name accepted: %d", res.StatusCode)
	}
	accepted := guest.post(path, url.Values{"name": {"Paula Projekt"}, "password": {"lang genug und gut"}, "repeat": {"lang genug und gut"}})
	if accepted.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: %d", accepted.StatusCode)
	}
	// The login form she lands on welcomes her.
	mustContain(t, guest.get(accepted.Header.Get("Location")).doc(t).Find(`[role=status]`).Text(), "Willkommen! Ihr Zugang ist bereit.")
	if res := newCitizen(t, srv).post(path, url.Values{"name": {"Mallory"}, "password": {"lang genug und gut"}, "repeat": {"lang genug und gut"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("second use of the invitation: %d", res.StatusCode)
	}
	if res := newCitizen(t, srv).get("/intern/einladung/" + strings.Repeat("0", 64)); res.StatusCode != http.StatusNotFound {
		t.Errorf("made-up invitation: %d", res.StatusCode)
	}
	paula := newCitizen(t, srv)
	res = paula.post("/intern/anmelden", url.Values{"email": {"neu@i.de"}, "password": {"lang genug und gut"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("invited member logs in: %d", res.StatusCode)
	}
	home := paula.get("/intern/")
	mustContain(t, home.Body, "Ingersheim")
	mustContain(t, home.Body, "Projektgruppe")
	if res := paula.get("/intern/k/ingersheim/moderation"); res.StatusCode != http.StatusForbidden {
		t.Errorf("project group opens moderation: %d", res.StatusCode)
	}
	team := admin.get("/intern/k/ingersheim/team").Body
	mustContain(t, team, "Paula Projekt")
}

func TestInstallationAdminSetsUpATown(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{})
	testutil.CreateStaff(t, srv.Store, "root@land.de", "Landesadmin", true)
	c := newCitizen(t, srv)
	c.login("root@land.de")
	for _, bad := range []url.Values{
		{"name": {"Besigheim"}, "slug": {"Besigheim!"}},
		{"name": {"Besigheim"}, "slug": {"intern"}},
		{"name": {""}, "slug": {"besigheim"}},
	} {
		if res := c.post("/intern/kommunen", bad); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("municipality %v: %d", bad, res.StatusCode)
		}
	}
	if res := c.post("/intern/kommunen", url.Values{"name": {"Besigheim"}, "slug": {"besigheim"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create municipality: %d", res.StatusCode)
	}
	if res := c.post("/intern/kommunen", url.Values{"name": {"Besigheim"}, "slug": {"besigheim"}}); res.StatusCode != http.StatusConflict {
		t.Errorf("duplicate municipality: %d", res.StatusCode)
	}
	res := c.post("/intern/k/besigheim/verfahren", url.Values{"title": {"Besigheim 2040"}, "slug": {"besigheim-2040"}, "moderation": {"post"}, "description": {"Wir planen."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create process: %d", res.StatusCode)
	}
	base := "/intern/k/besigheim/verfahren/besigheim-2040"
	c.post(base+"/handlungsfelder", url.Values{"title": {"Wohnen"}, "question": {"Wie wollen wir wohnen?"}})
	c.post(base+"/fahrplan", url.Values{"title": {"Auftakt"}, "date": {"2027-03-14"}})
	if res := c.post(base+"/fahrplan", url.Values{"title": {"Kaputt"}, "date": {"14.03.2027"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("bad date: %d", res.StatusCode)
	}
	page := newCitizen(t, srv).get("/besigheim/besigheim-2040/")
	mustContain(t, page.Body, "Besigheim 2040")
	mustContain(t, page.Body, "Wie wollen wir wohnen?")
	mustContain(t, page.Body, "14. März 2027")

	// Legal pages: a custom text replaces the default, an empty one restores it.
	if res := c.post("/intern/seiten", url.Values{"page": {"privacy"}, "lang": {"de"}, "body": {"Verantwortlich: Stadt Besigheim <script>"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save privacy text: %d", res.StatusCode)
	}
	privacy := newCitizen(t, srv).get("/datenschutz").Body
	mustContain(t, privacy, "Verantwortlich: Stadt Besigheim &lt;script&gt;")
	if res := c.post("/intern/seiten", url.Values{"page": {"impressum"}, "lang": {"de"}, "body": {"x"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown page: %d", res.StatusCode)
	}
	c.post("/intern/seiten", url.Values{"page": {"privacy"}, "lang": {"de"}, "body": {""}})
	mustContain(t, newCitizen(t, srv).get("/datenschutz").Body, "ohne IP-Adresse")
}

func TestStaffDataRequestByDeviceCode(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	foreign := secondTown(t, srv)
	_ = foreign
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	citizen := newCitizen(t, srv)
	form := citizen.validIdea("Meine Idee für die Auskunft")
	form.Set("pseudonym", "Erika")
	path := citizen.submit(form)
	code := citizen.get("/meine-beitraege").doc(t).Find("p.meta").Last().Text()
	code = code[strings.LastIndex(code, " ")+1:]
	if len(code) != 32 {
		t.Fatalf("device code on Meine Beiträge = %q", code)
	}
	mod := newCitizen(t, srv)
	mod.login("mod@i.de")
	if res := mod.post("/intern/k/ingersheim/datenauskunft", url.Values{"device": {"nicht-gueltig"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("invalid code: %d", res.StatusCode)
	}
	shown := mod.post("/intern/k/ingersheim/datenauskunft", url.Values{"device": {code}, "action": {"show"}})
	mustContain(t, shown.Body, "Meine Idee für die Auskunft")
	res := mod.post("/intern/k/ingersheim/datenauskunft", url.Values{"device": {code}, "action": {"erase"}, "confirm": {"yes"}})
	if res.StatusCode != http.StatusOK || res.doc(t).Find(".notice--success").Length() != 1 {
		t.Fatalf("erase on request: %d", res.StatusCode)
	}
	if strings.Contains(newCitizen(t, srv).get(path).Body, "Erika") {
		t.Error("the pseudonym survived the erasure")
	}
	mustContain(t, mod.get("/intern/k/ingersheim/").Body, "Ingersheim")
}

func TestStaffCrossSitePostIsRefused(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mod@i.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	mod := newCitizen(t, srv)
	mod.login("mod@i.de")
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/intern/k/ingersheim/moderation", strings.NewReader("id=1&action=hide&reason=csrf"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if res := mod.do(req); res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site moderation POST: %d", res.StatusCode)
	}
	if res := newCitizen(t, srv).sendJSON("GET", apiProcess+"/ideas/1", ""); res.StatusCode != http.StatusOK {
		t.Errorf("idea 1 was hidden by a cross-site request: %d", res.StatusCode)
	}
}
