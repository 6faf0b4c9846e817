package report

import (
	"slices"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Choice is the report quarter chosen when none is asked for, with the later quarters that
// hold data but were passed over.
type Choice struct {
	Quarter period.Quarter // zero when no quarter with data qualifies
	Passed  []Passed       // later quarters with data, latest first
}

// Passed is a quarter with data later than the one reported, and why it was not reported.
type Passed struct {
	Quarter period.Quarter
	// NotOver: the quarter had not ended at the as-at date.
	NotOver bool
	// With is how many indicators have a value for it; Of, how many had one for the quarter
	// compared against (Against, the latest earlier quarter with data). Most of those Of without
	// a value yet means the quarter is only partly in.
	With, Of int
	Against  period.Quarter
	First    diag.Place // the first value given for the quarter, in place order
}

// EndOf is the last day of quarter q.
func EndOf(cal period.Calendar, q period.Quarter) time.Time {
	last := cal.LastMonth(q)
	return time.Date(last.Year, time.Month(last.Month)+1, 0, 0, 0, 0, 0, time.UTC)
}

// ChooseQuarter is the report quarter by default: the latest quarter with data that is wholly
// in. A quarter is passed over while it is not over at asAt, or while most of the indicators
// that have a value for the latest earlier quarter with data have none for it yet (the first
// returns of a new quarter, or a mistyped year, must not move the report on).
func ChooseQuarter(cat *catalogue.Catalogue, store *data.Store, asAt time.Time) Choice {
	cal := cat.Calendar
	codes := map[int]map[string]bool{} // quarter index -> the indicators with a value for it
	first := map[int]diag.Place{}
	for code, values := range store.All() {
		ind, ok := cat.Indicator(code)
		if !ok {
			continue
		}
		for idx, v := range values.All() {
			if v.Missing {
				continue
			}
			qi := idx
			if ind.Frequency == catalogue.Monthly {
				qi = cal.QuarterOf(period.MonthFromIndex(idx)).Index()
			}
			if codes[qi] == nil {
				codes[qi] = map[string]bool{}
			}
			codes[qi][code] = true
			if f, seen := first[qi]; !seen || placeBefore(v.Place, f) {
				first[qi] = v.Place
			}
		}
	}
	quarters := make([]int, 0, len(codes))
	for qi := range codes {
		quarters = append(quarters, qi)
	}
	slices.Sort(quarters)
	var c Choice
	day := time.Date(asAt.Year(), asAt.Month(), asAt.Day(), 0, 0, 0, 0, time.UTC)
	for i := len(quarters) - 1; i >= 0; i-- {
		q := period.FromIndex(quarters[i])
		p := Passed{Quarter: q, With: len(codes[quarters[i]]), First: first[quarters[i]]}
		if EndOf(cal, q).After(day) {
			p.NotOver = true
			c.Passed = append(c.Passed, p)
			continue
		}
		if i > 0 {
			before := codes[quarters[i-1]]
			with := 0
			for code := range before {
				if codes[quarters[i]][code] {
					with++
				}
			}
			if with*2 < len(before) {
				p.With, p.Of, p.Against = with, len(before), period.FromIndex(quarters[i-1])
				c.Passed = append(c.Passed, p)
				continue
			}
		}
		c.Quarter = q
		break
	}
	return c
}

// placeBefore orders places as diag.SortByPlace does: file, sheet, row, column.
func placeBefore(a, b diag.Place) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Sheet != b.Sheet {
		return a.Sheet < b.Sheet
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}
