package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type teamPage struct {
	Municipality domain.Municipality
	Team         []app.TeamMember
	Roles        []domain.Role
	Link         string // a new invitation or reset link, shown once
	LinkEmail    string
	Email        string
	Role         string
	ErrorKey     string
}

// staffTeam lists the municipality's staff with their roles.
func (h *Handler) staffTeam(c *gin.Context) {
	h.renderTeam(c, http.StatusOK, teamPage{})
}

func (h *Handler) renderTeam(c *gin.Context, status int, page teamPage) {
	m := municipalityOf(c)
	team, err := h.App.Team(c.Request.Context(), staffOf(c).User, m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	page.Municipality, page.Team, page.Roles = m, team, domain.Roles
	h.render(c, status, "staff_team", page)
}

// renderLink shows the team page with a new invitation or reset link.
func (h *Handler) renderLink(c *gin.Context, link app.Link) {
	h.renderTeam(c, http.StatusCreated, teamPage{Link: h.Config.BaseURL + h.path("staffInvitationForm", link.Token), LinkEmail: link.Email})
}

// memberOf reads the :user parameter of an account action; anything but a
// number is forbidden like a user of another town. On failure it has
// answered the request.
func (h *Handler) memberOf(c *gin.Context) (int64, bool) {
	userID, err := strconv.ParseInt(c.Param("user"), 10, 64)
	if err != nil {
		h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
		return 0, false
	}
	return userID, true
}

// failTeam shows a refused account action on the team page with its
// reason: 422 for one the form should not have offered (disabling
// oneself), 403 for an account the store protects (a shared account, an
// installation admin). Other errors take the usual way.
func (h *Handler) failTeam(c *gin.Context, err error) {
	key := domain.ErrorMessageKey(err)
	switch code := domain.ErrorCode(err); {
	case code == domain.CodeInvalid:
		h.renderTeam(c, http.StatusUnprocessableEntity, teamPage{ErrorKey: key})
	case code == domain.CodeForbidden && key != "error.forbidden":
		h.renderTeam(c, http.StatusForbidden, teamPage{ErrorKey: key})
	default:
		h.fail(c, err)
	}
}

// backToTeam sends the admin back to the team page after an action.
func (h *Handler) backToTeam(c *gin.Context) {
	c.Redirect(http.StatusSeeOther, h.path("staffTeam", municipalityOf(c).Slug))
}
