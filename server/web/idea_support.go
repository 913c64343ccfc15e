package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// supportRatePerHour bounds how many support changes one device may make.
const supportRatePerHour = 600

// ideaSupport sets or withdraws the device's support (form field support=1
// or 0; an explicit state, so a double tap cannot undo itself) and returns
// the citizen to the page they came from.
func (h *Handler) ideaSupport(c *gin.Context) {
	pc, id, ok := h.loadIdeaRoute(c)
	if !ok {
		return
	}
	if !h.parseForm(c) {
		return
	}
	on, err := supportState(c.Request.PostForm.Get("support"))
	if err != nil {
		h.fail(c, err)
		return
	}
	if _, err := h.changeSupport(c, pc, id, on); err != nil {
		return
	}
	back := c.Request.PostForm.Get("back")
	if !strings.HasPrefix(back, pc.BaseURL+"/") || !localPath(back) {
		back = fmt.Sprintf("%s/ideen/%d", pc.BaseURL, id)
	}
	c.Redirect(http.StatusSeeOther, back+fmt.Sprintf("#idee-%d", id))
}

func supportState(v string) (bool, error) {
	switch v {
	case "1":
		return true, nil
	case "0":
		return false, nil
	}
	return false, domain.Errorf(domain.CodeBadRequest, "idea.error.support_value")
}

// changeSupport is shared by the form and the API; on failure it has
// answered the request already.
func (h *Handler) changeSupport(c *gin.Context, pc processContext, ideaID int64, on bool) (int, error) {
	device := h.deviceHash(c, true)
	d := h.Live.Allow(c.Request.Context(), "support:"+device, supportRatePerHour)
	if d.Allowed {
		d = h.Live.Allow(c.Request.Context(), "support-client:"+h.clientKey(c), h.Config.ClientRateLimit)
	}
	if !d.Allowed {
		h.rateLimited(c, d.RetryAfter)
		return 0, domain.Errorf(domain.CodeRateLimited, "error.rate_limited")
	}
	count, err := h.Store.SetSupport(c.Request.Context(), pc.Process.ID, ideaID, device, on)
	if err != nil {
		h.fail(c, err)
		return 0, err
	}
	return count, nil
}
