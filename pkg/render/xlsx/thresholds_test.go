package xlsx

import (
	"testing"

	"github.com/example/qpr/pkg/report"
)

func TestQuarterThresholdsMapsMonthsToQuarters(t *testing.T) {
	r := fixtureReport() // 2023/24 Q3 starting 2023-10: an April year
	th := newQuarterThresholds(r)
	ind := &report.Indicator{Chart: []report.ChartPoint{
		{Period: "2023-03", Target: f64(1)}, // 2022/23 Q4
		{Period: "2023-04", Target: f64(2)}, // 2023/24 Q1
		{Period: "2023/24 Q2", Target: f64(3)},
	}}
	cases := map[string]float64{"2022/23 Q4": 1, "2023/24 Q1": 2, "2023/24 Q2": 3}
	for q, want := range cases {
		cp := th.forQuarter(ind, q)
		if cp == nil || *cp.Target != want {
			t.Errorf("forQuarter(%s) = %+v, want target %v", q, cp, want)
		}
	}
	if cp := th.forQuarter(ind, "2021/22 Q1"); cp != nil {
		t.Errorf("forQuarter(2021/22 Q1) = %+v, want none", cp)
	}
}

func TestQuarterThresholdsCalendarYear(t *testing.T) {
	r := &report.Report{Period: "2023 Q2", PeriodStart: "2023-04"} // a January year
	th := newQuarterThresholds(r)
	ind := &report.Indicator{Chart: []report.ChartPoint{{Period: "2023-03", Target: f64(7)}}}
	if cp := th.forQuarter(ind, "2023 Q1"); cp == nil || *cp.Target != 7 {
		t.Errorf("forQuarter(2023 Q1) = %+v, want March 2023's target 7", cp)
	}
}

func TestQuarterThresholdsWithoutCalendar(t *testing.T) {
	th := newQuarterThresholds(&report.Report{Period: "nonsense"})
	ind := &report.Indicator{Chart: []report.ChartPoint{{Period: "2023-03", Target: f64(7)}, {Period: "Q", Target: f64(8)}}}
	if cp := th.forQuarter(ind, "2022/23 Q4"); cp != nil {
		t.Errorf("without a calendar months cannot be placed, got %+v", cp)
	}
	if cp := th.forQuarter(ind, "Q"); cp == nil || *cp.Target != 8 {
		t.Errorf("an exact period match still works, got %+v", cp)
	}
}
