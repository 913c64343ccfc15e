package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type teamPage struct {
	Municipality domain.Municipality
	Team         []store.TeamMember
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
	team, err := h.Store.Team(c.Request.Context(), m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	page.Municipality, page.Team, page.Roles = m, team, domain.Roles
	h.render(c, status, "staff_team", page)
}

// staffInvite creates a single-use invitation link and shows it to the
// admin (sending mail is not built; the admin passes the link on).
func (h *Handler) staffInvite(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	page := teamPage{Email: c.Request.PostForm.Get("email"), Role: c.Request.PostForm.Get("role")}
	email, ok := domain.NormalizeEmail(page.Email)
	switch {
	case !ok:
		page.ErrorKey = "staff.error.email"
	case !domain.ValidRole(domain.Role(page.Role)):
		page.ErrorKey = "staff.error.role"
	}
	if page.ErrorKey != "" {
		h.renderTeam(c, http.StatusUnprocessableEntity, page)
		return
	}
	token, hash := newLinkToken()
	inv := store.Invitation{TokenHash: hash, Purpose: store.PurposeInvite, Role: page.Role, Email: email}
	if err := h.Store.CreateInvitation(c.Request.Context(), staffOf(c).Actor(), municipalityOf(c).ID, inv, h.Config.InvitationValidity); err != nil {
		h.fail(c, err)
		return
	}
	h.renderTeam(c, http.StatusCreated, teamPage{Link: h.Config.BaseURL + "/intern/einladung/" + token, LinkEmail: email})
}

// staffMemberAction disables, enables or resets the password of a member of
// this municipality. Disabling ends the member's sessions at once.
func (h *Handler) staffMemberAction(c *gin.Context) {
	if !h.parseForm(c) {
		return
	}
	m := municipalityOf(c)
	ctx := c.Request.Context()
	userID, err := strconv.ParseInt(c.Param("user"), 10, 64)
	if err != nil {
		h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
		return
	}
	member, found := h.teamMember(c, userID)
	if !found {
		return
	}
	actor := staffOf(c).Actor()
	switch c.Request.PostForm.Get("action") {
	case "disable", "enable":
		disable := c.Request.PostForm.Get("action") == "disable"
		if disable && userID == actor.UserID {
			h.renderTeam(c, http.StatusUnprocessableEntity, teamPage{ErrorKey: "staff.error.disable_self"})
			return
		}
		if err := h.Store.SetDisabled(ctx, actor, m.ID, userID, disable); err != nil {
			h.fail(c, err)
			return
		}
		if disable {
			if err := h.Live.DeleteUserSessions(ctx, userID); err != nil {
				h.fail(c, err)
				return
			}
		}
		c.Redirect(http.StatusSeeOther, fmt.Sprintf("/intern/k/%s/team", m.Slug))
	case "reset":
		token, hash := newLinkToken()
		inv := store.Invitation{TokenHash: hash, Purpose: store.PurposeReset, Email: member.Email, UserID: &userID}
		if err := h.Store.CreateInvitation(ctx, actor, m.ID, inv, h.Config.InvitationValidity); err != nil {
			h.fail(c, err)
			return
		}
		h.renderTeam(c, http.StatusCreated, teamPage{Link: h.Config.BaseURL + "/intern/einladung/" + token, LinkEmail: member.Email})
	default:
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
	}
}

// teamMember finds a member of the guarded municipality; anyone else is
// another municipality's business (403).
func (h *Handler) teamMember(c *gin.Context, userID int64) (store.TeamMember, bool) {
	team, err := h.Store.Team(c.Request.Context(), municipalityOf(c).ID)
	if err != nil {
		h.fail(c, err)
		return store.TeamMember{}, false
	}
	for _, member := range team {
		if member.ID == userID {
			return member, true
		}
	}
	h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
	return store.TeamMember{}, false
}
