package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// processAdminPage is a process's settings page. As a pathScope (through
// processContext) it stands for ":municipality/:process".
type processAdminPage struct {
	processContext
	Milestones []domain.Milestone
	ErrorKey   string
	Saved      bool
}

// staffProcess shows a process's settings, action fields and Fahrplan.
func (h *Handler) staffProcess(c *gin.Context) {
	cc, ok := h.loadStaffProcess(c)
	if !ok {
		return
	}
	h.renderProcessAdmin(c, http.StatusOK, cc, "")
}

// renderProcessAdmin shows the page for cc, whose Process may carry the
// values a refused form sent.
func (h *Handler) renderProcessAdmin(c *gin.Context, status int, cc processContext, errorKey string) {
	milestones, err := h.App.Milestones(c.Request.Context(), cc.Process.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.render(c, status, "staff_process", processAdminPage{
		processContext: cc, Milestones: milestones, ErrorKey: errorKey, Saved: c.Query("gespeichert") == "1",
	})
}

// staffProcessPost resolves :process and reads the posted form.
func (h *Handler) staffProcessPost(c *gin.Context) (processContext, bool) {
	cc, ok := h.loadStaffProcess(c)
	return cc, ok && h.parseForm(c)
}

// processAdminDone answers a change of the settings page: back to the page,
// or the page again with the message of a refusal.
func (h *Handler) processAdminDone(c *gin.Context, cc processContext, err error) {
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderProcessAdmin(c, http.StatusUnprocessableEntity, cc, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, h.path("staffProcess", cc)+"?gespeichert=1")
}
