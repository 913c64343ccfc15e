package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
)

// milestoneDraftOf decodes a posted Fahrplan entry; its checks are the use
// case's.
func milestoneDraftOf(c *gin.Context) app.MilestoneDraft {
	form := c.Request.PostForm
	return app.MilestoneDraft{Title: form.Get("title"), Description: form.Get("description"),
		Date: form.Get("date"), Done: form.Get("done") == "yes"}
}
