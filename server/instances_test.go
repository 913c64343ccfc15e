package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zukunftswerk/server/testutil"
)

// TestTwoInstancesServeOneTown starts two server processes on one
// PostgreSQL and one Redis and drives the citizen flow across both: the form
// comes from one, is submitted to the other, supported on the first, and
// both show the same count.
func TestTwoInstancesServeOneTown(t *testing.T) {
	dbURL := testutil.PostgresURL(t)
	lv := testutil.Redis(t)
	bin := filepath.Join(t.TempDir(), "zukunftswerk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	start := func(demo bool) string {
		port := testutil.FreePort(t)
		args := []string{}
		if demo {
			args = append(args, "-demo")
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(),
			"LISTEN_ADDR=127.0.0.1:"+fmt.Sprint(port), "DATABASE_URL="+dbURL,
			"REDIS_URL="+testutil.RedisURL(), "REDIS_PREFIX="+lv.Prefix, "MIN_FILL_SECONDS=0",
			"BASE_URL=http://127.0.0.1:"+fmt.Sprint(port))
		logs := &testutil.LogBuffer{}
		cmd.Stdout, cmd.Stderr = logs, logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			_ = cmd.Process.Signal(os.Interrupt)
			_ = cmd.Wait()
			if t.Failed() {
				t.Logf("instance on port %d logged:\n%s", port, logs.String())
			}
		})
		base := fmt.Sprintf("http://127.0.0.1:%d", port)
		waitFor(t, base+"/readyz")
		return base
	}
	a := start(true)
	b := start(false)

	jar, _ := cookiejar.New(nil) // cookies are per host, not per port: one browser
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	process := "/ingersheim/heute-leben-morgen-gestalten"

	form := getBody(t, client, a+process+"/ideen/neu")
	_, rest, _ := strings.Cut(form, `name="form_token" value="`)
	token, _, _ := strings.Cut(rest, `"`)
	values := url.Values{"form_token": {token}, "action_field": {"4"}, "title": {"Zwei Server, eine Idee"}, "privacy": {"yes"}}
	res, err := client.PostForm(b+process+"/ideen", values) // form from A, sent to B
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit on B with A's form: %d", res.StatusCode)
	}
	ideaPath, _, _ := strings.Cut(res.Header.Get("Location"), "?")
	// The resend goes to A: still one idea.
	res, err = client.PostForm(a+process+"/ideen", values)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc, _, _ := strings.Cut(res.Header.Get("Location"), "?"); loc != ideaPath {
		t.Errorf("resend to A went to %q, want %q", loc, ideaPath)
	}

	// Both keep the idea list (store/data_version.go): a second request is
	// answered from memory, and the support below must still show on both,
	// to a reader whose own supports did not change (no cookies).
	reader := &http.Client{Timeout: 10 * time.Second}
	ideaID := ideaPath[strings.LastIndex(ideaPath, "/")+1:]
	withCount := func(page string, n int) bool {
		_, card, found := strings.Cut(page, `/ideen/`+ideaID+`/unterstuetzung`)
		return found && strings.Contains(card[:min(len(card), 400)], fmt.Sprintf(`<span class="support__count">%d `, n))
	}
	for name, base := range map[string]string{"A": a, "B": b} {
		for range 2 {
			if page := getBody(t, reader, base+process+"/ideen?sortierung=neu"); !withCount(page, 0) {
				t.Fatalf("instance %s lists the new idea without 0 supporters", name)
			}
		}
	}
	res, err = client.PostForm(a+ideaPath+"/unterstuetzung", url.Values{"support": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for name, base := range map[string]string{"A": a, "B": b} {
		page := getBody(t, client, base+ideaPath)
		if !strings.Contains(page, `<dd class="support__count">1</dd>`) || !strings.Contains(page, "Zwei Server, eine Idee") {
			t.Errorf("instance %s does not show the idea with 1 supporter", name)
		}
		if list := getBody(t, reader, base+process+"/ideen?sortierung=neu"); !withCount(list, 1) {
			t.Errorf("instance %s lists the idea without its supporter: a kept list outlived the write", name)
		}
	}
}

func getBody(t *testing.T, client *http.Client, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, res.StatusCode)
	}
	return string(body)
}
