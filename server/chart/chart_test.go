package chart_test

import (
	"testing"
	"time"

	"zukunftswerk/server/chart"
)

func TestBarsScaleToTheLargestAndShareTheTotal(t *testing.T) {
	b := chart.NewBars([]string{"a", "b", "c"}, []string{"a", "b", "c"}, []int{2, 6, 0})
	if b.Total != 8 || b.Bars[1].Width <= b.Bars[0].Width || b.Bars[2].Width != 0 {
		t.Errorf("bars: %+v", b)
	}
	if b.Bars[0].Share != 25 || b.Bars[1].Share != 75 || b.Bars[2].Share != 0 {
		t.Errorf("shares: %d %d %d", b.Bars[0].Share, b.Bars[1].Share, b.Bars[2].Share)
	}
	if b.Bars[1].Width != b.Width-b.LabelWidth-50 {
		t.Errorf("the largest bar is %v wide, want the full room", b.Bars[1].Width)
	}
	empty := chart.NewBars(nil, nil, nil)
	if empty.Total != 0 || empty.Height <= 0 {
		t.Errorf("empty chart: %+v", empty)
	}
}

func TestLineStepsAndMonths(t *testing.T) {
	months := chart.Months(time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC))
	if len(months) != 4 || months[0].Month() != time.November || months[3].Month() != time.February {
		t.Fatalf("months: %v", months)
	}
	l := chart.NewLine([]string{"1", "2", "3"}, []int{0, 2, 4})
	if l.Max != 4 || l.Points[0].Y != l.Height-20 || l.Points[2].Y != 20 || l.Path == "" {
		t.Errorf("line: %+v", l)
	}
}

func TestHeatMapShadesByShareOfTheLargest(t *testing.T) {
	h := chart.NewHeatMap([]string{"1", "2"}, []string{"dringend", "mittelfristig", "langfristig", "offen"}, [][]int{{0, 1, 8, 20}, {4, 2, 0, 1}}, 3)
	if h.Width != h.LabelWidth+4*h.CellWidth || h.Height != h.HeadHeight+2*h.CellHeight {
		t.Errorf("size %v × %v", h.Width, h.Height)
	}
	levels := [][]int{}
	for _, r := range h.Rows {
		var l []int
		for _, c := range r.Cells {
			l = append(l, c.Level)
		}
		levels = append(levels, l)
	}
	want := [][]int{{0, 1, 4, 0}, {2, 1, 0, 0}} // the fourth column is not shaded
	for i := range want {
		for j := range want[i] {
			if levels[i][j] != want[i][j] {
				t.Fatalf("levels %v, want %v", levels, want)
			}
		}
	}
	if h.Rows[1].Cells[2].X != h.LabelWidth+2*h.CellWidth+1 || h.Columns[0].X != h.LabelWidth+h.CellWidth/2-4 {
		t.Errorf("geometry: cell at %v, column centre %v", h.Rows[1].Cells[2].X, h.Columns[0].X)
	}
}
