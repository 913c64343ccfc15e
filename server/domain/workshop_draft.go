package domain

import (
	"slices"
	"strings"
)

// Limits of a workshop being prepared.
const (
	MaxWorkshopTitle    = 160
	MaxWorkshopPlace    = 160
	MaxWorkshopQuestion = 600
	MaxWorkshopGroups   = 30
	MaxGroupTitle       = 80
)

// ValidateDraft returns the catalog key of the first problem of a workshop
// being prepared with its working groups, or "": a known kind, a title,
// short place and question, one to MaxWorkshopGroups named groups, and a
// dot budget of which one card may take at most all.
func (w Workshop) ValidateDraft(groups []Group) string {
	switch {
	case !slices.Contains(WorkshopKinds, w.Kind):
		return "workshop.error.kind"
	case ValidateText(w.Title, MaxWorkshopTitle) != "":
		return ValidateText(w.Title, MaxWorkshopTitle)
	case ValidateLongText(w.Place, MaxWorkshopPlace) != "", ValidateLongText(w.Question, MaxWorkshopQuestion) != "":
		return "admin.error.text_long"
	case len(groups) == 0 || len(groups) > MaxWorkshopGroups:
		return "workshop.error.groups"
	case w.DotBudget < 1 || w.DotBudget > MaxWorkshopDots || w.MaxDotsPerCard < 1 || w.MaxDotsPerCard > w.DotBudget:
		return "workshop.error.dots"
	}
	seen := map[string]bool{}
	for _, g := range groups {
		if ValidateText(g.Title, MaxGroupTitle) != "" {
			return "workshop.error.groups"
		}
		// Two groups of one name are two identical choices on the phones.
		name := strings.ToLower(strings.Join(strings.Fields(g.Title), " "))
		if seen[name] {
			return "workshop.error.groups_twice"
		}
		seen[name] = true
	}
	return ""
}
