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
	// in each quarter (by index), which indicators have a value for it, by their place in the
	// store (a quarter's set of codes was a map, and filling it a third of a large build's
	// work before the report)
	type quarterSet struct {
		has   []bool
		with  int
		first diag.Place
	}
	sets := map[int]*quarterSet{}
	n := store.Len()
	var last *quarterSet
	lastQi := 0
	ordinal := -1
	for code, values := range store.All() {
		ordinal++
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
			set := last
			if set == nil || qi != lastQi {
				if set = sets[qi]; set == nil {
					set = &quarterSet{has: make([]bool, n), first: v.Place}
					sets[qi] = set
				}
				last, lastQi = set, qi
			}
			if !set.has[ordinal] {
				set.has[ordinal] = true
				set.with++
			}
			if placeBefore(v.Place, set.first) {
				set.first = v.Place
			}
		}
	}
	quarters := make([]int, 0, len(sets))
	for qi := range sets {
		quarters = append(quarters, qi)
	}
	slices.Sort(quarters)
	var c Choice
	day := time.Date(asAt.Year(), asAt.Month(), asAt.Day(), 0, 0, 0, 0, time.UTC)
	for i := len(quarters) - 1; i >= 0; i-- {
		q := period.FromIndex(quarters[i])
		set := sets[quarters[i]]
		p := Passed{Quarter: q, With: set.with, First: set.first}
		if EndOf(cal, q).After(day) {
			p.NotOver = true
			c.Passed = append(c.Passed, p)
			continue
		}
		if i > 0 {
			before := sets[quarters[i-1]]
			with := 0
			for k, had := range before.has {
				if had && set.has[k] {
					with++
				}
			}
			if with*2 < before.with {
				p.With, p.Of, p.Against = with, before.with, period.FromIndex(quarters[i-1])
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
