package web

import "strconv"

// maxSelection bounds the ids of one form (a bulk action, a measure's
// contributions, a review's measures).
const maxSelection = 500

// formIDs reads the positive ids posted under name; ok is false when one
// is not a number or there are too many.
func formIDs(values []string) ([]int64, bool) {
	if len(values) > maxSelection {
		return nil, false
	}
	ids := make([]int64, 0, len(values))
	for _, v := range values {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}
