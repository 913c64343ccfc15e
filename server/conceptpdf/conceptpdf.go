// Package conceptpdf renders a version of the Handlungskonzept as a
// council-ready PDF: cover, table of contents, Leitbild, and per action
// field its challenges, objectives and measures, each measure with the
// ideas it came from. It embeds the Go fonts (BSD licence), which cover
// German and most European scripts, so no system font is needed.
package conceptpdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"zukunftswerk/server/domain"
)

// Document is what the PDF shows. T translates a catalog key with
// arguments; Date formats a date in the reader's language.
type Document struct {
	Town         string
	ProcessTitle string
	Concept      domain.Concept
	T            func(key string, args ...any) string
	Date         func(time.Time) string
	Generated    time.Time
	Lang         string
}

// tocEntry is a heading with the page it starts on.
type tocEntry struct {
	level int
	title string
	page  int
}

const (
	marginMM   = 20.0
	lineMM     = 5.5
	bodySizePt = 10.5
)

// Render writes the PDF. It lays the document out twice: the first pass
// finds the page of every heading, the second prints the table of contents
// with those numbers (the contents take the same number of pages in both).
func Render(w io.Writer, doc Document) error {
	_, entries, err := layout(doc, nil)
	if err != nil {
		return err
	}
	final, _, err := layout(doc, entries)
	if err != nil {
		return err
	}
	return final.Output(w)
}

// Bytes renders the PDF into memory.
func Bytes(doc Document) ([]byte, error) {
	var buf bytes.Buffer
	if err := Render(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type writer struct {
	pdf     *fpdf.Fpdf
	doc     Document
	entries []tocEntry
	font    *sfnt.Font
	buf     sfnt.Buffer
}

// text replaces what the embedded font cannot draw (emoji, scripts the Go
// fonts do not cover) with "?", so any text a citizen typed renders
// instead of failing the whole document.
func (w *writer) text(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r > 0xFFFF {
			return '?'
		}
		if i, err := w.font.GlyphIndex(&w.buf, r); err != nil || i == 0 {
			return '?'
		}
		return r
	}, s)
}

func layout(doc Document, known []tocEntry) (*fpdf.Fpdf, []tocEntry, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginMM, marginMM, marginMM)
	pdf.SetAutoPageBreak(true, marginMM)
	pdf.AddUTF8FontFromBytes("go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	pdf.SetTitle(doc.T("concept.title")+" – "+doc.ProcessTitle, true)
	pdf.SetAuthor(doc.Town, true)
	pdf.SetCreator("Zukunftswerk", true)
	pdf.SetLang(doc.Lang)
	font, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, nil, fmt.Errorf("conceptpdf: unable to read the font: %w", err)
	}
	w := &writer{pdf: pdf, doc: doc, font: font}
	pdf.SetFooterFunc(func() {
		if pdf.PageNo() == 1 {
			return
		}
		pdf.SetY(-15)
		pdf.SetFont("go", "", 8)
		pdf.CellFormat(0, 5, w.text(doc.ProcessTitle+" · "+doc.T("concept.version", doc.Concept.Version.Number)), "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 5, w.text(doc.T("pdf.page", pdf.PageNo())), "", 0, "R", false, 0, "")
	})
	w.cover()
	w.contents(known)
	w.body()
	if err := pdf.Error(); err != nil {
		return nil, nil, fmt.Errorf("conceptpdf: unable to lay out: %w", err)
	}
	return pdf, w.entries, nil
}

func (w *writer) cover() {
	p, doc := w.pdf, w.doc
	p.AddPage()
	p.SetY(70)
	p.SetFont("go", "", 14)
	p.MultiCell(0, 8, w.text(doc.Town), "", "L", false)
	p.SetFont("go", "B", 26)
	p.MultiCell(0, 12, w.text(doc.T("concept.title")), "", "L", false)
	p.SetFont("go", "", 16)
	p.MultiCell(0, 9, w.text(doc.ProcessTitle), "", "L", false)
	p.Ln(10)
	p.SetFont("go", "", 11)
	v := doc.Concept.Version
	p.MultiCell(0, 6, w.text(doc.T("concept.version", v.Number)+" · "+doc.T("concept.status."+v.Status)), "", "L", false)
	if d, ok := doc.Concept.Adoption(); ok {
		p.MultiCell(0, 6, w.text(doc.T("concept.adopted_on", doc.Date(d.DecidedOn), d.Body)+agendaSuffix(d.AgendaItem)), "", "L", false)
		if d.Amendments != "" {
			p.MultiCell(0, 6, w.text(doc.T("concept.amendments")+": "+d.Amendments), "", "L", false)
		}
	}
	p.Ln(4)
	p.SetFont("go", "", 9)
	p.MultiCell(0, 5, w.text(doc.T("pdf.generated", doc.Date(doc.Generated))), "", "L", false)
}

func agendaSuffix(item string) string {
	if item == "" {
		return ""
	}
	return " (" + item + ")"
}

// contents prints the table of contents; with known == nil the page
// numbers are placeholders of the same width.
func (w *writer) contents(known []tocEntry) {
	p, doc := w.pdf, w.doc
	p.AddPage()
	w.heading(1, doc.T("concept.contents"), false)
	entries := known
	if entries == nil {
		entries = w.plannedEntries()
	}
	for _, e := range entries {
		size, style, indent := bodySizePt, "", 0.0
		if e.level == 1 {
			style = "B"
		} else {
			indent = 6 * float64(e.level-1)
		}
		p.SetFont("go", style, size)
		page := "00"
		if known != nil {
			page = fmt.Sprint(e.page)
		}
		width := 170.0 - indent - 12
		p.SetX(marginMM + indent)
		p.CellFormat(width, lineMM+0.5, w.text(e.title), "", 0, "L", false, 0, "")
		p.CellFormat(12, lineMM+0.5, w.text(page), "", 1, "R", false, 0, "")
	}
}

