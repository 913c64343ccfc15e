package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/store"
)

type exportedContribution struct {
	ID           int64     `json:"id"`
	URL          string    `json:"url"`
	Process      string    `json:"process"`
	ActionField  string    `json:"action_field"`
	Title        string    `json:"title"`
	Body         string    `json:"body"`
	Pseudonym    string    `json:"pseudonym"`
	Status       string    `json:"status"`
	SupportCount int       `json:"support_count"`
	CreatedAt    time.Time `json:"created_at"`
	Visibility   string    `json:"visibility"`
	HiddenReason string    `json:"hidden_reason,omitempty"`
	NotifyEmail  string    `json:"notify_email,omitempty"`
	Answer       string    `json:"answer,omitempty"`
}

type exportedSupport struct {
	IdeaID      int64     `json:"idea_id"`
	URL         string    `json:"url"`
	Title       string    `json:"title"`
	SupportedAt time.Time `json:"supported_at"`
}

type deviceExport struct {
	ExportedAt    time.Time              `json:"exported_at"`
	Explanation   string                 `json:"explanation"`
	Contributions []exportedContribution `json:"contributions"`
	Supports      []exportedSupport      `json:"supports"`
}

// myContributionsExport downloads the device's data as JSON (GDPR Art. 15
// and 20). It contains nothing about any other device.
func (h *Handler) myContributionsExport(c *gin.Context) {
	records, err := h.App.MyContributions(c.Request.Context(), h.deviceHash(c, false))
	if err != nil {
		h.fail(c, err)
		return
	}
	out := deviceExport{
		ExportedAt:    time.Now().UTC(),
		Explanation:   h.Catalog.Message(langOf(c), "my.export_explanation"),
		Contributions: []exportedContribution{},
		Supports:      []exportedSupport{},
	}
	for _, dc := range records.Contributions {
		out.Contributions = append(out.Contributions, exportedContribution{
			ID: dc.ID, URL: h.ideaURL(dc), Process: dc.ProcessTitle, ActionField: dc.ActionFieldTitle,
			Title: dc.Title, Body: dc.Body, Pseudonym: dc.Pseudonym, Status: dc.Status,
			SupportCount: dc.SupportCount, CreatedAt: dc.CreatedAt.UTC(),
			Visibility: dc.Visibility, HiddenReason: dc.HiddenReason, NotifyEmail: dc.NotifyEmail, Answer: dc.Answer,
		})
	}
	for _, dc := range records.Supports {
		out.Supports = append(out.Supports, exportedSupport{IdeaID: dc.ID, URL: h.ideaURL(dc), Title: dc.Title, SupportedAt: dc.SupportedAt.UTC()})
	}
	c.Header("Content-Disposition", `attachment; filename="zukunftswerk-meine-beitraege.json"`)
	c.Header("Cache-Control", "no-store")
	c.IndentedJSON(http.StatusOK, out)
}

// ideaURL is the full address of a contribution's public page.
func (h *Handler) ideaURL(dc store.DeviceContribution) string {
	return h.Config.BaseURL + h.path("ideaShow", dc.MunicipalitySlug, dc.ProcessSlug, dc.ID)
}
