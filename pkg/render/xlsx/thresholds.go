package xlsx

import (
	"regexp"
	"strconv"

	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
)

// quarterThresholds finds the thresholds that applied in each quarter of an indicator's
// history. The report carries them per chart point, and a monthly indicator's chart points
// are months, so months are mapped to their quarter with the report's own calendar.
type quarterThresholds struct {
	cal   period.Calendar
	known bool // whether the calendar could be worked out from the report
}

var quarterNumber = regexp.MustCompile(`(?i)Q([1-4])`)

// newQuarterThresholds works out the financial year's first month from the report quarter
// (Q2 starting in 2023-07 means a year starting in April).
func newQuarterThresholds(r *report.Report) quarterThresholds {
	m := quarterNumber.FindStringSubmatch(r.Period)
	start, err := period.ParseMonth(r.PeriodStart)
	if m == nil || err != nil {
		return quarterThresholds{}
	}
	q, _ := strconv.Atoi(m[1])
	yearStart := ((start.Month-1-3*(q-1))%12+12)%12 + 1
	return quarterThresholds{cal: period.Calendar{YearStart: yearStart}, known: true}
}

// forQuarter returns the chart point whose thresholds applied in the quarter labelled
// quarter, or nil when the chart does not reach that quarter.
func (t quarterThresholds) forQuarter(ind *report.Indicator, quarter string) *report.ChartPoint {
	for i := range ind.Chart {
		cp := &ind.Chart[i]
		if cp.Period == quarter {
			return cp
		}
	}
	if !t.known {
		return nil
	}
	for i := range ind.Chart {
		cp := &ind.Chart[i]
		m, err := period.ParseMonth(cp.Period)
		if err != nil {
			continue
		}
		if t.cal.Label(t.cal.QuarterOf(m)) == quarter {
			return cp
		}
	}
	return nil
}