// plannedEntries lists the headings in the order body() writes them.
func (w *writer) plannedEntries() []tocEntry {
	doc := w.doc
	var entries []tocEntry
	if doc.Concept.Version.Leitbild != "" {
		entries = append(entries, tocEntry{level: 1, title: doc.T("concept.leitbild")})
	}
	for _, f := range doc.Concept.Tree() {
		entries = append(entries, tocEntry{level: 1, title: fmt.Sprintf("%d. %s", f.Field.Position, f.Field.Title)})
		for _, o := range f.Objectives {
			for _, m := range o.Measures {
				entries = append(entries, tocEntry{level: 2, title: doc.T("concept.measure") + " " + m.Number + ": " + m.Measure.Title})
			}
		}
	}
	return entries
}

func (w *writer) body() {
	p, doc := w.pdf, w.doc
	if doc.Concept.Version.Leitbild != "" {
		p.AddPage()
		w.heading(1, doc.T("concept.leitbild"), true)
		w.paragraphs(doc.Concept.Version.Leitbild)
	}
	for _, f := range doc.Concept.Tree() {
		p.AddPage()
		w.heading(1, fmt.Sprintf("%d. %s", f.Field.Position, f.Field.Title), true)
		if f.Challenges != "" {
			w.subheading(doc.T("concept.challenges"))
			w.paragraphs(f.Challenges)
		}
		for _, o := range f.Objectives {
			w.subheading(doc.T("concept.objective") + " " + o.Number + ": " + o.Objective.Title)
			if o.Objective.Description != "" {
				w.paragraphs(o.Objective.Description)
			}
			for _, m := range o.Measures {
				w.measure(m)
			}
		}
	}
}

func (w *writer) heading(level int, title string, listed bool) {
	p := w.pdf
	if listed {
		w.entries = append(w.entries, tocEntry{level: level, title: title, page: p.PageNo()})
		p.Bookmark(w.text(title), level-1, -1)
	}
	p.SetFont("go", "B", 16)
	p.MultiCell(0, 8, w.text(title), "", "L", false)
	p.Ln(3)
}

func (w *writer) subheading(title string) {
	p := w.pdf
	p.Ln(2)
	p.SetFont("go", "B", 12.5)
	p.MultiCell(0, 6.5, w.text(title), "", "L", false)
	p.Ln(1)
}

func (w *writer) paragraphs(text string) {
	p := w.pdf
	p.SetFont("go", "", bodySizePt)
	for _, para := range strings.Split(text, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			p.MultiCell(0, lineMM, w.text(para), "", "L", false)
			p.Ln(1.5)
		}
	}
}

func (w *writer) measure(e domain.MeasureEntry) {
	p, doc, m := w.pdf, w.doc, e.Measure
	title := doc.T("concept.measure") + " " + e.Number + ": " + m.Title
	// Keep a measure's heading with at least a few lines of its text.
	if p.GetY() > 250 {
		p.AddPage()
	}
	p.Ln(2)
	w.entries = append(w.entries, tocEntry{level: 2, title: title, page: p.PageNo()})
	p.Bookmark(w.text(title), 1, -1)
	p.SetFont("go", "B", 11)
	p.MultiCell(0, 6, w.text(title), "", "L", false)
	if m.Description != "" {
		w.paragraphs(m.Description)
	}
	timing := doc.T("measure.timing." + m.Timing)
	if m.DueOn != nil {
		timing = doc.Date(*m.DueOn)
	}
	facts := [][2]string{
		{doc.T("concept.field.target_group"), m.TargetGroup},
		{doc.T("concept.field.lead"), m.Lead},
		{doc.T("concept.field.partners"), m.Partners},
		{doc.T("concept.field.timing"), timing},
		{doc.T("concept.field.cost_estimate"), m.CostEstimate},
		{doc.T("concept.field.funding"), m.Funding},
		{doc.T("concept.field.priority"), doc.T("measure.priority." + m.Priority)},
		{doc.T("concept.field.indicator"), m.Indicator},
		{doc.T("concept.field.recurrence"), doc.T("measure.recurrence." + m.Recurrence)},
		{doc.T("measure.status"), doc.T("measure.status." + m.Status)},
	}
	for _, f := range facts {
		if f[1] == "" {
			continue
		}
		p.SetFont("go", "B", 9.5)
		p.CellFormat(45, 5, w.text(f[0]), "", 0, "L", false, 0, "")
		p.SetFont("go", "", 9.5)
		p.MultiCell(0, 5, w.text(f[1]), "", "L", false)
	}
	if len(e.Sources) > 0 {
		p.Ln(1)
		p.SetFont("go", "B", 9.5)
		p.MultiCell(0, 5, w.text(doc.T("concept.from_ideas")), "", "L", false)
		p.SetFont("go", "", 9.5)
		for _, src := range e.Sources {
			line := "• " + src.Title + " (" + doc.T("origin."+src.Origin) + ", " + doc.Date(src.CreatedAt) + "; " +
				doc.T("pdf.supports", src.SupportCount)
			if src.DotTotal > 0 {
				line += "; " + doc.T("pdf.dots", src.DotTotal)
			}
			p.MultiCell(0, 5, w.text(line+")"), "", "L", false)
		}
	}
	p.Ln(2)
}
