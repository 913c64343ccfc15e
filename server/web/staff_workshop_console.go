package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/live"
)

type consolePage struct {
	Municipality domain.Municipality
	workshopContext
	Cards    []domain.Card
	Clusters []domain.Cluster
	Joined   map[int64]int
	Online   map[int64]int
	JoinURL  string
	ErrorKey string
}

// staffWorkshopConsole is the moderator's console of one workshop.
func (h *Handler) staffWorkshopConsole(c *gin.Context) {
	h.renderConsole(c, http.StatusOK, "")
}

func (h *Handler) renderConsole(c *gin.Context, status int, errorKey string) {
	wc, cards, clusters, ok := h.staffWorkshopBoard(c, true)
	if !ok {
		return
	}
	w := wc.Workshop
	ctx := c.Request.Context()
	joined, err := h.Store.ParticipantCounts(ctx, w.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	online := map[int64]int{}
	for _, g := range wc.Groups {
		online[g.ID] = h.Live.Online(ctx, w.ID, g.ID)
	}
	page := consolePage{Municipality: municipalityOf(c), workshopContext: wc, Cards: cards, Clusters: clusters,
		Joined: joined, Online: online, ErrorKey: errorKey}
	if w.JoinCode != nil {
		page.JoinURL = h.Config.BaseURL + "/w/" + *w.JoinCode
	}
	h.render(c, status, "staff_workshop", page)
}

// staffWorkshopBoard loads a workshop of the guarded municipality with its
// phases, groups, cards (hidden ones when asked) and clusters.
func (h *Handler) staffWorkshopBoard(c *gin.Context, withHidden bool) (workshopContext, []domain.Card, []domain.Cluster, bool) {
	w, ok := h.staffWorkshop(c)
	if !ok {
		return workshopContext{}, nil, nil, false
	}
	wc, ok := h.loadWorkshopParts(c, w)
	if !ok {
		return wc, nil, nil, false
	}
	ctx := c.Request.Context()
	cards, err := h.Store.Cards(ctx, w.ID, 0, 0, withHidden)
	if err != nil {
		h.fail(c, err)
		return wc, nil, nil, false
	}
	clusters, err := h.Store.Clusters(ctx, w.ID)
	if err != nil {
		h.fail(c, err)
		return wc, nil, nil, false
	}
	return wc, cards, clusters, true
}

// staffWorkshopControl runs the workshop: open it, move between phases,
// open and close voting, show or hide tallies, run the timer, close it.
func (h *Handler) staffWorkshopControl(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	m := municipalityOf(c)
	action := c.Request.PostForm.Get("action")
	minutes, _ := strconv.Atoi(c.Request.PostForm.Get("minutes"))
	phases, err := h.Store.Phases(c.Request.Context(), w.ID)
	if err != nil {
		h.fail(c, err)
		return
	}
	if action == "close" {
		if _, err := h.Store.CloseWorkshop(c.Request.Context(), staffOf(c).Actor(), m.ID, w.ID); err != nil {
			h.fail(c, err)
			return
		}
		h.cache.forget(w.Code())
		closed := w
		closed.State = domain.WorkshopClosed
		h.publish(c, w.ID, live.EventState, 0, stateEvent(closed, time.Now()))
		c.Redirect(http.StatusSeeOther, "/intern/k/"+m.Slug+"/werkstaetten/"+strconv.FormatInt(w.ID, 10)+"/doku")
		return
	}
	now := time.Now().UTC()
	control := domain.Control{Action: action, Minutes: minutes}
	updated, err := h.Store.UpdateWorkshop(c.Request.Context(), staffOf(c).Actor(), m.ID, w.ID, action, func(w *domain.Workshop) error {
		return w.Apply(control, len(phases), now)
	})
	if domain.ErrorCode(err) == domain.CodeConflict {
		h.renderConsole(c, http.StatusConflict, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	h.cache.forget(updated.Code())
	h.publish(c, w.ID, live.EventState, 0, stateEvent(updated, now))
	c.Redirect(http.StatusSeeOther, "/intern/k/"+m.Slug+"/werkstaetten/"+strconv.FormatInt(w.ID, 10))
}

// stateEvent tells every screen the workshop's state; the timer travels as
// milliseconds left at the server's clock, so a phone with a wrong clock
// still counts down correctly.
func stateEvent(w domain.Workshop, now time.Time) live.StateEvent {
	return live.StateEvent{State: w.State, Phase: w.CurrentPhase, Voting: w.VotingOpen, Tallies: w.TalliesVisible,
		TimerLeftMs: w.TimerRemaining(now).Milliseconds(), TimerRunning: w.TimerEndsAt != nil}
}

// staffWorkshopCard moderates one card: hide/show (abuse), fix a typo, move
// it to another group, or put it into a cluster. All audited.
func (h *Handler) staffWorkshopCard(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	m := municipalityOf(c)
	cardID, err := strconv.ParseInt(c.Param("card"), 10, 64)
	if err != nil {
		h.fail(c, domain.ErrNotFound)
		return
	}
	f := c.Request.PostForm
	action := f.Get("action")
	card, err := h.Store.ModerateCard(c.Request.Context(), staffOf(c).Actor(), m.ID, w.ID, cardID, action, func(card *domain.Card) error {
		switch action {
		case "hide":
			card.Hidden = true
		case "show":
			card.Hidden = false
		case "edit":
			text := domain.NormalizeCardText(f.Get("text"))
			if key := domain.ValidateCardText(text); key != "" {
				return domain.Errorf(domain.CodeInvalid, key)
			}
			card.Text = text
		case "move":
			g, err := strconv.ParseInt(f.Get("group"), 10, 64)
			if err != nil {
				return domain.Errorf(domain.CodeInvalid, "workshop.error.target")
			}
			card.GroupID, card.ClusterID = g, nil
		case "cluster":
			if f.Get("cluster") == "" {
				card.ClusterID = nil
				return nil
			}
			cl, err := strconv.ParseInt(f.Get("cluster"), 10, 64)
			if err != nil {
				return domain.Errorf(domain.CodeInvalid, "workshop.error.target")
			}
			card.ClusterID = &cl
		default:
			return domain.Errorf(domain.CodeBadRequest, "error.bad_request")
		}
		return nil
	})
	if domain.ErrorCode(err) == domain.CodeNotFound {
		h.fail(c, domain.Errorf(domain.CodeForbidden, "error.forbidden"))
		return
	}
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderConsole(c, http.StatusUnprocessableEntity, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	// Every screen learns of the change (a moved card leaves one group for
	// another); a hidden card's text goes to none of them.
	text := card.Text
	if card.Hidden {
		text = ""
	}
	h.publish(c, w.ID, live.EventCardChanged, 0, live.CardChangedEvent{ID: card.ID, Group: card.GroupID, Hidden: card.Hidden, Text: text, Cluster: card.ClusterID})
	c.Redirect(http.StatusSeeOther, "/intern/k/"+m.Slug+"/werkstaetten/"+strconv.FormatInt(w.ID, 10)+"#karte-"+strconv.FormatInt(card.ID, 10))
}

// staffWorkshopCluster names a new cluster in a group's current phase.
func (h *Handler) staffWorkshopCluster(c *gin.Context) {
	w, ok := h.staffWorkshopPost(c)
	if !ok {
		return
	}
	m := municipalityOf(c)
	group, _ := strconv.ParseInt(c.Request.PostForm.Get("group"), 10, 64)
	title := strings.TrimSpace(c.Request.PostForm.Get("title"))
	if key := domain.ValidateText(title, 80); key != "" {
		h.renderConsole(c, http.StatusUnprocessableEntity, key)
		return
	}
	if _, err := h.Store.CreateCluster(c.Request.Context(), staffOf(c).Actor(), m.ID,
		domain.Cluster{WorkshopID: w.ID, GroupID: group, Phase: w.CurrentPhase, Title: title}); err != nil {
		if domain.ErrorCode(err) == domain.CodeInvalid {
			h.renderConsole(c, http.StatusUnprocessableEntity, domain.ErrorMessageKey(err))
			return
		}
		h.fail(c, err)
		return
	}
	h.publish(c, w.ID, live.EventCluster, group, live.ClusterEvent{Group: group, Title: title})
	c.Redirect(http.StatusSeeOther, "/intern/k/"+m.Slug+"/werkstaetten/"+strconv.FormatInt(w.ID, 10))
}
