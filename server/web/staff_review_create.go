package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffReviewCreate records a review with its ratings.
func (h *Handler) staffReviewCreate(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok || !h.parseForm(c) {
		return
	}
	form := c.Request.PostForm
	r := domain.Review{Title: strings.TrimSpace(form.Get("title")), Notes: strings.TrimSpace(form.Get("notes"))}
	r.HeldOn, _ = time.Parse(time.DateOnly, form.Get("held_on"))
	ratings, ok := ratingsOf(c)
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	r, err := h.App.CreateReview(c.Request.Context(), staffOf(c).Actor(), cc.ProcessScope, r, ratings)
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderReviews(c, http.StatusUnprocessableEntity, cc, r, fieldProblems(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffReviews", cc)+"?gespeichert=1")
}

// ratingsOf decodes a rating for every measure on the form (an effect that
// is no number is -1, refused as out of range); ok is false when a
// measure is no id.
func ratingsOf(c *gin.Context) (ratings []domain.Rating, ok bool) {
	form := c.Request.PostForm
	lineages, ok := formIDs(form["measure"])
	if !ok {
		return nil, false
	}
	for _, lineage := range lineages {
		key := strconv.FormatInt(lineage, 10)
		effect, err := strconv.Atoi(form.Get("effect-" + key))
		if err != nil {
			effect = -1
		}
		ratings = append(ratings, domain.Rating{LineageID: lineage, Effect: effect, Recommendation: form.Get("recommendation-" + key),
			Note: strings.TrimSpace(form.Get("note-" + key))})
	}
	return ratings, true
}
