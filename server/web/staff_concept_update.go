package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// conceptUpdate handles every form of the concept page: create the first
// draft, Leitbild, challenges, objectives, workflow steps, the council
// decision and the start of a Fortschreibung.
func (h *Handler) conceptUpdate(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok || !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	ctx := c.Request.Context()
	actor, municipalityID, processID := staffOf(c).Actor(), cc.Municipality.ID, cc.Process.ID
	action := form.Get("action")
	var err error
	switch action {
	case "create":
		_, err = h.Store.Draft(ctx, actor, municipalityID, processID)
	case "revision":
		_, err = h.Store.StartRevision(ctx, actor, municipalityID, processID)
	default:
		versions, verr := h.Store.ConceptVersions(ctx, processID)
		if verr != nil {
			h.fail(c, verr)
			return
		}
		v, found := conceptVersionOf(versions, form.Get("version"))
		if !found {
			h.fail(c, domain.ErrNotFound)
			return
		}
		var key string
		key, err = h.conceptVersionAction(c, cc, v, action)
		if key != "" {
			return // answered with the form and its problems
		}
	}
	if err != nil {
		if code := domain.ErrorCode(err); code == domain.CodeConflict || code == domain.CodeInvalid {
			h.renderConceptEdit(c, statusFor(code), domain.ErrorMessageKey(err), nil, domain.CouncilDecision{})
			return
		}
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, cc.StaffBase+"/konzept?gespeichert=1")
}

// conceptVersionAction runs an action on version v; a non-empty key means
// the page was rendered again with a validation problem.
func (h *Handler) conceptVersionAction(c *gin.Context, cc curationContext, v domain.ConceptVersion, action string) (string, error) {
	form := c.Request.PostForm
	ctx := c.Request.Context()
	actor, municipalityID, processID := staffOf(c).Actor(), cc.Municipality.ID, cc.Process.ID
	invalid := func(key string) (string, error) {
		h.renderConceptEdit(c, http.StatusUnprocessableEntity, key, nil, domain.CouncilDecision{})
		return key, nil
	}
	switch action {
	case "leitbild":
		text := strings.TrimSpace(form.Get("leitbild"))
		if key := domain.ValidateLongText(text, domain.MaxConceptText); key != "" {
			return invalid(key)
		}
		return "", h.Store.SaveLeitbild(ctx, actor, municipalityID, processID, v.ID, text)
	case "challenges":
		fieldID, _ := strconv.ParseInt(form.Get("field"), 10, 64)
		text := strings.TrimSpace(form.Get("challenges"))
		if key := domain.ValidateLongText(text, domain.MaxConceptText); key != "" {
			return invalid(key)
		}
		return "", h.Store.SaveChallenges(ctx, actor, municipalityID, processID, v.ID, fieldID, text)
	case "objective_add", "objective_save":
		o := domain.Objective{VersionID: v.ID, Title: strings.TrimSpace(form.Get("title")), Description: strings.TrimSpace(form.Get("description"))}
		o.ActionFieldID, _ = strconv.ParseInt(form.Get("field"), 10, 64)
		if action == "objective_save" {
			id, err := strconv.ParseInt(form.Get("objective"), 10, 64)
			if err != nil || id <= 0 {
				return "", domain.Errorf(domain.CodeBadRequest, "error.bad_request")
			}
			o.ID = id
		}
		key := domain.ValidateText(o.Title, domain.MaxConceptTitle)
		if key == "" {
			key = domain.ValidateLongText(o.Description, domain.MaxConceptText)
		}
		if key != "" {
			return invalid(key)
		}
		_, err := h.Store.SaveObjective(ctx, actor, municipalityID, processID, o)
		return "", err
	case "objective_delete":
		id, err := strconv.ParseInt(form.Get("objective"), 10, 64)
		if err != nil || id <= 0 {
			return "", domain.Errorf(domain.CodeBadRequest, "error.bad_request")
		}
		return "", h.Store.DeleteObjective(ctx, actor, municipalityID, processID, v.ID, id)
	case "status":
		return "", h.Store.MoveConcept(ctx, actor, municipalityID, processID, v.ID, form.Get("to"))
	case "decision":
		d := domain.CouncilDecision{VersionID: v.ID, Body: strings.TrimSpace(form.Get("body")),
			AgendaItem: strings.TrimSpace(form.Get("agenda_item")), Result: form.Get("result"),
			Amendments: strings.TrimSpace(form.Get("amendments"))}
		if day, err := time.Parse(time.DateOnly, form.Get("decided_on")); err == nil {
			d.DecidedOn = day
		}
		if problems := d.Validate(); len(problems) > 0 {
			h.renderConceptEdit(c, http.StatusUnprocessableEntity, "error.validation", problems, d)
			return "error.validation", nil
		}
		return "", h.Store.RecordCouncilDecision(ctx, actor, municipalityID, processID, d)
	}
	return "", domain.Errorf(domain.CodeBadRequest, "error.bad_request")
}
