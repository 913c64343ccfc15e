package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type reviewsPage struct {
	processContext
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
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	h.renderReviews(c, http.StatusOK, cc, domain.Review{HeldOn: time.Now().UTC()}, nil)
}

func (h *Handler) renderReviews(c *gin.Context, status int, cc processContext, draft domain.Review, problems []domain.FieldError) {
	v, err := h.App.Reviews(c.Request.Context(), cc.Process.ID, time.Now().UTC())
	if err != nil {
		h.fail(c, err)
		return
	}
	page := reviewsPage{processContext: cc, Concept: v.Concept, States: v.States, Reviews: v.Reviews, Ratings: v.Ratings,
		Recommendations: domain.Recommendations, Draft: draft, Problems: problems, Saved: c.Query("gespeichert") == "1",
		Titles: map[int64]string{}}
	for _, s := range v.States {
		page.Titles[s.Entry.Measure.LineageID] = s.Entry.Number + " " + s.Entry.Measure.Title
	}
	h.render(c, status, "staff_reviews", page)
}
