package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/testutil"
)

func TestStaffLoginSessionAndLogout(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "mod@ingersheim.de", "Mara Moderatorin", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	c := newCitizen(t, srv)

	res := c.get("/intern/")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/intern/anmelden?weiter=%2Fintern%2F" {
		t.Fatalf("anonymous staff page: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res := c.post("/intern/k/ingersheim/moderation", url.Values{"id": {"1"}, "action": {"release"}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous POST: %d, want 401", res.StatusCode)
	}
	for _, wrong := range []url.Values{
		{"email": {"mod@ingersheim.de"}, "password": {"falsches Passwort!"}},
		{"email": {"niemand@ingersheim.de"}, "password": {testutil.StaffPassword}},
		{"email": {"<script>"}, "password": {""}},
	} {
		res := c.post("/intern/anmelden", wrong)
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(res.Body, "E-Mail-Adresse oder Passwort sind falsch") {
			t.Errorf("wrong login %v: %d", wrong["email"], res.StatusCode)
		}
	}

	// Session fixation: a planted session cookie is replaced at login.
	u, _ := url.Parse(srv.URL)
	planted := strings.Repeat("ab", 32)
	c.client.Jar.SetCookies(u, []*http.Cookie{{Name: "zw_session", Value: planted, Path: "/"}})
	res = c.post("/intern/anmelden", url.Values{"email": {"MOD@Ingersheim.de "}, "password": {testutil.StaffPassword}, "weiter": {"/intern/k/ingersheim/"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/intern/k/ingersheim/" {
		t.Fatalf("login: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	var set *http.Cookie
	for _, ck := range res.Cookies() {
		if ck.Name == "zw_session" {
			set = ck
		}
	}
	if set == nil || set.Value == planted || len(set.Value) != 64 || !set.HttpOnly || set.SameSite != http.SameSiteLaxMode {
		t.Fatalf("session cookie after login: %+v", set)
	}
	home := c.get("/intern/")
	if home.StatusCode != http.StatusOK || !strings.Contains(home.Body, "Willkommen, Mara Moderatorin") {
		t.Fatalf("staff home: %d", home.StatusCode)
	}
	if cc := home.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("staff page Cache-Control = %q", cc)
	}
	// An open redirect through ?weiter is not possible.
	other := newCitizen(t, srv)
	res = other.post("/intern/anmelden", url.Values{"email": {"mod@ingersheim.de"}, "password": {testutil.StaffPassword}, "weiter": {"//evil.example/"}})
	if res.Header.Get("Location") != "/intern/" {
		t.Errorf("login with foreign weiter went to %q", res.Header.Get("Location"))
	}

	// Replay after logout: the old cookie opens nothing.
	token := c.sessionCookie()
	if res := c.post("/intern/abmelden", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	replay := newCitizen(t, srv)
	replay.client.Jar.SetCookies(u, []*http.Cookie{{Name: "zw_session", Value: token, Path: "/"}})
	if res := replay.get("/intern/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("replayed session after logout: %d, want a redirect to login", res.StatusCode)
	}
	// The other browser's session is untouched by this logout.
	if res := other.get("/intern/"); res.StatusCode != http.StatusOK {
		t.Errorf("the other session ended too: %d", res.StatusCode)
	}
}

func TestSessionCookieOverHTTPSUsesHostPrefix(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Env: map[string]string{"BASE_URL": "https://beteiligung.example.de"}})
	testutil.CreateStaff(t, srv.Store, "a@example.de", "A", true)
	res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"a@example.de"}, "password": {testutil.StaffPassword}})
	header := res.Header.Get("Set-Cookie")
	for _, want := range []string{"__Host-zw_session=", "Path=/", "HttpOnly", "Secure", "SameSite=Lax"} {
		if !strings.Contains(header, want) {
			t.Errorf("Set-Cookie %q lacks %q", header, want)
		}
	}
	if strings.Contains(header, "Domain=") {
		t.Error("a __Host- cookie must not name a domain")
	}
}

func TestLoginBruteForceIsLimited(t *testing.T) {
	redisProc := testutil.StartRedis(t)
	srv := testutil.NewServer(t, testutil.Options{Demo: true, Redis: testutil.RedisAt(t, redisProc.URL)})
	testutil.CreateStaff(t, srv.Store, "admin@ingersheim.de", "Anton Admin", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	attempt := func(password string) response {
		return newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"admin@ingersheim.de"}, "password": {password}})
	}
	for i := 0; i < 10; i++ {
		if res := attempt("falsch-" + strconv.Itoa(i)); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, res.StatusCode)
		}
	}
	res := attempt(testutil.StaffPassword) // even the right password waits now
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" || !strings.Contains(res.Body, "Zu viele Anmeldeversuche") {
		t.Fatalf("11th attempt: %d Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	// Without Redis the limit still holds, in-process.
	testutil.CreateStaff(t, srv.Store, "zweite@ingersheim.de", "Zweite", false)
	redisProc.Stop()
	limited := false
	for i := 0; i < 12 && !limited; i++ {
		res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"zweite@ingersheim.de"}, "password": {"falsch"}})
		limited = res.StatusCode == http.StatusTooManyRequests
	}
	if !limited {
		t.Error("with Redis down, 12 wrong logins were never limited")
	}
}

