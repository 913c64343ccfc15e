package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
)

type joinPage struct {
	workshopContext
	Code     string
	Name     string
	ErrorKey string
}

// workshopEnterCode asks for the code shown on the projector (/w).
func (h *Handler) workshopEnterCode(c *gin.Context) {
	if code := domain.NormalizeJoinCode(c.Query("code")); code != "" {
		c.Redirect(http.StatusSeeOther, "/w/"+code)
		return
	}
	h.render(c, http.StatusOK, "workshop_code", nil)
}

// workshopJoinForm lets a phone pick its group and an optional name.
func (h *Handler) workshopJoinForm(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	if _, joined := h.participantOf(c, wc); joined && c.Query("wechseln") == "" {
		c.Redirect(http.StatusSeeOther, "/w/"+wc.Workshop.Code()+"/gruppe")
		return
	}
	h.render(c, http.StatusOK, "workshop_join", joinPage{workshopContext: wc, Code: wc.Workshop.Code()})
}

// workshopJoin makes this phone a participant of the chosen group.
func (h *Handler) workshopJoin(c *gin.Context) {
	wc, ok := h.loadLiveWorkshop(c)
	if !ok {
		return
	}
	if !h.parseForm(c) {
		return
	}
	page := joinPage{workshopContext: wc, Code: wc.Workshop.Code(), Name: strings.TrimSpace(c.Request.PostForm.Get("name"))}
	groupID, _ := strconv.ParseInt(c.Request.PostForm.Get("group"), 10, 64)
	if _, found := wc.Group(groupID); !found {
		page.ErrorKey = "workshop.error.group"
	} else if domain.ValidateLongText(page.Name, domain.MaxDisplayName) != "" || strings.ContainsAny(page.Name, "\n\t") {
		page.ErrorKey = "workshop.error.name"
	} else if wc.Workshop.State != domain.WorkshopLive {
		page.ErrorKey = "workshop.error.not_live"
	}
	if page.ErrorKey != "" {
		if wantsJSON(c.Request) {
			h.fail(c, domain.Errorf(domain.CodeInvalid, page.ErrorKey))
			return
		}
		h.render(c, http.StatusUnprocessableEntity, "workshop_join", page)
		return
	}
	if d := h.Live.Allow(c.Request.Context(), "join-client:"+h.clientKey(c), h.Config.ClientRateLimit); !d.Allowed {
		h.rateLimited(c, d.RetryAfter)
		return
	}
	device := h.deviceHash(c, true)
	if _, err := h.Store.Join(c.Request.Context(), wc.Workshop.ID, groupID, device, page.Name); err != nil {
		h.fail(c, err)
		return
	}
	h.cache.forgetParticipant(wc.Workshop.ID, device)
	h.publish(c, wc.Workshop.ID, live.EventJoined, groupID, live.JoinedEvent{Group: groupID})
	c.Redirect(http.StatusSeeOther, "/w/"+wc.Workshop.Code()+"/gruppe")
}
