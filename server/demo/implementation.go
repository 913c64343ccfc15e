package demo

import (
	"context"
	"fmt"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// The demo's implementation history is dated relative to the day it is
// loaded, so the dashboard always shows a living process: the Backhaustag
// took place on the second Saturday of April and October, the last three
// times before today, and is due again half a year after the last.

// BackhaustagDates are the three logged Backhaustage before now, oldest first.
func BackhaustagDates(now time.Time) []time.Time {
	var dates []time.Time
	for year := now.Year(); len(dates) < 3; year-- {
		for _, month := range []time.Month{time.October, time.April} {
			d := secondSaturday(year, month)
			if d.Before(now) && len(dates) < 3 {
				dates = append([]time.Time{d}, dates...)
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

type sampleReport struct {
	measure    string
	monthsAgo  int
	status     string
	text       string
	progress   int // -1: none
	newDateIn  int // months from now for a postponement, 0: none
	indicator  string
	atBackhaus int // 1-based Backhaustag date instead of monthsAgo, 0: none
}

var reports = []sampleReport{
	{"Backhaustag", 0, domain.MeasurePreparing, "Die Landfrauen und der Heimatverein richten das Backhaus her; der Ofen ist geprüft.", -1, 0, "", -1},
	{"Backhaustag", 0, domain.MeasureDone, "Erster Backhaustag: Jung und Alt haben gemeinsam Brot und Zwiebelkuchen gebacken.", 100, 0, "140 Gäste", 1},
	{"Backhaustag", 0, domain.MeasureEstablished, "Der Backhaustag findet jetzt jeden Frühling und Herbst statt.", 100, 0, "210 Gäste", 3},
	{"Ehrenamtsbörse", 10, domain.MeasureInProgress, "Die Börse ist im Rathaus eingerichtet, die Online-Seite folgt.", 50, 0, "", 0},
	{"Ehrenamtsbörse", 4, domain.MeasureDone, "Die Börse ist online; 23 Engagements wurden vermittelt.", 100, 0, "23 Engagements", 0},
	{"Jährlicher Bürgerdialog", 3, domain.MeasurePreparing, "Der erste Termin wird mit den Vereinen abgestimmt.", -1, 0, "", 0},
	{"Ferienbetreuung für Grundschulkinder", 2, domain.MeasureInProgress, "Oster- und Herbstferien sind abgedeckt, die Pfingstferien folgen.", 60, 0, "", 0},
	{"Jugendtreff in der Ortsmitte", 5, domain.MeasurePostponed, "Der Raum im alten Feuerwehrhaus wird erst nach dem Umbau frei.", 30, 8, "", 0},
	{"Organisierte Nachbarschaftshilfe", 14, domain.MeasureDone, "Zwölf Freiwillige fahren zum Arzt und zum Einkaufen.", 100, 0, "35 Einsätze im Monat", 0},
	{"Organisierte Nachbarschaftshilfe", 2, domain.MeasureEstablished, "Die Diakoniestation koordiniert den Kreis dauerhaft.", 100, 0, "48 Einsätze im Monat", 0},
	{"Bürgerbus Groß- und Kleiningersheim", 6, domain.MeasureOnHold, "Der Förderantrag wurde abgelehnt; ein neuer Antrag wird vorbereitet.", 10, 0, "", 0},
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
	for _, d := range backhaus {
		attendance := 120 + 45*(d.Year()%3)
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
		case sr.atBackhaus > 0:
			r.ReportedOn = backhaus[sr.atBackhaus-1]
		case sr.atBackhaus < 0:
			r.ReportedOn = backhaus[0].AddDate(0, -2, 0)
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
