package report

import (
	"encoding/json"
	"testing"

	"github.com/example/qpr/pkg/period"
)

func TestPeriodLabelsAndJSON(t *testing.T) {
	april := period.Calendar{YearStart: 4}
	cases := []struct {
		p    Period
		want string
	}{
		{QuarterOf(april, period.Quarter{Year: 2023, Q: 2}), "2023/24 Q2"},
		{QuarterOf(period.Calendar{YearStart: 1}, period.Quarter{Year: 2024, Q: 1}), "2024 Q1"},
		{MonthOf(april, period.Month{Year: 2023, Month: 9}), "2023-09"},
		{Period{}, ""},
	}
	for _, c := range cases {
		if c.p.String() != c.want {
			t.Errorf("%+v = %q, want %q", c.p, c.p.String(), c.want)
		}
		b, err := json.Marshal(c.p)
		if err != nil || string(b) != `"`+c.want+`"` {
			t.Errorf("marshal %+v = %s %v", c.p, b, err)
		}
		var back Period
		if err := json.Unmarshal(b, &back); err != nil || back != c.p {
			t.Errorf("unmarshal %s = %+v %v, want %+v", b, back, err, c.p)
		}
	}
	// September 2023 is in Q2 of an April year; its quarter is that quarter.
	sep := MonthOf(april, period.Month{Year: 2023, Month: 9})
	if !sep.IsMonth() || sep.QuarterPeriod().String() != "2023/24 Q2" || sep.YearLabel() != "2023/24" {
		t.Errorf("September 2023: %+v", sep)
	}
	if _, err := ParsePeriod("Q5 nonsense", 4); err == nil {
		t.Error("a bad label should not parse")
	}
}

func TestPeriodNameInSentences(t *testing.T) {
	for label, want := range map[string]string{
		"2022-10":    "October 2022",
		"2023-01":    "January 2023",
		"2023/24 Q2": "2023/24 Q2",
		"2023 Q1":    "2023 Q1",
	} {
		if got := periodName(label); got != want {
			t.Errorf("periodName(%q) = %q, want %q", label, got, want)
		}
	}
}
