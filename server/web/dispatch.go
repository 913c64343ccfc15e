package web

import (
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// actions is a dispatch table declared in routes.go: the forms of one page
// post to one URL and name their operation in the field "action" (a plain
// HTML form cannot choose its URL by the button pressed without
// JavaScript-free formaction on every button); each operation has its own
// handler.
type actions map[string]gin.HandlerFunc

// dispatch reads the form and runs the handler of its action; an action the
// table does not know is a bad request.
func (h *Handler) dispatch(table actions) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !h.parseForm(c) {
			return
		}
		handler, ok := table[c.Request.PostForm.Get("action")]
		if !ok {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		handler(c)
	}
}
