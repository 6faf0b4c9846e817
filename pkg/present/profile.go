package present

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

// A profiled year (a cumulative measure's path to its annual target, or a planned recovery)
// is drawn on the chart for the whole year: the quarters still to come carry on the target
// and floor steps past the latest value, so a reader sees where the indicator should be next.

// profileAhead are the profiled quarters of the report year after the latest charted period,
// or none when the year has no profile or the chart draws no thresholds (a summed monthly
// indicator's months are a third of the quarter's scale).
func profileAhead(in *report.Indicator) []report.ProfilePoint {
	if len(in.Profile) == 0 || len(in.Chart) == 0 || (IsMonthly(in) && in.Aggregate == catalogue.Sum) {
		return nil
	}
	last := in.Chart[len(in.Chart)-1].Period.Quarter
	var out []report.ProfilePoint
	for _, p := range in.Profile {
		if last.Before(p.Period.Quarter) {
			out = append(out, p)
		}
	}
	return out
}

// profileSlots are the slots of the i-th quarter ahead (0 = the next): one for a quarterly
// indicator, its three months for a monthly one.
func profileSlots(in *report.Indicator, i int) []int {
	n := len(in.Chart)
	if IsMonthly(in) {
		return []int{n + 3*i, n + 3*i + 1, n + 3*i + 2}
	}
	return []int{n + i}
}

// profileLabel is where a quarter ahead is labelled: its own slot, or its last month's.
func profileLabel(in *report.Indicator, i int) int {
	s := profileSlots(in, i)
	return s[len(s)-1]
}
