package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

type auditPage struct {
	app.AuditLog
	Municipality domain.Municipality
	Action       string
	UserID       int64
}

// staffAudit shows the municipality's audit log, filterable by action and
// person (admin). Without a municipality (/intern/protokoll) it is the
// installation's own log, for installation admins.
func (h *Handler) staffAudit(c *gin.Context) {
	m := municipalityOf(c)
	var userID int64
	if v := c.Query("person"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			h.fail(c, domain.Errorf(domain.CodeBadRequest, "error.bad_request"))
			return
		}
		userID = id
	}
	audit, err := h.App.AuditLog(c.Request.Context(), m.ID, c.Query("aktion"), userID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, http.StatusOK, "staff_audit", auditPage{AuditLog: audit, Municipality: m, Action: c.Query("aktion"), UserID: userID})
}
