package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// apiActionFieldList returns the action fields of a process.
func (h *Handler) apiActionFieldList(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, gin.H{"action_fields": pc.Fields})
}
