package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type reviewsPage struct {
	curationContext
	Concept         *domain.Concept
	States          []domain.MeasureState
	Reviews         []domain.Review
	Ratings         map[int64][]domain.Rating
	Titles          map[int64]string // measure number and title by lineage
	Recommendations []string
	Draft           domain.Review
	Problems        []domain.FieldError
	Saved           bool
}

// staffReviews lists the reviews of the concept and offers a new one for
// the newest adopted version: a rating per measure, notes, and from there
// the start of the next version.
func (h *Handler) staffReviews(c *gin.Context) {
	h.renderReviews(c, http.StatusOK, domain.Review{HeldOn: time.Now().UTC()}, nil)
}

func (h *Handler) renderReviews(c *gin.Context, status int, draft domain.Review, problems []domain.FieldError) {
	cc, ok := h.loadCuration(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	im, err := h.App.Implementation(ctx, cc.Process.ID, time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return
	}
	page := reviewsPage{curationContext: cc, Concept: im.Concept, States: im.States, Recommendations: domain.Recommendations,
		Draft: draft, Problems: problems, Saved: c.Query("gespeichert") == "1", Titles: map[int64]string{}}
	if page.Reviews, err = h.Store.Reviews(ctx, cc.Process.ID); err != nil {
		h.fail(c, err)
		return
	}
	if page.Ratings, err = h.Store.Ratings(ctx, cc.Process.ID); err != nil {
		h.fail(c, err)
		return
	}
	for _, s := range im.States {
		page.Titles[s.Entry.Measure.LineageID] = s.Entry.Number + " " + s.Entry.Measure.Title
	}
	h.render(c, status, "staff_reviews", page)
}

// staffReviewCreate records a review with its ratings.
func (h *Handler) staffReviewCreate(c *gin.Context) {
	cc, ok := h.loadCuration(c)
	if !ok || !h.parseForm(c) {
		return
	}
	ctx := c.Request.Context()
	v, found, err := h.Store.AdoptedVersion(ctx, cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	if !found {
		h.fail(c, domain.Errorf(domain.CodeConflict, "review.error.not_adopted"))
		return
	}
	form := c.Request.PostForm
	r := domain.Review{ProcessID: cc.Process.ID, VersionID: v.ID, Title: strings.TrimSpace(form.Get("title")), Notes: strings.TrimSpace(form.Get("notes"))}
	r.HeldOn, _ = time.Parse(time.DateOnly, form.Get("held_on"))
	var ratings []domain.Rating
	lineages, ok := formIDs(form["measure"])
	if ok {
		ok = len(lineages) == len(distinct(lineages)) // one rating per measure
	}
	if !ok {
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
		return
	}
	for _, lineage := range lineages {
		key := strconv.FormatInt(lineage, 10)
		recommendation := form.Get("recommendation-" + key)
		if recommendation == "" {
			continue // not rated
		}
		effect, err := strconv.Atoi(form.Get("effect-" + key))
		if err != nil {
			effect = -1
		}
		ratings = append(ratings, domain.Rating{LineageID: lineage, Effect: effect, Recommendation: recommendation,
			Note: strings.TrimSpace(form.Get("note-" + key))})
	}
	if problems := domain.ValidateReview(r, ratings); len(problems) > 0 {
		h.renderReviews(c, http.StatusUnprocessableEntity, r, problems)
		return
	}
	if _, err := h.Store.AddReview(ctx, staffOf(c).Actor(), cc.Municipality.ID, r, ratings); err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, cc.StaffBase+"/qualitaetssicherung?gespeichert=1")
}
