package web

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// The Atom document (RFC 4287), written with encoding/xml: texts are
// type="text", so whatever a report says reaches a feed reader as text
// (escaped once, by the encoder), line breaks included. gorilla/feeds, used
// before, marks every summary as HTML and has room for one feed link only,
// not the rel="self" a feed needs.
type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    atomText    `xml:"title"`
	Subtitle atomText    `xml:"subtitle"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Links    []atomLink  `xml:"link"`
	Entries  []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title     atomText   `xml:"title"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Links     []atomLink `xml:"link"`
	Summary   atomText   `xml:"summary"`
}

func plainText(s string) atomText { return atomText{Type: "text", Text: s} }

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// atomFeed is an Atom feed of the status reports of a process's measures,
// newest first, so the town's website and citizens can follow them.
func (h *Handler) atomFeed(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	now := time.Now().UTC()
	im, err := h.App.Implementation(c.Request.Context(), pc.Process.ID, now)
	if err != nil {
		h.fail(c, err)
		return
	}
	lang := langOf(c)
	base := h.Config.BaseURL
	feed := atomFeed{
		Lang:     lang,
		Title:    plainText(h.Catalog.Message(lang, "feed.title", pc.Process.Title)),
		Subtitle: plainText(h.Catalog.Message(lang, "feed.subtitle", pc.Municipality.Name)),
		ID:       base + h.path("atomFeed", pc),
		Updated:  atomTime(now),
		Author:   atomPerson{Name: pc.Municipality.Name},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + h.path("atomFeed", pc)},
			{Rel: "alternate", Type: "text/html", Href: base + h.path("dashboard", pc)},
		},
	}
	if len(im.Reports) > 0 {
		feed.Updated = atomTime(im.Reports[0].CreatedAt)
	}
	for i, r := range im.Reports {
		if i == 50 {
			break
		}
		state, found := im.State(r.LineageID)
		if !found {
			continue
		}
		link := base + h.path("measureShow", pc, r.LineageID)
		status := h.Catalog.Message(lang, "measure.status."+r.Status)
		summary := h.Catalog.Message(lang, "feed.entry", formatDate(lang, r.ReportedOn), status)
		if r.Text != "" {
			summary += "\n\n" + r.Text
		}
		feed.Entries = append(feed.Entries, atomEntry{
			Title:     plainText(h.Catalog.Message(lang, "concept.measure") + " " + state.Entry.Number + " " + state.Entry.Measure.Title + ": " + status),
			ID:        link + "#bericht-" + strconv.FormatInt(r.ID, 10),
			Updated:   atomTime(r.CreatedAt),
			Published: atomTime(r.CreatedAt),
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: link}},
			Summary:   plainText(summary),
		})
	}
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Data(http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), out...))
}
