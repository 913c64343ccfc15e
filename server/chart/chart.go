// Package chart computes the geometry of the dashboard's SVG charts. It
// returns numbers, not markup: the templates draw them, so every label goes
// through html/template's escaping, and each chart carries the data for the
// table printed beside it.
package chart

import (
	"fmt"
	"math"
	"time"
)

// Bar is one bar of a horizontal bar chart.
type Bar struct {
	Label string
	Key   string // stable value, e.g. a status, for a colour class
	Value int
	Share int // percent of the total, rounded
	Y     float64
	Width float64 // of the bar, in chart units
	TextX float64
}

// Bars is a horizontal bar chart, Width × Height chart units.
type Bars struct {
	Width, Height float64
	LabelWidth    float64
	Total         int
	Bars          []Bar
}

const (
	barHeight = 26.0
	barGap    = 10.0
)

// NewBars lays out one bar per value; labels sit left of the bars.
func NewBars(labels, keys []string, values []int) Bars {
	b := Bars{Width: 360, LabelWidth: 140}
	max := 0
	for _, v := range values {
		b.Total += v
		if v > max {
			max = v
		}
	}
	room := b.Width - b.LabelWidth - 50
	for i, v := range values {
		bar := Bar{Label: labels[i], Key: keys[i], Value: v, Y: float64(i) * (barHeight + barGap)}
		if max > 0 {
			bar.Width = math.Round(room*float64(v)/float64(max)*10) / 10
		}
		if b.Total > 0 {
			bar.Share = int(math.Round(100 * float64(v) / float64(b.Total)))
		}
		bar.TextX = b.LabelWidth + bar.Width + 8
		b.Bars = append(b.Bars, bar)
	}
	b.Height = float64(len(values))*(barHeight+barGap) - barGap
	if b.Height < barHeight {
		b.Height = barHeight
	}
	return b
}

// BarHeight is the height of every bar.
func (Bars) BarHeight() float64 { return barHeight }

// Point is one step of a line chart.
type Point struct {
	Label string // e.g. "2026-04"
	Value int
	X, Y  float64
}

// Line is a step line over time with a baseline at Height.
type Line struct {
	Width, Height float64
	Max           int
	Points        []Point
	Path          string // SVG path data
}

// NewLine lays the values out left to right, 0 at the bottom.
func NewLine(labels []string, values []int) Line {
	l := Line{Width: 360, Height: 160}
	for _, v := range values {
		if v > l.Max {
			l.Max = v
		}
	}
	top := l.Max
	if top == 0 {
		top = 1
	}
	step := 0.0
	if len(values) > 1 {
		step = (l.Width - 40) / float64(len(values)-1)
	}
	for i, v := range values {
		p := Point{Label: labels[i], Value: v, X: 20 + step*float64(i), Y: l.Height - 20 - (l.Height-40)*float64(v)/float64(top)}
		p.X, p.Y = math.Round(p.X*10)/10, math.Round(p.Y*10)/10
		l.Points = append(l.Points, p)
		if i == 0 {
			l.Path = fmt.Sprintf("M%.1f %.1f", p.X, p.Y)
		} else {
			l.Path += fmt.Sprintf(" H%.1f V%.1f", p.X, p.Y)
		}
	}
	return l
}

// Months lists the first days of the months from first to last, both
// included (at most 240 months).
func Months(first, last time.Time) []time.Time {
	var months []time.Time
	m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(last.Year(), last.Month(), 1, 0, 0, 0, 0, time.UTC)
	for !m.After(end) && len(months) < 240 {
		months = append(months, m)
		m = m.AddDate(0, 1, 0)
	}
	return months
}

// HeatMap is a grid of counts, a row per label and a column per label.
// The cells of the first shaded columns are shaded by their count: Level 0
// for none, 1 to 4 by its share of the largest count among them; the
// columns after them stand beside, unshaded (Level 0).
type HeatMap struct {
	Width, Height          float64
	LabelWidth, HeadHeight float64
	CellWidth, CellHeight  float64
	Columns                []HeatColumn
	Rows                   []HeatRow
}

// HeatColumn is a column's heading, starting at (X, Y) and rising at 45
// degrees.
type HeatColumn struct {
	Label string
	X, Y  float64
}

// HeatRow is one row: its label and its cells.
type HeatRow struct {
	Label string
	Y     float64 // top of the row's cells
	TextY float64 // baseline of its label and counts
	Cells []HeatCell
}

// HeatCell is one count at X (its left edge) and, for the text, TextX.
type HeatCell struct {
	X, TextX float64
	Value    int
	Level    int
}

// The column headings are set at 45 degrees above narrow columns, so that
// the map keeps legible type on a 360 px phone.
const (
	heatCellWidth  = 56.0
	heatCellHeight = 40.0
	heatLabelWidth = 72.0
	heatHeadHeight = 96.0
)

// NewHeatMap lays out values[row][column] under the column labels, the row
// labels on the left.
func NewHeatMap(rowLabels, columnLabels []string, values [][]int, shaded int) HeatMap {
	h := HeatMap{LabelWidth: heatLabelWidth, HeadHeight: heatHeadHeight, CellWidth: heatCellWidth, CellHeight: heatCellHeight}
	h.Width = heatLabelWidth + float64(len(columnLabels))*heatCellWidth
	h.Height = heatHeadHeight + float64(len(rowLabels))*heatCellHeight
	for j, label := range columnLabels {
		h.Columns = append(h.Columns, HeatColumn{Label: label, X: heatLabelWidth + (float64(j)+0.5)*heatCellWidth - 4, Y: heatHeadHeight - 8})
	}
	max := 0
	for _, row := range values {
		for j, v := range row {
			if j < shaded && v > max {
				max = v
			}
		}
	}
	for i, label := range rowLabels {
		y := heatHeadHeight + float64(i)*heatCellHeight
		row := HeatRow{Label: label, Y: y, TextY: y + heatCellHeight/2 + 5}
		for j := range columnLabels {
			cell := HeatCell{X: heatLabelWidth + float64(j)*heatCellWidth + 1, TextX: heatLabelWidth + (float64(j)+0.5)*heatCellWidth}
			if i < len(values) && j < len(values[i]) {
				cell.Value = values[i][j]
			}
			if j < shaded && cell.Value > 0 {
				cell.Level = 1 + 3*(cell.Value-1)/max
				if cell.Value == max {
					cell.Level = 4
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		h.Rows = append(h.Rows, row)
	}
	return h
}
