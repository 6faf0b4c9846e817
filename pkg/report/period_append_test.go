package report

import (
	"testing"

	"github.com/example/qpr/pkg/period"
)

// A period's JSON, appended, is its label quoted: what MarshalJSON and String give.
func TestPeriodAppendJSON(t *testing.T) {
	april, january := period.Calendar{YearStart: 4}, period.Calendar{YearStart: 1}
	for _, c := range []struct {
		p    Period
		want string
	}{
		{Period{}, `""`},
		{QuarterOf(april, period.Quarter{Year: 2023, Q: 2}), `"2023/24 Q2"`},
		{QuarterOf(january, period.Quarter{Year: 2024, Q: 4}), `"2024 Q4"`},
		{MonthOf(april, period.Month{Year: 2023, Month: 9}), `"2023-09"`},
	} {
		if got := string(c.p.AppendJSON([]byte("x"))); got != "x"+c.want {
			t.Errorf("%+v: AppendJSON %q, want %q", c.p, got, "x"+c.want)
		}
		if got, _ := c.p.MarshalJSON(); string(got) != `"`+c.p.String()+`"` {
			t.Errorf("%+v: MarshalJSON %s, String %q", c.p, got, c.p.String())
		}
	}
}
