package domain

import "time"

// The calendar days staff enter (workshops, Fahrplan entries, council
// decisions, measures' dates, reports, occurrences, reviews) lie within
// these years: a town's planning horizon, not what time.Parse accepts
// (years 0000 and 9999 would go out in every calendar feed).
const (
	EarliestYear = 1990
	LatestYear   = 2100
)

// ValidDay reports whether t is a day within EarliestYear and LatestYear.
func ValidDay(t time.Time) bool {
	return !t.IsZero() && t.Year() >= EarliestYear && t.Year() <= LatestYear
}

// ParseDay reads a day as an HTML date field sends it ("2014-07-19");
// ok is false for anything else and for days outside the valid years.
func ParseDay(s string) (day time.Time, ok bool) {
	day, err := time.Parse(time.DateOnly, s)
	if err != nil || !ValidDay(day) {
		return time.Time{}, false
	}
	return day, true
}
