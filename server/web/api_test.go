package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"zukunftswerk"
	"zukunftswerk/server/testutil"
)

const apiProcess = "/api/v1/processes/ingersheim/heute-leben-morgen-gestalten"

// contract checks every API response against static/openapi.yaml.
type contract struct {
	t      *testing.T
	router routers.Router
}

func newContract(t *testing.T, serverURL string) *contract {
	raw, err := io.ReadAll(must(zukunftswerk.Static().Open("openapi.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(raw)
	if err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.yaml is not valid OpenAPI: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: serverURL + "/api/v1"}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &contract{t: t, router: router}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// call sends a request, validates request and response against the spec,
// and returns the response.
func (k *contract) call(c *citizen, method, path, body string, headers ...string) response {
	k.t.Helper()
	res := c.sendJSON(method, path, body, headers...)
	req, _ := http.NewRequest(method, c.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	route, params, err := k.router.FindRoute(req)
	if err != nil {
		k.t.Fatalf("%s %s is not in the spec: %v", method, path, err)
	}
	input := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{ExcludeRequestBody: true, ExcludeRequestQueryParams: true}}
	err = openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: input, Status: res.StatusCode, Header: res.Header,
		Body:    io.NopCloser(bytes.NewReader([]byte(res.Body))),
		Options: &openapi3filter.Options{IncludeResponseStatus: true},
	})
	if err != nil {
		k.t.Errorf("%s %s → %d does not match the spec: %v\n%s", method, path, res.StatusCode, err, res.Body)
	}
	return res
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return v
}

type ideaJSON struct {
	ID           int64  `json:"id"`
	Title        string `json:"title"`
	SupportCount int    `json:"support_count"`
	Supported    bool   `json:"supported"`
	URL          string `json:"url"`
}

type errorJSON struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Fields  []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"fields"`
	} `json:"error"`
}

func TestAPIContract(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	k := newContract(t, srv.URL)
	c := newCitizen(t, srv)

	proc := decode[struct {
		Title string `json:"title"`
	}](t, k.call(c, "GET", apiProcess, "").Body)
	if proc.Title != "Ingersheim, heute leben – morgen gestalten" {
		t.Errorf("process title = %q", proc.Title)
	}
	fields := decode[struct {
		ActionFields []struct {
			ID     int64 `json:"id"`
			Number int   `json:"number"`
		} `json:"action_fields"`
	}](t, k.call(c, "GET", apiProcess+"/action-fields", "").Body)
	if len(fields.ActionFields) != 5 || fields.ActionFields[4].Number != 5 {
		t.Fatalf("action fields = %+v", fields.ActionFields)
	}

	res := k.call(c, "POST", apiProcess+"/ideas",
		`{"action_field_id":3,"title":"Generationengarten","body":"Ein Garten für Jung und Alt","pseudonym":"Kim","privacy_accepted":true}`,
		"Idempotency-Key", "abc-1")
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	created := decode[ideaJSON](t, res.Body)
	if res.Header.Get("Location") != created.URL || !strings.HasSuffix(created.URL, processPath+"/ideen/"+itoa(created.ID)) {
		t.Errorf("Location %q, url %q", res.Header.Get("Location"), created.URL)
	}
	again := k.call(c, "POST", apiProcess+"/ideas",
		`{"action_field_id":3,"title":"Generationengarten","privacy_accepted":true}`, "Idempotency-Key", "abc-1")
	if again.StatusCode != http.StatusOK || decode[ideaJSON](t, again.Body).ID != created.ID {
		t.Errorf("retry with the same key: %d %s", again.StatusCode, again.Body)
	}

	sup := k.call(c, "PUT", apiProcess+"/ideas/"+itoa(created.ID)+"/support", "")
	if s := decode[struct {
		Supported    bool `json:"supported"`
		SupportCount int  `json:"support_count"`
	}](t, sup.Body); !s.Supported || s.SupportCount != 1 {
		t.Errorf("support: %s", sup.Body)
	}
	k.call(c, "PUT", apiProcess+"/ideas/"+itoa(created.ID)+"/support", "")
	shown := decode[ideaJSON](t, k.call(c, "GET", apiProcess+"/ideas/"+itoa(created.ID), "").Body)
	if shown.SupportCount != 1 || !shown.Supported {
		t.Errorf("after supporting twice: %+v", shown)
	}
	if del := k.call(c, "DELETE", apiProcess+"/ideas/"+itoa(created.ID)+"/support", ""); !strings.Contains(del.Body, `"support_count":0`) {
		t.Errorf("withdraw: %s", del.Body)
	}

	list := decode[struct {
		Ideas []ideaJSON `json:"ideas"`
		Total int        `json:"total"`
	}](t, k.call(c, "GET", apiProcess+"/ideas?q=garten&sort=unterstuetzt&page=1&action_field=3", "").Body)
	if list.Total != 1 || list.Ideas[0].ID != created.ID {
		t.Errorf("search garten: %+v", list)
	}
	all := decode[struct {
		Ideas []ideaJSON `json:"ideas"`
		Total int        `json:"total"`
	}](t, k.call(c, "GET", apiProcess+"/ideas", "").Body)
	if all.Total != 15 || len(all.Ideas) != 15 {
		t.Errorf("all ideas: total %d, listed %d", all.Total, len(all.Ideas))
	}
	// What became of the demo's Backhaus idea: its measure, adopted, and
	// its status from the newest report (validated against the schema).
	var backhaus ideaJSON
	for _, idea := range all.Ideas {
		if strings.HasPrefix(idea.Title, "Backhaus wieder beleben") {
			backhaus = idea
		}
	}
	trail := decode[struct {
		Origin   string `json:"origin"`
		Measures []struct {
			Number, Title, Status, URL string
			AdoptedOn                  string `json:"adopted_on"`
		} `json:"measures"`
	}](t, k.call(c, "GET", apiProcess+"/ideas/"+itoa(backhaus.ID), "").Body)
	if trail.Origin != "workshop" || len(trail.Measures) != 1 || trail.Measures[0].Number != "3.1.1" || trail.Measures[0].Title != "Backhaustag" ||
		trail.Measures[0].AdoptedOn != "2014-11-25" || trail.Measures[0].Status != "verstetigt" || !strings.Contains(trail.Measures[0].URL, "/handlungskonzept/massnahmen/") {
		t.Errorf("Backhaus idea in the API: %+v", trail)
	}
}

func TestAPIErrors(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	k := newContract(t, srv.URL)
	c := newCitizen(t, srv)
	tests := []struct {
		name, method, path, body string
		status                   int
		code                     string
		headers                  []string
	}{
		{"unknown process", "GET", "/api/v1/processes/ingersheim/nope", "", 404, "not_found", nil},
		{"unknown idea", "GET", apiProcess + "/ideas/424242", "", 404, "not_found", nil},
		{"idea id not a number", "GET", apiProcess + "/ideas/x", "", 404, "not_found", nil},
		{"bad sort", "GET", apiProcess + "/ideas?sort=random", "", 400, "bad_request", nil},
		{"bad page", "GET", apiProcess + "/ideas?page=0", "", 400, "bad_request", nil},
		{"unknown field filter", "GET", apiProcess + "/ideas?action_field=77", "", 400, "bad_request", nil},
		{"broken JSON", "POST", apiProcess + "/ideas", `{"title":`, 400, "bad_request", nil},
		{"unknown JSON field", "POST", apiProcess + "/ideas", `{"title":"x","admin":true}`, 400, "bad_request", nil},
		{"wrong JSON type", "POST", apiProcess + "/ideas", `{"title":42}`, 400, "bad_request", nil},
		{"invalid UTF-8", "POST", apiProcess + "/ideas", "{\"title\":\"\xff\xfe\"}", 400, "bad_request", nil},
		{"validation", "POST", apiProcess + "/ideas", `{"action_field_id":1,"title":"","privacy_accepted":false}`, 422, "invalid", nil},
		{"title too long", "POST", apiProcess + "/ideas", `{"action_field_id":1,"title":"` + strings.Repeat("ü", 121) + `","privacy_accepted":true}`, 422, "invalid", nil},
		{"idempotency key too long", "POST", apiProcess + "/ideas", `{"action_field_id":1,"title":"x","privacy_accepted":true}`, 400, "bad_request", []string{"Idempotency-Key", strings.Repeat("k", 101)}},
		{"support missing idea", "PUT", apiProcess + "/ideas/999999/support", "", 404, "not_found", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := k.call(c, tt.method, tt.path, tt.body, tt.headers...)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.status, res.Body)
			}
			e := decode[errorJSON](t, res.Body)
			if e.Error.Code != tt.code || e.Error.Message == "" {
				t.Errorf("error = %+v, want code %s with a message", e.Error, tt.code)
			}
		})
	}
	res := k.call(c, "POST", apiProcess+"/ideas", `{"action_field_id":1,"title":"","privacy_accepted":false}`)
	e := decode[errorJSON](t, res.Body)
	if len(e.Error.Fields) != 2 || e.Error.Fields[0].Field != "title" || !strings.Contains(e.Error.Fields[0].Message, "Titel") {
		t.Errorf("field errors = %+v", e.Error.Fields)
	}
	c.lang = "en"
	res = k.call(c, "POST", apiProcess+"/ideas", `{"action_field_id":1,"title":"","privacy_accepted":true}`)
	if e := decode[errorJSON](t, res.Body); !strings.Contains(e.Error.Fields[0].Message, "Please give your idea a short title") {
		t.Errorf("English field error = %+v", e.Error.Fields)
	}
}

func TestAPIConcurrentSupportCountsOnce(t *testing.T) {
	srv := testutil.NewServer(t, testutil.Options{Demo: true})
	c := newCitizen(t, srv)
	c.sendJSON("PUT", apiProcess+"/ideas/1/support", "") // establishes the device cookie
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPut, srv.URL+apiProcess+"/ideas/2/support", nil)
			res, err := c.client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("support: %d", res.StatusCode)
			}
		}()
	}
	wg.Wait()
	got := decode[ideaJSON](t, c.sendJSON("GET", apiProcess+"/ideas/2", "").Body)
	// Idea 2 of the demo has 6 supporters; this device adds exactly one.
	if got.SupportCount != 7 || !got.Supported {
		t.Errorf("after 50 concurrent supports: %+v, want 7 and supported", got)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
