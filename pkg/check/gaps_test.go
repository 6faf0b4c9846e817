package check

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// TestSeriesGaps: months missing from the report quarter of a monthly indicator whatever its
// aggregate, gaps further back in any series, and n/a counted as given.
func TestSeriesGaps(t *testing.T) {
	cal := period.DefaultCalendar
	q := period.Quarter{Year: 2023, Q: 2} // July to September 2023
	m := func(y, mo int) int { return period.Month{Year: y, Month: mo}.Index() }
	cases := []struct {
		name   string
		freq   catalogue.Frequency
		agg    catalogue.Aggregate
		values map[int]data.Value
		want   string
	}{
		{"last, September missing", catalogue.Monthly, catalogue.Last,
			map[int]data.Value{m(2023, 6): {V: 1}, m(2023, 7): {V: 1}, m(2023, 8): {V: 1}},
			"K has nothing given for 2023-09 (in the report quarter, 2023/24 Q2): get the missing figures, or write n/a for a figure that does not exist"},
		{"ratio, a gap further back, n/a given", catalogue.Monthly, catalogue.Ratio,
			map[int]data.Value{m(2023, 4): {V: 1}, m(2023, 6): {Missing: true}, m(2023, 7): {V: 1}, m(2023, 8): {V: 1}, m(2023, 9): {V: 1}},
			"K has nothing given for 2023-05 (further back): get the missing figures, or write n/a for a figure that does not exist"},
		{"mean, nothing in the quarter: told by the no-value warning", catalogue.Monthly, catalogue.Mean,
			map[int]data.Value{m(2023, 5): {V: 1}, m(2023, 6): {V: 1}},
			""},
		{"quarterly, two gaps back", catalogue.Quarterly, catalogue.Last,
			map[int]data.Value{q.Add(-4).Index(): {V: 1}, q.Add(-1).Index(): {V: 1}, q.Index(): {V: 1}},
			"K has nothing given for 2022/23 Q3, 2022/23 Q4 (further back): get the missing figures, or write n/a for a figure that does not exist"},
		{"complete", catalogue.Quarterly, catalogue.Last,
			map[int]data.Value{q.Add(-1).Index(): {V: 1}, q.Index(): {V: 1}},
			""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ind := &catalogue.Indicator{Code: "K", Frequency: c.freq, Aggregate: c.agg}
			cat := &catalogue.Catalogue{Calendar: cal, Indicators: []*catalogue.Indicator{ind}}
			got := seriesGaps(cat, data.StoreOf(map[string]map[int]data.Value{"K": c.values}), q)
			var msgs []string
			for _, p := range got {
				msgs = append(msgs, p.Message)
				if p.Severity != diag.Warning {
					t.Errorf("severity %v", p.Severity)
				}
			}
			if strings.Join(msgs, "\n") != c.want {
				t.Errorf("got %q\nwant %q", strings.Join(msgs, "\n"), c.want)
			}
		})
	}
}

// One figure typed as a fraction among whole percentages is told at its cell.
func TestFractionAmongPercents(t *testing.T) {
	q := period.Quarter{Year: 2023, Q: 3}
	ind := &catalogue.Indicator{Code: "PH01", Unit: catalogue.Percent, Frequency: catalogue.Quarterly}
	cat := &catalogue.Catalogue{Calendar: period.DefaultCalendar, Indicators: []*catalogue.Indicator{ind}}
	at := diag.Place{File: "r.xlsx", Sheet: "Return", Line: 5, Col: 12}
	store := data.StoreOf(map[string]map[int]data.Value{"PH01": {
		q.Add(-3).Index(): {V: 60}, q.Add(-2).Index(): {V: 63}, q.Add(-1).Index(): {V: 61}, q.Index(): {V: 0.62, Place: at}}})
	got := fractionAmongPercents(cat, store, q)
	want := "r.xlsx:Return!L5: PH01 2023/24 Q3 is 0.62 where its earlier values are about 61: a percentage typed as a fraction? write 62 for 62%"
	if len(got) != 1 || got[0].Error() != want {
		t.Errorf("got %v\nwant %s", got, want)
	}
	// 1.2% after 0.9% and 1.1% is a small percentage, not a fraction.
	store = data.StoreOf(map[string]map[int]data.Value{"PH01": {q.Add(-1).Index(): {V: 0.9}, q.Index(): {V: 1.2}}})
	if got := fractionAmongPercents(cat, store, q); len(got) != 0 {
		t.Errorf("warned of %v", got)
	}
}
