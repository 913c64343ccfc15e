package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"zukunftswerk/server/domain"
)

// staffWorkshopCard moderates one card: hide/show (abuse), fix a typo, move
// it to another group, or put it into a cluster (domain.CardEdit). All
// audited.
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
	edit, err := cardEditOf(c)
	var card domain.Card
	if err == nil {
		card, err = h.App.ModerateCard(c.Request.Context(), staffOf(c).Actor(), m.ID, w.ID, cardID, edit)
	}
	if domain.ErrorCode(err) == domain.CodeInvalid {
		h.renderConsole(c, http.StatusUnprocessableEntity, domain.ErrorMessageKey(err))
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	// Clusters belong to a group: a card saved into another group leaves
	// its cluster, and the moderator is told so.
	saved := "1"
	if edit.Action == "save" && edit.ClusterID != nil && card.ClusterID == nil {
		saved = "ohne_cluster"
	}
	c.Redirect(http.StatusSeeOther, h.path("staffWorkshopConsole", m.Slug, w.ID)+"?gespeichert="+saved+"#karte-"+strconv.FormatInt(cardID, 10))
}

// cardEditOf decodes the card form: action, and text, group, cluster and
// field (empty: none) as the action needs them.
func cardEditOf(c *gin.Context) (domain.CardEdit, error) {
	f := c.Request.PostForm
	edit := domain.CardEdit{Action: f.Get("action"), Text: f.Get("text")}
	save := edit.Action == "save"
	if save || edit.Action == "move" {
		g, err := strconv.ParseInt(f.Get("group"), 10, 64)
		if err != nil {
			return edit, domain.Errorf(domain.CodeInvalid, "workshop.error.target")
		}
		edit.GroupID = g
	}
	if save || edit.Action == "field" {
		id, ok, err := optionalID(f.Get("field"))
		if err != nil {
			return edit, domain.Errorf(domain.CodeInvalid, "workshop.error.field")
		}
		if ok {
			edit.FieldID = &id
		}
	}
	if save || edit.Action == "cluster" {
		id, ok, err := optionalID(f.Get("cluster"))
		if err != nil {
			return edit, domain.Errorf(domain.CodeInvalid, "workshop.error.target")
		}
		if ok {
			edit.ClusterID = &id
		}
	}
	return edit, nil
}

// optionalID reads an id that may be left empty ("" is none).
func optionalID(v string) (int64, bool, error) {
	if v == "" {
		return 0, false, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	return id, true, err
}
