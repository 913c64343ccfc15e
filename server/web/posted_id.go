package web

import (
	"strconv"

	"github.com/gin-gonic/gin"
)

// postedID is the id posted under name, or 0, which no record has, for
// anything but a positive number: the use case decides what a missing id
// means (not found, a bad request, a typing error to show on the form).
func postedID(c *gin.Context, name string) int64 {
	id, err := strconv.ParseInt(c.Request.PostForm.Get(name), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}
