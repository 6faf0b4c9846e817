package example

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
)

// resetYear is the financial year from which the reset targets (kpi.Now) apply.
const resetYear = 2023

// firstYear is the first financial year of the example's data.
var firstYear = firstQuarter.Year

// indicator is the KPI as catalogue.Load reads it from the catalogue this package writes.
func (k kpi) indicator() *catalogue.Indicator {
	ind := &catalogue.Indicator{
		Code: k.Code, Name: k.Name, Description: k.Description, Directorate: k.Directorate,
		Type: catalogue.KPI, Polarity: k.Polarity, Unit: k.Unit, Decimals: k.Decimals, Basis: catalogue.BasisQuarter,
		Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1,
		Tags: []string{"qpr"}, Trend: catalogue.DefaultTrend,
		Thresholds: map[int]catalogue.Thresholds{},
	}
	if k.Basis != "" {
		ind.Basis = k.Basis
	}
	if k.monthly() {
		ind.Frequency, ind.Aggregate = catalogue.Monthly, k.Aggregate
	}
	if k.TrendMethod != "" {
		ind.Trend.Method = k.TrendMethod
	}
	if k.Before == nil {
		ind.Thresholds[catalogue.EveryYear] = k.Now.catalogue()
	} else {
		ind.Thresholds[firstYear] = k.Before.catalogue()
		ind.Thresholds[resetYear] = k.Now.catalogue()
	}
	return ind
}

func (t thresholds) catalogue() catalogue.Thresholds {
	target, floor := t.Target, t.Floor
	return catalogue.Thresholds{Target: &target, Floor: &floor}
}

// yearRange is an activity indicator's expected range from one financial year on.
type yearRange struct {
	Year         int
	Lower, Upper float64
}

// ownPeriods are the indexes of an indicator's own periods over the example's span: quarter
// indexes, or month indexes for a monthly indicator.
func ownPeriods(monthly bool) []int {
	var out []int
	for q := firstQuarter; !reportQuarter.Before(q); q = q.Add(1) {
		if !monthly {
			out = append(out, q.Index())
			continue
		}
		for _, m := range calendar.Months(q) {
			out = append(out, m.Index())
		}
	}
	return out
}

// quarterOfPeriod is the quarter an own period falls in.
func quarterOfPeriod(monthly bool, index int) period.Quarter {
	if monthly {
		return calendar.QuarterOf(period.MonthFromIndex(index))
	}
	return period.FromIndex(index)
}

// catalogueDirectorates are the directorates as the catalogue lists them.
func catalogueDirectorates() []catalogue.Directorate {
	out := make([]catalogue.Directorate, len(directorates))
	for i, d := range directorates {
		out[i] = catalogue.Directorate{Code: d.Code, Name: d.Name}
	}
	return out
}
