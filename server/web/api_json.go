package web

import (
	"time"

	"zukunftswerk/server/domain"
)

// JSON shapes of the API; static/openapi.yaml describes them and the tests
// hold the real responses against it.

type apiProcess struct {
	Municipality domain.Municipality `json:"municipality"`
	Slug         string              `json:"slug"`
	Title        string              `json:"title"`
	Description  string              `json:"description"`
	Cycle        int                 `json:"cycle"`
	Status       string              `json:"status"`
	URL          string              `json:"url"`
}

type apiIdea struct {
	ID            int64     `json:"id"`
	ActionFieldID int64     `json:"action_field_id"`
	Kind          string    `json:"kind"`
	Title         string    `json:"title"`
	Body          string    `json:"body"`
	Pseudonym     string    `json:"pseudonym"`
	Status        string    `json:"status"`
	Visibility    string    `json:"visibility"`
	SupportCount  int       `json:"support_count"`
	Supported     bool      `json:"supported"`
	CreatedAt     time.Time `json:"created_at"`
	URL           string    `json:"url"`
	Origin        string    `json:"origin"`
	DotTotal      int       `json:"dot_total"`
	Answer        string    `json:"answer,omitempty"`
	MergedInto    int64     `json:"merged_into,omitempty"`
	// Measures is what became of the idea (its trail); only on the idea itself.
	Measures []apiTrailMeasure `json:"measures,omitempty"`
}

// apiTrailMeasure is a measure of the Handlungskonzept an idea went into.
type apiTrailMeasure struct {
	Number    string `json:"number"`
	Title     string `json:"title"`
	Status    string `json:"status"`
	AdoptedOn string `json:"adopted_on,omitempty"`
	URL       string `json:"url"`
}

type apiIdeaList struct {
	Ideas      []apiIdea `json:"ideas"`
	Total      int       `json:"total"`
	Page       int       `json:"page"`
	PerPage    int       `json:"per_page"`
	TotalPages int       `json:"total_pages"`
}

type apiSupport struct {
	Supported    bool `json:"supported"`
	SupportCount int  `json:"support_count"`
}

func (h *Handler) toAPIIdea(pc processContext, c domain.Contribution, supported bool) apiIdea {
	return apiIdea{
		ID: c.ID, ActionFieldID: c.ActionFieldID, Kind: c.Kind, Title: c.Title, Body: c.Body,
		Pseudonym: c.Pseudonym, Status: c.Status, Visibility: c.Visibility, SupportCount: c.SupportCount, Supported: supported,
		CreatedAt: c.CreatedAt, URL: h.Config.BaseURL + h.path("ideaShow", pc, c.ID),
		Origin: c.Origin, DotTotal: c.DotTotal, Answer: c.Answer, MergedInto: derefID(c.MergedIntoID),
	}
}

// derefID is the id behind an optional reference, 0 when there is none.
func derefID(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}
