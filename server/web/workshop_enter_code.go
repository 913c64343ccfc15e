package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// codePage is the code form, with the code typed and why it was refused.
type codePage struct {
	Code, Error string
}

// workshopEnterCode asks for the code shown on the projector (/w). A code
// with no workshop comes back on the form, with the reason, so the phone
// can correct it; misses count against the client as on the join page.
func (h *Handler) workshopEnterCode(c *gin.Context) {
	code := domain.NormalizeJoinCode(c.Query("code"))
	if code == "" {
		h.render(c, http.StatusOK, "workshop_code", codePage{})
		return
	}
	_, err := h.workshopByCode(c, code, false)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		h.render(c, http.StatusNotFound, "workshop_code", codePage{Code: c.Query("code"), Error: "workshop.error.code"})
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("workshopJoinForm", code))
}
