package domain

import (
	"strconv"
	"strings"
)

// JoinIDs writes ids as decimal numbers separated by sep.
func JoinIDs(ids []int64, sep string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, sep)
}
