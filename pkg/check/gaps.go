package check

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Gaps lists the periods of ind's own series (months for a monthly indicator, else quarters)
// from the one with index from to the end of quarter q that have nothing given: no value and
// no missing marker (n/a says the figure does not exist; a gap says it never came). It is the
// one rule for what is missing, used by validate and by returns status.
func Gaps(cal period.Calendar, ind *catalogue.Indicator, s *data.Series, from int, q period.Quarter) []period.Period {
	through := q.Index()
	if ind.Frequency == catalogue.Monthly {
		through = cal.LastMonth(q).Index()
	}
	var out []period.Period
	for idx := from; idx <= through; idx++ {
		if _, given := s.At(idx); given {
			continue
		}
		out = append(out, ownPeriod(ind, idx))
	}
	return out
}

// ownPeriod is the period of index idx in ind's own series.
func ownPeriod(ind *catalogue.Indicator, idx int) period.Period {
	if ind.Frequency == catalogue.Monthly {
		return period.Period{Kind: period.KindMonth, Month: period.MonthFromIndex(idx)}
	}
	return period.Period{Kind: period.KindQuarter, Quarter: period.FromIndex(idx)}
}

// gapsShown is how many missing periods a warning names before counting the rest.
const gapsShown = 6

// seriesGaps warns of each indicator's missing periods up to quarter q, from its first value:
// months missing from the report quarter of a monthly indicator of any aggregate, and gaps
// further back in any series. A report quarter with nothing at all is told by the no-value
// warning, so its periods are not listed again.
func seriesGaps(cat *catalogue.Catalogue, store *data.Store, q period.Quarter) []diag.Problem {
	var out []diag.Problem
	cal := cat.Calendar
	for _, ind := range cat.Indicators {
		s := store.Series(ind.Code)
		first, any := -1, false
		for idx := range s.All() {
			first, any = idx, true
			break
		}
		if !any {
			continue
		}
		gaps := Gaps(cal, ind, s, first, q)
		if ind.Frequency == catalogue.Monthly && !hasMonthIn(cal, s, q) || ind.Frequency != catalogue.Monthly {
			gaps = dropQuarter(cal, gaps, q)
		}
		if len(gaps) == 0 {
			continue
		}
		var in, back []string
		for _, p := range gaps {
			if cal.QuarterOfPeriod(p) == q {
				in = append(in, cal.PeriodLabel(p))
			} else {
				back = append(back, cal.PeriodLabel(p))
			}
		}
		var said []string
		if len(in) > 0 {
			said = append(said, fmt.Sprintf("%s (in the report quarter, %s)", strings.Join(in, ", "), cal.Label(q)))
		}
		if len(back) > 0 {
			said = append(said, shortList(back)+" (further back)")
		}
		out = append(out, warn(diag.Place{File: cat.File, Line: ind.Line},
			"%s has nothing given for %s: get the missing figures, or write n/a for a figure that does not exist", ind.Code, strings.Join(said, "; ")))
	}
	return out
}

func hasMonthIn(cal period.Calendar, s *data.Series, q period.Quarter) bool {
	for _, m := range cal.Months(q) {
		if _, ok := s.At(m.Index()); ok {
			return true
		}
	}
	return false
}

func dropQuarter(cal period.Calendar, ps []period.Period, q period.Quarter) []period.Period {
	out := ps[:0]
	for _, p := range ps {
		if cal.QuarterOfPeriod(p) != q {
			out = append(out, p)
		}
	}
	return out
}

// shortList names the first few of a list and counts the rest.
func shortList(items []string) string {
	if len(items) <= gapsShown {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:gapsShown], ", "), len(items)-gapsShown)
}
