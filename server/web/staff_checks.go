package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type checksPage struct {
	processContext
	Rounds    []domain.CheckRound
	Templates []domain.CheckTemplate
	Draft     domain.CheckRound
	Problems  []domain.FieldError
}

// staffChecks lists the process's rounds of the Bilanzwerkstatt's
// stock-taking check and offers a new one.
func (h *Handler) staffChecks(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	today := time.Now().In(h.Config.Location)
	// The date in the title as the seed writes it ("Bilanzwerkstatt
	// 17.03.2014"); the catalog holds the pattern of each language.
	h.renderChecks(c, http.StatusOK, cc, domain.CheckRound{HeldOn: today,
		Title: h.Catalog.Message(langOf(c), "check.default_title", today.Format(h.Catalog.Message(langOf(c), "check.title_date")))}, nil)
}

func (h *Handler) renderChecks(c *gin.Context, status int, cc processContext, draft domain.CheckRound, problems []domain.FieldError) {
	rounds, err := h.App.CheckRounds(c.Request.Context(), cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	templates, err := h.App.CheckTemplates(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	if draft.PreviousID == nil && len(rounds) > 0 && status == http.StatusOK {
		// A later sitting continues the last one by default.
		draft.PreviousID, draft.TemplateID = &rounds[0].ID, rounds[0].TemplateID
	}
	h.render(c, status, "staff_checks", checksPage{processContext: cc, Rounds: rounds, Templates: templates, Draft: draft, Problems: problems})
}
