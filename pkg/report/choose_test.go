package report

import (
	"testing"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
)

// TestChooseQuarter: ten quarterly indicators with values for 2023/24 Q1 and Q2 (Q2 ends on
// 30 September 2023), and some for Q3 (ends 31 December 2023).
func TestChooseQuarter(t *testing.T) {
	q1, q2, q3 := period.Quarter{Year: 2023, Q: 1}, period.Quarter{Year: 2023, Q: 2}, period.Quarter{Year: 2023, Q: 3}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 15, 4, 0, 0, time.UTC) }
	cases := []struct {
		name      string
		inQ3      int // of the ten indicators, how many have a value for Q3
		asAt      time.Time
		want      period.Quarter
		passed    int
		notOver   bool
		with, of  int
		nothingIn bool
	}{
		{"Q3 not over at the as-at date", 10, day(2023, 12, 30), q2, 1, true, 10, 0, false},
		{"Q3 over on its last day", 10, day(2023, 12, 31), q3, 0, false, 0, 0, false},
		{"Q3 over, but 4 of 10 is not most", 4, day(2024, 2, 1), q2, 1, false, 4, 10, false},
		{"Q3 over, 5 of 10 is half: in", 5, day(2024, 2, 1), q3, 0, false, 0, 0, false},
		{"nothing over at the as-at date", 10, day(2023, 6, 29), period.Quarter{}, 3, true, 10, 0, true},
		{"Q2 ends on the as-at date", 0, day(2023, 9, 30), q2, 0, false, 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cat := &catalogue.Catalogue{Calendar: period.DefaultCalendar}
			values := map[string]map[int]data.Value{}
			for i := range 10 {
				code := string(rune('A' + i))
				cat.Indicators = append(cat.Indicators, &catalogue.Indicator{Code: code, Frequency: catalogue.Quarterly})
				values[code] = map[int]data.Value{q1.Index(): {V: 1}, q2.Index(): {V: 2}}
				if i < c.inQ3 {
					values[code][q3.Index()] = data.Value{V: 3}
				}
			}
			cat.Reindex()
			got := ChooseQuarter(cat, data.StoreOf(values), c.asAt)
			if got.Quarter != c.want || len(got.Passed) != c.passed {
				t.Fatalf("chose %v passing %d quarters, want %v passing %d", got.Quarter, len(got.Passed), c.want, c.passed)
			}
			if c.passed > 0 {
				p := got.Passed[0]
				if p.Quarter != q3 || p.NotOver != c.notOver || p.With != c.with || p.Of != c.of {
					t.Errorf("passed %+v, want Q3 not over %v with %d of %d", p, c.notOver, c.with, c.of)
				}
			}
		})
	}
}

// A monthly indicator counts for the quarter its months fall in.
func TestChooseQuarterMonthly(t *testing.T) {
	cat := &catalogue.Catalogue{Calendar: period.DefaultCalendar, Indicators: []*catalogue.Indicator{{Code: "M", Frequency: catalogue.Monthly}}}
	cat.Reindex()
	oct := period.Month{Year: 2023, Month: 10}
	sep := period.Month{Year: 2023, Month: 9}
	store := data.StoreOf(map[string]map[int]data.Value{"M": {sep.Index(): {V: 1}, oct.Index(): {V: 2}}})
	got := ChooseQuarter(cat, store, time.Date(2023, 11, 5, 0, 0, 0, 0, time.UTC))
	if want := (period.Quarter{Year: 2023, Q: 2}); got.Quarter != want {
		t.Errorf("chose %v, want %v", got.Quarter, want)
	}
}