func TestDisablingAUserEndsTheirSessions(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "admin@ingersheim.de", "Anton Admin", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	mod := testutil.CreateStaff(t, srv.Store, "mod@ingersheim.de", "Mara", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleModeration})
	admin, moderator := newCitizen(t, srv), newCitizen(t, srv)
	admin.login("admin@ingersheim.de")
	moderator.login("mod@ingersheim.de")
	if res := moderator.get("/intern/k/ingersheim/moderation"); res.StatusCode != http.StatusOK {
		t.Fatalf("moderator before: %d", res.StatusCode)
	}
	if res := admin.post("/intern/k/ingersheim/team/"+strconv.FormatInt(mod.ID, 10), url.Values{"action": {"disable"}, "bestaetigt": {"ja"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: %d", res.StatusCode)
	}
	if res := moderator.get("/intern/k/ingersheim/moderation"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("disabled moderator still in: %d", res.StatusCode)
	}
	if res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"mod@ingersheim.de"}, "password": {testutil.StaffPassword}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("disabled account logs in: %d", res.StatusCode)
	}
	audit := admin.get("/intern/k/ingersheim/protokoll?aktion=user.disable")
	mustContain(t, audit.Body, "Anton Admin")
	if n := audit.doc(t).Find("tbody tr").Length(); n != 1 {
		t.Errorf("audit filtered to user.disable shows %d rows", n)
	}
}

func TestPasswordChangeAndReset(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	testutil.CreateStaff(t, srv.Store, "admin@ingersheim.de", "Anton Admin", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleAdmin})
	verw := testutil.CreateStaff(t, srv.Store, "verw@ingersheim.de", "Vera", false, testutil.Grant{Municipality: "ingersheim", Role: domain.RoleVerwaltung})
	vera, elsewhere := newCitizen(t, srv), newCitizen(t, srv)
	vera.login("verw@ingersheim.de")
	elsewhere.login("verw@ingersheim.de")

	tests := []struct {
		form url.Values
		want string
	}{
		{url.Values{"current": {"falsch"}, "new": {"ein ganz neues Passwort"}, "repeat": {"ein ganz neues Passwort"}}, "Das bisherige Passwort stimmt nicht"},
		{url.Values{"current": {testutil.StaffPassword}, "new": {"kurz"}, "repeat": {"kurz"}}, "mindestens 10 Zeichen"},
		{url.Values{"current": {testutil.StaffPassword}, "new": {"Passwort123"}, "repeat": {"Passwort123"}}, "zu verbreitet"},
		{url.Values{"current": {testutil.StaffPassword}, "new": {"ein ganz neues Passwort"}, "repeat": {"ein anderes"}}, "stimmen nicht überein"},
	}
	for _, tt := range tests {
		res := vera.post("/intern/passwort", tt.form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, tt.want) {
			t.Errorf("password change %v: %d, want 422 with %q", tt.form["new"], res.StatusCode, tt.want)
		}
	}
	long := strings.Repeat("Ä€日", 30) // 90 characters of several scripts
	if res := vera.post("/intern/passwort", url.Values{"current": {testutil.StaffPassword}, "new": {long}, "repeat": {long}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("password change: %d", res.StatusCode)
	}
	if res := vera.get("/intern/"); res.StatusCode != http.StatusOK {
		t.Errorf("the changing browser was logged out: %d", res.StatusCode)
	}
	if res := elsewhere.get("/intern/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the other session survived a password change: %d", res.StatusCode)
	}
	if res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"verw@ingersheim.de"}, "password": {long}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("login with the new 90-character password: %d", res.StatusCode)
	}

	// Reset by the admin: a single-use link.
	admin := newCitizen(t, srv)
	admin.login("admin@ingersheim.de")
	res := admin.post("/intern/k/ingersheim/team/"+strconv.FormatInt(verw.ID, 10), url.Values{"action": {"reset"}})
	link := strings.TrimSpace(res.doc(t).Find(".link-box").Text())
	if res.StatusCode != http.StatusCreated || !strings.Contains(link, "/intern/einladung/") {
		t.Fatalf("reset link: %d %q", res.StatusCode, link)
	}
	path := strings.TrimPrefix(link, srv.Config.BaseURL)
	anon := newCitizen(t, srv)
	if res := anon.get(path); res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "Neues Passwort festlegen") {
		t.Fatalf("reset form: %d", res.StatusCode)
	}
	if res := anon.post(path, url.Values{"password": {"nach dem Zurücksetzen"}, "repeat": {"nach dem Zurücksetzen"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset: %d", res.StatusCode)
	}
	if res := anon.post(path, url.Values{"password": {"noch einmal benutzt!"}, "repeat": {"noch einmal benutzt!"}}); res.StatusCode != http.StatusNotFound ||
		!strings.Contains(res.Body, "schon benutzt") {
		t.Errorf("reused reset link: %d", res.StatusCode)
	}
	if res := vera.get("/intern/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("session survived a password reset: %d", res.StatusCode)
	}
	if res := newCitizen(t, srv).post("/intern/anmelden", url.Values{"email": {"verw@ingersheim.de"}, "password": {"nach dem Zurücksetzen"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("login after reset: %d", res.StatusCode)
	}
}
