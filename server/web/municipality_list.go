package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

type homePage struct {
	Municipalities []domain.Municipality
}

// municipalityList is the installation's start page: all municipalities.
func (h *Handler) municipalityList(c *gin.Context) {
	list, err := h.App.Municipalities(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "home", homePage{Municipalities: list})
}
