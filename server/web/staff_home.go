package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
)

type staffHomePage struct {
	Municipalities []app.StaffTown
	Installation   bool
}

// staffHome lists the municipalities the staff member works in and what
// they may do there.
func (h *Handler) staffHome(c *gin.Context) {
	staff := staffOf(c)
	towns, err := h.App.StaffHome(c.Request.Context(), staff.StaffMember)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "staff_home", staffHomePage{Municipalities: towns, Installation: staff.User.InstallationAdmin})
}
