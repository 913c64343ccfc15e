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
	Team         []teamRow
	Roles        []domain.Role
	Link         string // a new invitation or reset link, shown once
	LinkEmail    string
	Email        string
	Role         string
	ErrorKey     string
}

// teamRow is a member with the actions the viewer may take on them.
type teamRow struct {
	store.TeamMember
	MayManage bool // reset, disable, enable (domain.MayManageAccount)
	MayRemove bool // remove this town's roles (domain.MayRemoveRoles)
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
	viewer := staffOf(c).User
	for _, member := range team {
		page.Team = append(page.Team, teamRow{TeamMember: member,
			MayManage: domain.MayManageAccount(viewer.InstallationAdmin, member.StaffUser, member.Elsewhere),
			MayRemove: domain.MayRemoveRoles(viewer.InstallationAdmin, viewer.ID, member.StaffUser)})
	}
	page.Municipality, page.Roles = m, domain.Roles
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

// staffMemberAction acts on a member of this municipality: disable or
// enable the account (disabling ends its sessions at once), make a
// password-reset link, or remove the member's roles here. The store applies
// the account rule (domain.MayManageAccount / MayRemoveRoles): a shared
// account or an installation admin answers 403 with the reason.
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
	actor := staffOf(c).Actor()
	back := fmt.Sprintf("/intern/k/%s/team", m.Slug)
	switch c.Request.PostForm.Get("action") {
	case "disable", "enable":
		disable := c.Request.PostForm.Get("action") == "disable"
		if disable && userID == actor.UserID {
			h.renderTeam(c, http.StatusUnprocessableEntity, teamPage{ErrorKey: "staff.error.disable_self"})
			return
		}
		if err := h.Store.SetDisabled(ctx, actor, m.ID, userID, disable); err != nil {
			h.failTeam(c, err)
			return
		}
		if disable {
			if err := h.App.Sessions.DeleteUser(ctx, userID); err != nil {
				h.fail(c, err)
				return
			}
		}
		c.Redirect(http.StatusSeeOther, back)
	case "reset":
		target, err := h.Store.StaffUser(ctx, userID)
		if err != nil {
			h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
			return
		}
		token, hash := newLinkToken()
		inv := store.Invitation{TokenHash: hash, Purpose: store.PurposeReset, Email: target.Email, UserID: &userID}
		if err := h.Store.CreateInvitation(ctx, actor, m.ID, inv, h.Config.InvitationValidity); err != nil {
			h.failTeam(c, err)
			return
		}
		h.renderTeam(c, http.StatusCreated, teamPage{Link: h.Config.BaseURL + "/intern/einladung/" + token, LinkEmail: target.Email})
	case "remove":
		if err := h.Store.RemoveRoles(ctx, actor, m.ID, userID); err != nil {
			h.failTeam(c, err)
			return
		}
		c.Redirect(http.StatusSeeOther, back)
	default:
		h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
	}
}

// failTeam shows a refused account action on the team page with its
// reason; other errors take the usual way.
func (h *Handler) failTeam(c *gin.Context, err error) {
	if key := domain.ErrorMessageKey(err); domain.ErrorCode(err) == domain.CodeForbidden && key != "error.forbidden" {
		h.renderTeam(c, http.StatusForbidden, teamPage{ErrorKey: key})
		return
	}
	h.fail(c, err)
}
