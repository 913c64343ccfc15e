package app

import (
	"context"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// ReviewsView is the quality review page of a process: the adopted
// concept with the state of its measures, to rate, and the reviews held so
// far with their ratings by review.
type ReviewsView struct {
	Implementation
	Reviews []domain.Review
	Ratings map[int64][]domain.Rating
}

// Reviews reads what the project group sees when it reviews a process's
// concept on the day now.
func (a *App) Reviews(ctx context.Context, processID int64, now time.Time) (ReviewsView, error) {
	var v ReviewsView
	var err error
	if v.Implementation, err = a.Implementation(ctx, processID, now); err != nil {
		return v, err
	}
	if v.Reviews, err = a.store.Reviews(ctx, processID); err != nil {
		return v, err
	}
	if v.Ratings, err = a.store.Ratings(ctx, processID); err != nil {
		return v, err
	}
	return v, nil
}

// CreateReview records the project group's review of the newest adopted
// version of the process with a rating per measure (audited). ratings has
// an entry for every measure on the form: one without a recommendation is
// not rated, and a measure twice is a bad request. Without an adopted
// version there is nothing to review (a conflict); a review with problems
// is refused with them.
func (a *App) CreateReview(ctx context.Context, actor store.Actor, p ProcessScope, r domain.Review, ratings []domain.Rating) (domain.Review, error) {
	v, found, err := a.store.AdoptedVersion(ctx, p.Process.ID)
	if err != nil {
		return r, err
	}
	if !found {
		return r, domain.Errorf(domain.CodeConflict, "review.error.not_adopted")
	}
	r.ProcessID, r.VersionID = p.Process.ID, v.ID
	seen := make(map[int64]bool, len(ratings))
	var rated []domain.Rating
	for _, rt := range ratings {
		if seen[rt.LineageID] {
			return r, domain.Errorf(domain.CodeBadRequest, "error.bad_request") // one rating per measure
		}
		seen[rt.LineageID] = true
		if rt.Recommendation != "" {
			rated = append(rated, rt)
		}
	}
	if problems := domain.ValidateReview(r, rated); len(problems) > 0 {
		return r, domain.ValidationError(problems)
	}
	return a.store.AddReview(ctx, actor, p.Municipality.ID, r, rated)
}
