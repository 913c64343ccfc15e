package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/gin-gonic/gin"

	"zukunftswerk/server/app"
	"zukunftswerk/server/domain"
)

// icalFeed is an iCalendar feed of a process's dates: the Fahrplan (with
// workshops and council decisions), logged occurrences of recurring
// measures and the next one due, as all-day events.
func (h *Handler) icalFeed(c *gin.Context) {
	pc, ok := h.loadProcess(c)
	if !ok {
		return
	}
	now := time.Now().UTC()
	ctx := c.Request.Context()
	lang := langOf(c)
	entries, err := h.fahrplan(ctx, pc, lang, now)
	if err != nil {
		h.fail(c, err)
		return
	}
	im, err := h.App.Implementation(ctx, pc.Process.ID, now)
	if err != nil {
		h.fail(c, err)
		return
	}
	cal := h.calendar(pc, lang, entries, im, now)
	c.Header("Content-Disposition", `inline; filename="`+pc.Process.Slug+`.ics"`)
	c.Data(http.StatusOK, "text/calendar; charset=utf-8", []byte(cal.Serialize(ics.WithNewLineWindows)))
}

// calendar is the process's dates as all-day events: the Fahrplan's dated
// entries, occurrences of recurring measures, and the next one due.
func (h *Handler) calendar(pc processContext, lang string, entries []domain.Milestone, im app.Implementation, now time.Time) *ics.Calendar {
	host := "zukunftswerk"
	if u, err := url.Parse(h.Config.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	base := h.Config.BaseURL
	cal := ics.NewCalendarFor("Zukunftswerk")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(h.Catalog.Message(lang, "ical.name", pc.Process.Title))
	cal.SetDescription(h.Catalog.Message(lang, "ical.description", pc.Municipality.Name))
	event := func(uid string, day time.Time, summary, description, link string) *ics.VEvent {
		e := cal.AddEvent(uid + "@" + host)
		e.SetDtStampTime(now)
		e.SetAllDayStartAt(day)
		e.SetAllDayEndAt(day.AddDate(0, 0, 1))
		e.SetSummary(summary)
		if description != "" {
			e.SetDescription(description)
		}
		e.SetURL(link)
		return e
	}
	for i, m := range entries {
		if m.OccursOn == nil || m.DatePrecision != domain.PrecisionDay {
			continue // a month or no date is no calendar day
		}
		uid := "milestone-" + strconv.FormatInt(m.ID, 10)
		if m.ID == 0 {
			uid = m.Kind + "-" + m.OccursOn.Format("20060102") + "-" + strconv.Itoa(i)
		}
		if m.Location != "" {
			m.Description = "" // the place is the LOCATION, not a description
		}
		e := event(uid, *m.OccursOn, m.Title, m.Description, base+h.path("processShow", pc))
		if m.Location != "" {
			e.SetLocation(m.Location)
		}
		if m.Starts != nil && m.Ends != nil {
			// A workshop day with its hours: a timed event (UTC in the
			// file; calendars show it in their reader's zone).
			e.RemoveProperty(ics.ComponentPropertyDtStart)
			e.RemoveProperty(ics.ComponentPropertyDtEnd)
			e.SetStartAt(*m.Starts)
			e.SetEndAt(*m.Ends)
		}
	}
	for _, s := range im.States {
		link := base + h.path("measureShow", pc, s.Entry.Measure.LineageID)
		for _, o := range s.Occurrences {
			event("occurrence-"+strconv.FormatInt(o.ID, 10), o.OccurredOn, s.Entry.Measure.Title, o.Note, link)
		}
		if s.Next != nil {
			event("next-"+strconv.FormatInt(s.Entry.Measure.LineageID, 10)+"-"+s.Next.Format("20060102"), *s.Next,
				h.Catalog.Message(lang, "ical.next", s.Entry.Measure.Title), "", link)
		}
	}
	return cal
}
