package check

import (
	"slices"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// fractionAmongPercents warns of a percentage for the report quarter typed as a fraction in a
// series whose earlier values are whole percentages (0.62 after 60, 61, 63): one late figure in
// the wrong unit, which fractionLikePercents, looking for a series all in fractions, lets by.
func fractionAmongPercents(cat *catalogue.Catalogue, store *data.Store, q period.Quarter) []diag.Problem {
	var out []diag.Problem
	cal := cat.Calendar
	for _, ind := range cat.Indicators {
		if ind.Unit != catalogue.Percent {
			continue
		}
		var before []float64
		for idx, v := range store.Series(ind.Code).All() {
			if v.Missing {
				continue
			}
			in := period.FromIndex(idx)
			if ind.Frequency == catalogue.Monthly {
				in = cal.QuarterOf(period.MonthFromIndex(idx))
			}
			switch {
			case in.Before(q):
				before = append(before, v.V)
			case in == q && v.V > 0 && v.V <= fractionCeiling && len(before) > 0 && typical(before) > 10*fractionCeiling:
				out = append(out, warn(v.Place, "%s %s is %s where its earlier values are about %s: a percentage typed as a fraction? write %s for %s%%",
					ind.Code, cal.PeriodLabel(ownPeriod(ind, idx)), fmtNum(v.V), fmtNum(float64(int(typical(before)+0.5))), fmtNum(v.V*100), fmtNum(v.V*100)))
			}
		}
	}
	return out
}

// typical is the middle of the last few values: what a reader would call "about".
func typical(vs []float64) float64 {
	last := vs[max(0, len(vs)-4):]
	sorted := slices.Sorted(slices.Values(last))
	return sorted[len(sorted)/2]
}
