package web

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/feeds"
)

// atomFeed is an Atom feed of the status reports of a process's measures,
// newest first, so the town's website and citizens can follow them.
func (h *Handler) atomFeed(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	now := time.Now().UTC()
	im, err := h.loadImplementation(c.Request.Context(), pc.Process.ID, now)
	if err != nil {
		h.fail(c, err)
		return
	}
	lang := langOf(c)
	base := h.Config.BaseURL + pc.BaseURL
	feed := &feeds.Feed{
		Title:       h.Catalog.Message(lang, "feed.title", pc.Process.Title),
		Link:        &feeds.Link{Href: base + "/umsetzung"},
		Description: h.Catalog.Message(lang, "feed.subtitle", pc.Municipality.Name),
		Author:      &feeds.Author{Name: pc.Municipality.Name},
		Id:          base + "/umsetzung.atom",
		Updated:     now,
	}
	if len(im.Reports) > 0 {
		feed.Updated = im.Reports[0].CreatedAt
	}
	for i, r := range im.Reports {
		if i == 50 {
			break
		}
		state, found := im.State(r.LineageID)
		if !found {
			continue
		}
		link := base + "/handlungskonzept/massnahmen/" + strconv.FormatInt(r.LineageID, 10)
		summary := h.Catalog.Message(lang, "feed.entry", formatDate(lang, r.ReportedOn), h.Catalog.Message(lang, "measure.status."+r.Status))
		if r.Text != "" {
			summary += "\n\n" + r.Text
		}
		feed.Add(&feeds.Item{
			Title:       h.Catalog.Message(lang, "concept.measure") + " " + state.Entry.Number + " " + state.Entry.Measure.Title + ": " + h.Catalog.Message(lang, "measure.status."+r.Status),
			Link:        &feeds.Link{Href: link},
			Id:          link + "#bericht-" + strconv.FormatInt(r.ID, 10),
			Updated:     r.CreatedAt,
			Created:     r.CreatedAt,
			Description: summary,
		})
	}
	var buf bytes.Buffer
	if err := feed.WriteAtom(&buf); err != nil {
		h.fail(c, err)
		return
	}
	c.Data(http.StatusOK, "application/atom+xml; charset=utf-8", buf.Bytes())
}
