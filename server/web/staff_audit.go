package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

type auditPage struct {
	Municipality domain.Municipality
	Entries      []domain.AuditEntry
	Actions      []string
	Team         []store.TeamMember
	Action       string
	UserID       int64
}

// staffAudit shows the municipality's audit log, filterable by action and
// person (admin). Without a municipality (/intern/protokoll) it is the
// installation's own log, for installation admins.
func (h *Handler) staffAudit(c *gin.Context) {
	m := municipalityOf(c)
	ctx := c.Request.Context()
	filter := store.AuditFilter{MunicipalityID: m.ID, Action: c.Query("aktion"), Limit: 500}
	if v := c.Query("person"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		filter.UserID = id
	}
	entries, err := h.Store.AuditEntries(ctx, filter)
	if err != nil {
		h.fail(c, err)
		return
	}
	actions, err := h.Store.AuditActions(ctx, m.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	var team []store.TeamMember
	if m.ID > 0 {
		if team, err = h.Store.Team(ctx, m.ID); err != nil {
			h.fail(c, err)
			return
		}
	}
	h.render(c, http.StatusOK, "staff_audit", auditPage{Municipality: m, Entries: entries, Actions: actions, Team: team,
		Action: filter.Action, UserID: filter.UserID})
}
