package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// ideaCreate takes the idea form. Whatever goes wrong, the citizen gets the
// form back with everything they typed and a message saying what to do.
func (h *Handler) ideaCreate(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	if !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	draft := ideaDraftOf(form)
	token := form.Get("form_token")
	page := newIdeaFormPage(pc, draft.Normalize(), token)

	// A filled honeypot means a bot; a person reading the hidden label is
	// told to leave it empty and can simply send again.
	if form.Get("website") != "" {
		page.NoticeKey = "idea.error.honeypot"
		h.render(c, http.StatusBadRequest, "idea_new", page)
		return
	}
	idempotencyKey, issued, valid := h.tokens.Verify(token)
	if !valid {
		page.Token = h.tokens.Issue(time.Now())
		page.NoticeKey = "idea.error.form_expired"
		h.render(c, http.StatusBadRequest, "idea_new", page)
		return
	}
	if time.Since(issued) < h.Config.MinFillTime {
		page.NoticeKey = "idea.error.too_fast"
		h.render(c, http.StatusUnprocessableEntity, "idea_new", page)
		return
	}

	idea, _, err := h.App.SubmitIdea(c.Request.Context(), pc.ProcessScope, draft, "form:"+idempotencyKey, h.citizen(c, true))
	if err != nil {
		h.refuseIdea(c, page, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("ideaShow", pc, idea.ID)+"?eingereicht=1")
}

// ideaDraftOf reads the idea form.
func ideaDraftOf(form url.Values) domain.IdeaDraft {
	fieldID, _ := strconv.ParseInt(form.Get("action_field"), 10, 64)
	return domain.IdeaDraft{
		ActionFieldID:   fieldID,
		Title:           form.Get("title"),
		Body:            form.Get("body"),
		Pseudonym:       form.Get("pseudonym"),
		PrivacyAccepted: form.Get("privacy") == "yes",
		NotifyEmail:     form.Get("notify_email"),
	}
}

// refuseIdea shows the form again with what was typed and why it was not
// taken: the invalid fields, or how long to wait.
func (h *Handler) refuseIdea(c *gin.Context, page ideaFormPage, err error) {
	var de *domain.Error
	errors.As(err, &de)
	switch domain.ErrorCode(err) {
	case domain.CodeInvalid:
		page.ErrorOrder = de.Fields
		for _, f := range de.Fields {
			page.Errors[f.Field] = f.MessageKey
		}
		h.render(c, http.StatusUnprocessableEntity, "idea_new", page)
	case domain.CodeRateLimited:
		setRetryAfter(c, de.RetryAfter)
		page.NoticeKey = "error.rate_limited"
		h.render(c, http.StatusTooManyRequests, "idea_new", page)
	default:
		h.fail(c, err)
	}
}
