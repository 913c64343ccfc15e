package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type conceptEditPage struct {
	processContext
	Versions   []domain.ConceptVersion
	Concept    *domain.Concept
	Challenges map[int64][]domain.Contribution // from the workshops, by field
	Tree       []domain.FieldSection
	Next       string
	Results    []string
	Decision   domain.CouncilDecision
	Problems   []domain.FieldError
	ErrorKey   string
	Saved      bool
	// After a refused objective form: the objective whose form stays
	// open, and what the form for a new one said.
	Open         int64
	NewObjective domain.Objective
}

// ChallengesToTake tells whether the workshops named challenges of the
// field that its text does not name yet (then the page offers to take
// them in).
func (p conceptEditPage) ChallengesToTake(fieldID int64, text string) bool {
	return len(app.ChallengesToTake(text, p.Challenges[fieldID])) > 0
}

// conceptEdit shows the newest version of the Handlungskonzept: editable
// while it is a draft, with the workflow and the council decision.
func (h *Handler) conceptEdit(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	h.renderConceptEdit(c, cc, http.StatusOK, "", nil, domain.CouncilDecision{})
}

// renderConceptEdit shows the concept page, after a failed form with its
// message, the problems and the decision as it was typed.
func (h *Handler) renderConceptEdit(c *gin.Context, cc processContext, status int, errorKey string, problems []domain.FieldError, decision domain.CouncilDecision) {
	view, err := h.App.ConceptForEditing(c.Request.Context(), cc.ProcessScope)
	if err != nil {
		h.fail(c, err)
		return
	}
	page := conceptEditPage{processContext: cc, Versions: view.Versions, Concept: view.Concept, Challenges: view.Challenges, Results: domain.CouncilResults,
		Decision: decision, Problems: problems, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1"}
	if view.Concept != nil {
		page.Tree, page.Next = view.Concept.Tree(), domain.NextConceptStatus(view.Concept.Version.Status)
		if errorKey != "" && c.Request.Method == http.MethodPost {
			keepTyped(&page, c.Request.PostForm)
		}
	}
	h.render(c, status, "staff_concept", page)
}

// keepTyped puts what a refused form said back into its fields (the
// Leitbild, a field's challenges, an objective, a new objective), so that
// nothing typed is lost.
func keepTyped(page *conceptEditPage, form url.Values) {
	fieldID, _ := strconv.ParseInt(form.Get("field"), 10, 64)
	objectiveID, _ := strconv.ParseInt(form.Get("objective"), 10, 64)
	switch form.Get("action") {
	case "leitbild":
		page.Concept.Version.Leitbild = form.Get("leitbild")
	case "challenges", "challenges_take":
		for i := range page.Tree {
			if page.Tree[i].Field.ID == fieldID {
				page.Tree[i].Challenges = form.Get("challenges")
			}
		}
	case "objective_save":
		for i := range page.Tree {
			for j := range page.Tree[i].Objectives {
				if o := &page.Tree[i].Objectives[j].Objective; o.ID == objectiveID {
					o.Title, o.Description = form.Get("title"), form.Get("description")
					page.Open = objectiveID
				}
			}
		}
	case "objective_add":
		page.NewObjective = domain.Objective{ActionFieldID: fieldID, Title: form.Get("title"), Description: form.Get("description")}
	}
}

// conceptSaved answers a form of the concept page: back to the page when
// it is done, the page again with the message when the step is not
// allowed or the input invalid, the error page otherwise.
func (h *Handler) conceptSaved(c *gin.Context, cc processContext, err error) {
	if err == nil {
		c.Redirect(http.StatusSeeOther, h.path("conceptEdit", cc)+"?gespeichert=1")
		return
	}
	if code := domain.ErrorCode(err); code == domain.CodeConflict || code == domain.CodeInvalid {
		h.renderConceptEdit(c, cc, statusFor(code), domain.ErrorMessageKey(err), nil, domain.CouncilDecision{})
		return
	}
	h.fail(c, err)
}
