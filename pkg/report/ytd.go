package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/trend"
)

// A year-to-date figure climbs through the year and starts again at its first quarter, so a
// trend fitted across its quarters fits that sawtooth (council tax collection reads as
// "stable" at 30%, 57%, 84%, 97%, 29%, ...). Its trend compares like with like instead: the
// report quarter with the same quarter of each earlier year. For such an indicator the
// trend's window counts years (the same quarter of each), its positions are years, and
// sentences say "a year".

// yearToDate reports whether the indicator's trend runs on the same quarter of each year.
func yearToDate(ind *catalogue.Indicator) bool { return ind.Basis == catalogue.BasisYearToDate }

// sameQuarterPoints are the indicator's quarter values for q and the same quarter of each of
// the years-1 years before it, oldest first, at positions 0 to years-1 (gaps keep theirs), with
// the spc recalculation points as positions on that scale.
func (s series) sameQuarterPoints(q period.Quarter, years int) ([]trend.Point, []float64) {
	years = max(years, 1)
	first := q.Add(-4 * (years - 1))
	var pts []trend.Point
	for i := 0; i < years; i++ {
		pq := first.Add(4 * i)
		if qv := s.quarter(pq); qv.ok {
			pts = append(pts, trend.Point{Label: s.cal.Label(pq), Pos: float64(i), Value: qv.value})
		}
	}
	var rebase []float64
	for _, idx := range s.ind.SPC.Rebase {
		// a recalculation point is a quarter (or a month) index; in years from first
		at := float64(idx-first.Index()) / 4
		if s.monthly() {
			at = float64(idx-s.cal.Months(first)[0].Index()) / 12
		}
		rebase = append(rebase, at)
	}
	return pts, rebase
}

// yearToDateNote ends a year-to-date indicator's trend sentence, saying what was compared.
func yearToDateNote(q period.Quarter) string {
	return "; each year's Q" + string(rune('0'+q.Q)) + " compared, as the figure is year to date"
}
