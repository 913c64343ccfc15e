package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"zukunftswerk/server/testutil"
)

const processPath = "/ingersheim/heute-leben-morgen-gestalten"

// citizen is one browser: its own cookie jar, no redirects followed unless
// asked, German unless told otherwise.
type citizen struct {
	t      *testing.T
	srv    *testutil.Server
	client *http.Client
	lang   string
}

func newCitizen(t *testing.T, srv *testutil.Server) *citizen {
	jar, _ := cookiejar.New(nil)
	return &citizen{t: t, srv: srv, lang: "de", client: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

type response struct {
	*http.Response
	Body string
}

func (r response) doc(t *testing.T) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(r.Body))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return d
}

func (c *citizen) do(req *http.Request) response {
	c.t.Helper()
	if req.Header.Get("Accept-Language") == "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	res, err := c.client.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return response{Response: res, Body: string(body)}
}

func (c *citizen) get(path string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.srv.URL+path, nil)
	return c.do(req)
}

func (c *citizen) post(path string, form url.Values) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *citizen) sendJSON(method, path, body string, headers ...string) response {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.do(req)
}

// ideaForm fetches the idea form and returns its filled-in defaults.
func (c *citizen) ideaForm() url.Values {
	c.t.Helper()
	res := c.get(processPath + "/ideen/neu")
	if res.StatusCode != http.StatusOK {
		c.t.Fatalf("form: status %d", res.StatusCode)
	}
	token, ok := res.doc(c.t).Find(`input[name="form_token"]`).Attr("value")
	if !ok || token == "" {
		c.t.Fatal("form has no token")
	}
	return url.Values{"form_token": {token}}
}

// validIdea is a complete form for the first demo action field.
func (c *citizen) validIdea(title string) url.Values {
	form := c.ideaForm()
	form.Set("action_field", "1")
	form.Set("title", title)
	form.Set("body", "Eine Beschreibung.")
	form.Set("privacy", "yes")
	return form
}

// submit posts the form and returns the path of the new idea.
func (c *citizen) submit(form url.Values) string {
	c.t.Helper()
	res := c.post(processPath+"/ideen", form)
	if res.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("submit: status %d, want 303\n%s", res.StatusCode, res.Body)
	}
	loc := res.Header.Get("Location")
	path, _, _ := strings.Cut(loc, "?")
	return path
}
