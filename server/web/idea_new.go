package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// ideaFormPage is the idea form, fresh or with the citizen's input and the
// problems found in it.
type ideaFormPage struct {
	processContext
	Draft        domain.IdeaDraft
	Token        string
	Errors       map[string]string // field → message key
	ErrorOrder   []domain.FieldError
	NoticeKey    string
	MaxTitle     int
	MaxBody      int
	MaxPseudonym int
}

func newIdeaFormPage(pc processContext, draft domain.IdeaDraft, token string) ideaFormPage {
	return ideaFormPage{
		processContext: pc, Draft: draft, Token: token, Errors: map[string]string{},
		MaxTitle: domain.MaxIdeaTitle, MaxBody: domain.MaxIdeaBody, MaxPseudonym: domain.MaxPseudonym,
	}
}

// ideaNew shows the empty idea form, with an action field preselected when
// the link came from one (?feld=ID).
func (h *Handler) ideaNew(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	var draft domain.IdeaDraft
	if id, err := strconv.ParseInt(c.Query("feld"), 10, 64); err == nil && pc.HasField(id) {
		draft.ActionFieldID = id
	}
	h.render(c, http.StatusOK, "idea_new", newIdeaFormPage(pc, draft, h.tokens.Issue(time.Now())))
}
