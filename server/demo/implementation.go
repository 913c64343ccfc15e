package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// The Backhaustag, the first idea of the Zukunftswerkstatt put into
// practice, took place on 11 October 2014 (before the council adopted the
// concept), again with the Ergebnisveranstaltung in April 2015, and since
// then on the second Saturday of April and October up to the day the demo
// is loaded, so the dashboard always shows a living process. The other
// measures' reports are dated relative to that day.

// firstBackhaustag is when the Backhaustag began.
var firstBackhaustag = time.Date(2014, time.October, 11, 0, 0, 0, 0, time.UTC)

// BackhaustagDates are the Backhaustage logged before now, oldest first.
func BackhaustagDates(now time.Time) []time.Time {
	var dates []time.Time
	for year := firstBackhaustag.Year(); year <= now.Year(); year++ {
		for _, month := range []time.Month{time.April, time.October} {
			d := secondSaturday(year, month)
			if !d.Before(firstBackhaustag) && d.Before(now) {
				dates = append(dates, d)
			}
		}
	}
	return dates
}

func secondSaturday(year int, month time.Month) time.Time {
	d := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Saturday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7)
}

// backhausAttendance is how many came to the n-th Backhaustag (1-based):
// 140 the first time, then between 150 and 230.
func backhausAttendance(n int) int {
	if n == 1 {
		return 140
	}
	return 150 + (n*37)%81
}

type sampleReport struct {
	measure    string
	monthsAgo  int
	status     string
	text       string
	progress   int       // -1: none
	newDateIn  int       // months from now for a postponement, 0: none
	indicator  string    // with %d: the Backhaustag's attendance that day
	atBackhaus int       // 1-based Backhaustag date instead of monthsAgo, 0: none
	on         time.Time // a fixed date instead of monthsAgo
}

var reports = []sampleReport{
	{"Backhaustag", 0, domain.MeasureInProgress, "Nach dem ersten Backhaustag im Oktober planen die Landfrauen und der Heimatverein zwei Backtage im Jahr; der Ofen wird geprüft.", -1, 0, "", 0,
		time.Date(2014, time.December, 10, 0, 0, 0, 0, time.UTC)},
	{"Backhaustag", 0, domain.MeasureDone, "Zweiter Backhaustag mit der Ergebnisveranstaltung im Rathaus: Jung und Alt haben gemeinsam Brot und Zwiebelkuchen gebacken.", 100, 0, "%d Gäste", 2, time.Time{}},
	{"Backhaustag", 0, domain.MeasureEstablished, "Der Backhaustag findet jetzt jeden Frühling und Herbst statt.", 100, 0, "%d Gäste", 4, time.Time{}},
	{"Ehrenamtsbörse", 10, domain.MeasureInProgress, "Die Börse ist im Rathaus eingerichtet, die Online-Seite folgt.", 50, 0, "", 0, time.Time{}},
	{"Ehrenamtsbörse", 4, domain.MeasureDone, "Die Börse ist online; 23 Engagements wurden vermittelt.", 100, 0, "23 Engagements", 0, time.Time{}},
	{"Jährlicher Bürgerdialog", 3, domain.MeasurePreparing, "Der erste Termin wird mit den Vereinen abgestimmt.", -1, 0, "", 0, time.Time{}},
	{"Ferienbetreuung für Grundschulkinder", 2, domain.MeasureInProgress, "Oster- und Herbstferien sind abgedeckt, die Pfingstferien folgen.", 60, 0, "", 0, time.Time{}},
	{"Jugendtreff in der Ortsmitte", 5, domain.MeasurePostponed, "Der Raum im alten Feuerwehrhaus wird erst nach dem Umbau frei.", 30, 8, "", 0, time.Time{}},
	{"Organisierte Nachbarschaftshilfe", 14, domain.MeasureDone, "Zwölf Freiwillige fahren zum Arzt und zum Einkaufen.", 100, 0, "35 Einsätze im Monat", 0, time.Time{}},
	{"Organisierte Nachbarschaftshilfe", 2, domain.MeasureEstablished, "Die Diakoniestation koordiniert den Kreis dauerhaft.", 100, 0, "48 Einsätze im Monat", 0, time.Time{}},
	{"Bürgerbus Groß- und Kleiningersheim", 6, domain.MeasureOnHold, "Der Förderantrag wurde abgelehnt; ein neuer Antrag wird vorbereitet.", 10, 0, "", 0, time.Time{}},
}

// loadImplementation writes the reports and the Backhaustage unless the
// process has reports already.
func loadImplementation(ctx context.Context, s *store.Store, p domain.Process, now time.Time) error {
	existing, err := s.Reports(ctx, p.ID)
	if err != nil || len(existing) > 0 {
		return err
	}
	v, found, err := s.AdoptedVersion(ctx, p.ID)
	if err != nil || !found {
		return err
	}
	concept, err := s.Concept(ctx, v)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	lineage := map[string]int64{}
	for _, m := range concept.Measures {
		lineage[m.Title] = m.LineageID
	}
	actor := store.Actor{Name: "Verwaltung (Demo)"}
	backhaus := BackhaustagDates(now)
	for i, d := range backhaus {
		attendance := backhausAttendance(i + 1)
		o := domain.Occurrence{ProcessID: p.ID, LineageID: lineage["Backhaustag"], OccurredOn: d, Attendance: &attendance,
			Note: "Brot, Zwiebelkuchen und Dinnete aus dem Holzofen."}
		if _, err := s.AddOccurrence(ctx, actor, p.MunicipalityID, o); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	for _, sr := range reports {
		r := domain.StatusReport{ProcessID: p.ID, LineageID: lineage[sr.measure], Status: sr.status, Text: sr.text,
			IndicatorValue: sr.indicator, ReportedOn: today.AddDate(0, -sr.monthsAgo, 0)}
		switch {
		case sr.atBackhaus > len(backhaus):
			continue // loaded before that Backhaustag took place
		case sr.atBackhaus > 0:
			r.ReportedOn = backhaus[sr.atBackhaus-1]
			if strings.Contains(sr.indicator, "%d") {
				r.IndicatorValue = fmt.Sprintf(sr.indicator, backhausAttendance(sr.atBackhaus))
			}
		case !sr.on.IsZero():
			r.ReportedOn = sr.on
		}
		if sr.progress >= 0 {
			progress := sr.progress
			r.Progress = &progress
		}
		if sr.newDateIn > 0 {
			d := today.AddDate(0, sr.newDateIn, 0)
			r.NewDate = &d
		}
		if problems := r.Validate(); len(problems) > 0 || r.LineageID == 0 {
			return fmt.Errorf("demo: report on %q is invalid: %v", sr.measure, problems)
		}
		if _, err := s.AddReport(ctx, actor, p.MunicipalityID, r); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}
