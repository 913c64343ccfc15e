// Package demo loads the Ingersheim example from the source document:
// municipality, process, the programme's five action fields, the Fahrplan
// a dozen sample ideas and the Handlungskonzept adopted by the Gemeinderat,
// with the Backhaustag. Loading twice changes nothing.
package demo

import (
	"context"
	"fmt"
	"time"

	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// ProcessSlug is where the demo process lives: /ingersheim/<ProcessSlug>/.
const ProcessSlug = "heute-leben-morgen-gestalten"

// Load writes the demo data, skipping everything that already exists.
func Load(ctx context.Context, s *store.Store) error {
	m, err := s.EnsureMunicipality(ctx, "ingersheim", "Ingersheim")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	p, err := s.EnsureProcess(ctx, domain.Process{
		MunicipalityID: m.ID,
		Slug:           ProcessSlug,
		Title:          "Ingersheim, heute leben – morgen gestalten",
		Description: "Ingersheim nimmt am integrierten Managementverfahren „Familienfreundliche, bürgeraktive, " +
			"demografiesensible Kommune“ des Landes Baden-Württemberg teil. Gemeinderat, Verwaltung und Bürgerschaft " +
			"entwickeln gemeinsam ein Handlungskonzept für die Zukunft unserer Gemeinde im demografischen Wandel.\n\n" +
			"Bringen Sie Ihre Ideen ein: Was soll bleiben, was soll sich ändern, was fehlt in Ingersheim?",
		Cycle:  1,
		Status: "active",
	})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	for i, f := range actionFields {
		f.ProcessID, f.Position = p.ID, i+1
		if err := s.EnsureActionField(ctx, f); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	for i, ms := range milestones {
		ms.ProcessID, ms.Position = p.ID, i+1
		if err := s.EnsureMilestone(ctx, ms); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	if err := loadCheck(ctx, s, p); err != nil {
		return err
	}
	fields, err := s.ActionFields(ctx, p.ID)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// The online ideas first, then the workshop's cards: the online ones
	// keep the low ids the tests and links of earlier demos used.
	keys := make([]string, len(ideas))
	for i, idea := range ideas {
		if idea.group != "" {
			continue
		}
		draft := domain.IdeaDraft{
			ActionFieldID: fields[idea.field-1].ID, Title: idea.title, Body: idea.body,
			Pseudonym: idea.pseudonym, PrivacyAccepted: true,
		}.Normalize()
		if problems := draft.Validate(func(int64) bool { return true }); len(problems) > 0 {
			return fmt.Errorf("demo: sample idea %d is invalid: %v", i+1, problems)
		}
		keys[i] = fmt.Sprintf("demo-idea-%02d", i+1)
		if _, _, err := s.At(idea.on).CreateIdea(ctx, p.ID, draft, "demo", keys[i]); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	if err := loadWorkshop(ctx, s, p, fields, keys); err != nil {
		return err
	}
	for i, idea := range ideas {
		if err := support(ctx, s, p, keys[i], idea.supporters); err != nil {
			return err
		}
	}
	if err := loadConcept(ctx, s, p, fields, keys); err != nil {
		return err
	}
	return loadImplementation(ctx, s, p, time.Now().UTC())
}

// The programme's five thematic action fields with their guiding questions,
// as the source document gives them.
var actionFields = []domain.ActionField{
	{Title: "Demografie-Strategie, Beteiligung, Zusammenarbeit", Colour: "#1d5c8c",
		Question: "Wie können die demografischen Herausforderungen und Chancen in eine ganzheitliche kommunale Demografie-Strategie übersetzt werden, die von allen relevanten Akteuren und von der Bürgerschaft mit getragen und umgesetzt wird?"},
	{Title: "Betreuungs- & Bildungslandschaft, Familie & Beruf", Colour: "#8a4b08",
		Question: "Wie müssen die Betreuungs- und Bildungslandschaften für Kinder und Jugendliche gestaltet sein, wie die Lebens- und Arbeitsbedingungen für Familien, damit unsere Kommune auch künftig als Lebensmittelpunkt für junge Menschen attraktiv bleibt?"},
	{Title: "Älterwerden, Zusammenleben der Generationen und Kulturen", Colour: "#2f6b3a",
		Question: "Was braucht unsere Kommune für ein aktives Älterwerden und lebendiges Miteinander von Jung und Alt, Neubürgern und Alteingesessenen – damit alle Generationen und Kulturen ihre Erfahrungen und Kompetenzen in das Gemeinschaftsleben einbringen können?"},
	{Title: "Gesundheitsversorgung, Beratung, Hilfe, Pflege", Colour: "#8c2f55",
		Question: "Welche Netzwerke zur Gesundheitsversorgung, Beratung, Hilfe und Pflege braucht unsere Kommune – damit älter werdende Menschen, Menschen mit Behinderungen sowie Menschen in belastenden Lebenslagen so gut wie möglich unterstützt werden?"},
	{Title: "Siedlungsstruktur, Nahversorgung, Mobilität, Daseinsvorsorge", Colour: "#5a4a8c",
		Question: "Wie müssen Siedlungsentwicklung, Infrastruktur, Nahversorgung und Mobilität für die Menschen gestaltet sein – damit auch angesichts rückläufiger Bevölkerungszahlen eine attraktive Grundversorgung und ein lebendiges Miteinander erhalten bleiben?"},
}

// support lets n devices support the idea stored under key (again: no change).
func support(ctx context.Context, s *store.Store, p domain.Process, key string, n int) error {
	idea, found, err := s.IdeaByIdempotencyKey(ctx, key)
	if err != nil || !found {
		return fmt.Errorf("demo: sample idea %q is missing: %v", key, err)
	}
	for i := 0; i < n; i++ {
		if _, err := s.SetSupport(ctx, p.ID, idea.ID, fmt.Sprintf("demo-supporter-%02d", i+1), true); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}

func day(y int, m time.Month, d int) *time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &t
}

// The Fahrplan of Ingersheim from the source document.
var milestones = []domain.Milestone{
	{OccursOn: day(2013, time.March, 1), DatePrecision: domain.PrecisionMonth, Kind: "decision", Done: true,
		Title: "Bewerbung um Teilnahme am Managementverfahren"},
	{OccursOn: day(2013, time.April, 1), DatePrecision: domain.PrecisionMonth, Kind: "decision", Done: true,
		Title:       "Auswahl durch den Programmbeirat",
		Description: "Der Programmbeirat entscheidet über die Bewerbungen. Die Gemeinde Ingersheim wird als eine von landesweit 21 Kommunen für die Teilnahme ausgewählt."},
	{OccursOn: day(2013, time.June, 25), DatePrecision: domain.PrecisionDay, Kind: "decision", Done: true,
		Title:       "Mandat des Gemeinderats",
		Description: "Jens Ridderbusch von der FamilienForschung stellt das Managementverfahren in der öffentlichen Gemeinderatssitzung vor. Der Gemeinderat erteilt das Mandat für die Teilnahme."},
	{OccursOn: day(2013, time.July, 16), DatePrecision: domain.PrecisionDay, Kind: "conference", Done: true,
		Title:       "Auftaktveranstaltung beim Statistischen Landesamt",
		Description: "Auftaktveranstaltung für die Projektleiter aus allen teilnehmenden Gemeinden. Die Gemeinde ist mit vier Teilnehmern bei der Demografiekonferenz in Gültstein vertreten."},
	{OccursOn: day(2013, time.December, 2), DatePrecision: domain.PrecisionDay, Kind: "event", Done: true,
		Title: "Erstgespräch mit der Verwaltung", Description: "Vereinbarung der Zusammenarbeit."},
	{OccursOn: day(2014, time.February, 1), DatePrecision: domain.PrecisionMonth, Kind: "decision", Done: true,
		Title:       "Motto „Ingersheim, heute leben – morgen gestalten“",
		Description: "Unter diesem Motto nimmt die Gemeinde am Managementverfahren teil."},
	{OccursOn: day(2014, time.February, 20), DatePrecision: domain.PrecisionDay, Kind: "excursion", Done: true,
		Title:       "Exkursion nach Eichstetten am Kaiserstuhl",
		Description: "Exkursion der Projektleiter und Bürgermeister: „Bürgergemeinschaft Eichstetten: Das Dorf übernimmt den Generationenvertrag“."},
	{OccursOn: day(2014, time.March, 17), DatePrecision: domain.PrecisionDay, Kind: "workshop", Done: true,
		Title: "Bilanzwerkstatt der Projektgruppe", Description: "„Wo stehen wir in Ingersheim?“"},
	{OccursOn: day(2014, time.April, 5), DatePrecision: domain.PrecisionDay, Kind: "conference", Done: true,
		Title: "Arbeitstagung in Offenburg", Description: "„Kommunale Infrastruktur und Daseinsvorsorge im demografischen Wandel“."},
	// The Zukunftswerkstatt of 19 July 2014 is a workshop of the demo
	// (workshop.go): the Fahrplan shows its day from there.
	{OccursOn: day(2014, time.July, 28), DatePrecision: domain.PrecisionDay, Kind: "workshop", Done: true,
		Title:       "Strategiewerkstatt der Projektgruppe (28. Juli und 22. September 2014)",
		Description: "„Von guten Ideen zum schlüssigen Konzept – Gemeinsam die Zukunft von Ingersheim gestalten“."},
	// The source lists what follows without dates; the demo dates it in
	// the seed's order (by the month where the day is unknown). The
	// council's adoption of 25 November 2014 comes from its decision.
	{OccursOn: day(2014, time.October, 1), DatePrecision: domain.PrecisionMonth, Kind: "conference", Done: true,
		Title:       "Arbeitstagung in Stuttgart",
		Description: "„Um ein Kind zu erziehen, braucht es ein ganzes Dorf“ – Strategien für eine zukunftsweisende kommunale Bildungs- und Familienpolitik."},
	{OccursOn: day(2014, time.October, 1), DatePrecision: domain.PrecisionMonth, Kind: "excursion", Done: true,
		Title: "Exkursion nach Ebersbach/Fils", Description: "Exkursion der Projektleiter: „Bildung, Erziehung und Betreuung in Ebersbach/Fils (BEBiE)“."},
	{OccursOn: day(2014, time.October, 11), DatePrecision: domain.PrecisionDay, Kind: "event", Done: true,
		Title: "Erster Backhaustag", Description: "Mit dem Backhaustag wird eine erste Idee aus der Zukunftswerkstatt umgesetzt."},
	{OccursOn: day(2014, time.November, 25), DatePrecision: domain.PrecisionDay, Kind: "award", Done: true,
		Title:       "Präsentation des Handlungskonzeptes und Qualitätssiegel",
		Description: "Das Handlungskonzept „Ingersheim, heute leben – morgen gestalten“ wird im Gemeinderat präsentiert. Im Rahmen der Sitzung wird die Gemeinde mit dem Qualitätssiegel des Managementverfahrens ausgezeichnet."},
	{OccursOn: day(2015, time.April, 11), DatePrecision: domain.PrecisionDay, Kind: "event", Done: true,
		Title: "2. Backhaustag und Ergebnisveranstaltung im Rathaus"},
	{OccursOn: day(2015, time.June, 1), DatePrecision: domain.PrecisionMonth, Kind: "conference", Done: true,
		Title: "Arbeitstagung in Bad Wildbad", Description: "„Mobilität und Innenentwicklung im demografischen Wandel“."},
	{OccursOn: day(2015, time.July, 1), DatePrecision: domain.PrecisionMonth, Kind: "award", Done: true,
		Title: "Auszeichnung im Neuen Schloss in Stuttgart", Description: "Die 20 Modellkommunen erhalten im Neuen Schloss in Stuttgart eine Auszeichnung für wegweisende Zukunftsprojekte."},
}

// A sample idea was written online on its day, or on a card of a group of
// the Zukunftswerkstatt (its title is the card's text).
type sampleIdea struct {
	field      int
	title      string
	body       string
	pseudonym  string
	supporters int
	on         time.Time // when it was written online
	group      string    // the workshop group whose card it was; "" online
}

func at(m time.Month, d, hour, minute int) time.Time {
	return time.Date(2014, m, d, hour, minute, 0, 0, time.UTC)
}

var ideas = []sampleIdea{
	{1, "Jährlicher Bürgerdialog zur Gemeindeentwicklung", "Einmal im Jahr berichten Gemeinderat und Verwaltung, was aus den Ideen der Zukunftswerkstatt geworden ist – mit Zeit für Fragen.", "Hannelore K.", 4, at(time.June, 3, 17, 40), ""},
	{1, "Ehrenamtsbörse im Rathaus und online", "Vereine und Initiativen suchen Helferinnen und Helfer, viele würden gern mitmachen, wissen aber nicht wo. Eine gemeinsame Börse bringt beide zusammen.", "", 6, at(time.June, 21, 9, 15), ""},
	{2, "Ferienbetreuung für Grundschulkinder in allen Ferien", "", "", 9, time.Time{}, "Familie, Bildung und Betreuung"},
	{2, "Jugendtreff mit festen Öffnungszeiten", "", "", 7, time.Time{}, "Familie, Bildung und Betreuung"},
	{2, "Kita-Öffnungszeiten für Pendlerfamilien", "Viele Eltern pendeln nach Ludwigsburg oder Stuttgart. Eine Randzeitbetreuung bis 17:30 Uhr würde sehr helfen.", "", 5, at(time.July, 8, 20, 5), ""},
	{3, "Backhaus wieder beleben: ein Backtag für Jung und Alt", "", "", 12, time.Time{}, "Jung & Alt"},
	{3, "Erzählcafé: Ältere erzählen, Kinder fragen", "", "", 3, time.Time{}, "Jung & Alt"},
	{3, "Willkommenspaten für Neubürgerinnen und Neubürger", "Wer neu zuzieht, bekommt eine Patin oder einen Paten, die den Ort, die Vereine und die Nachbarschaft zeigen.", "Aylin", 5, at(time.July, 23, 18, 30), ""},
	{4, "Nachbarschaftshilfe für Einkäufe und Arztfahrten", "Ein organisierter Kreis von Freiwilligen, der älteren Menschen beim Einkauf und bei Fahrten zum Arzt hilft.", "Ruth", 8, at(time.July, 26, 10, 0), ""},
	{4, "Beratungsstelle für pflegende Angehörige", "Eine feste Sprechstunde im Rathaus, in der Angehörige Hilfe zu Pflegegrad, Entlastung und Anträgen bekommen.", "", 4, at(time.August, 14, 19, 45), ""},
	{5, "Bürgerbus zwischen Groß- und Kleiningersheim", "", "", 10, time.Time{}, "Wohnen, Versorgung und Mobilität"},
	{5, "Dorfladen mit regionalen Produkten", "Ein Laden in der Ortsmitte, getragen von einer Genossenschaft, mit Waren von Höfen und Weingütern aus der Umgebung – und einem Café als Treffpunkt.", "", 6, at(time.September, 2, 12, 20), ""},
	{5, "Barrierefreie Gehwege in der Ortsmitte", "", "", 7, time.Time{}, "Wohnen, Versorgung und Mobilität"},
	{3, "Gemeinsam Brot backen wie früher", "Im Backhaus zeigen die Landfrauen, wie man Holzofenbrot und Zwiebelkuchen backt – und alle essen danach zusammen.", "Marianne", 6, at(time.September, 12, 16, 10), ""},
}
