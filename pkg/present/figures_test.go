package present

import (
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

func TestTrendFigures(t *testing.T) {
	monthly := func(u catalogue.Unit, decimals int, tr report.Trend) *report.Indicator {
		in := &report.Indicator{Unit: u, Decimals: decimals, Frequency: catalogue.Monthly, Trend: &tr}
		for _, m := range []string{"2022-09", "2022-10", "2022-11"} {
			in.Chart = append(in.Chart, report.ChartPoint{Period: q(t, m)})
		}
		return in
	}
	quarterly := func(u catalogue.Unit, decimals int, tr report.Trend) *report.Indicator {
		return &report.Indicator{Unit: u, Decimals: decimals, Trend: &tr}
	}
	withheld := report.WithheldSustainedShift
	pass := report.AssuranceHitAndMiss
	s := 100
	ref := q(t, "2023/24 Q1")
	cases := []struct {
		name string
		in   *report.Indicator
		want string
	}{
		// four significant figures, at least the indicator's decimals, the unit attached
		{"spc withheld", monthly(catalogue.Percent, 0, report.Trend{Method: trend.SPC, Mean: f(88.9537), LPL: f(86.0912), UPL: f(91.8161), AssuranceWithheld: withheld}),
			"mean 88.95%, process limits 86.09% to 91.82%, assurance withheld (sustained shift)"},
		// the latest segment named as the chart labels its month
		{"spc rebased", monthly(catalogue.Percent, 1, report.Trend{Method: trend.SPC, Mean: f(83.78), LPL: f(80.8), UPL: f(86.76), Assurance: &pass,
			Segments: []report.Segment{{From: q(t, "2020-10")}, {From: q(t, "2022-10")}}}),
			"mean 83.78%, process limits 80.80% to 86.76%, assurance hit and miss (latest of 2 segments, from Oct 2022)"},
		// money never in exponent form; a slope is a signed change per period
		{"regression money", quarterly(catalogue.Currency, 0, report.Trend{Method: trend.Regression, Slope: f(-14522.4), Intercept: f(2555054.2), StdErr: f(16168.3), PValue: f(0.40371)}),
			"slope -£14,522 a quarter, intercept £2,555,054, standard error 16,168, p = 0.4"},
		// the slope and p as the sentence gives them (two significant figures, half away from
		// zero), so the figures line and the sentence below it never disagree
		{"slope half away", quarterly(catalogue.Percent, 0, report.Trend{Method: trend.Regression, Slope: f(0.125), Intercept: f(86.5), StdErr: f(0.02), PValue: f(0.007551), Alpha: 0.05}),
			"slope 0.13 points a quarter, intercept 86.5%, standard error 0.02, p = 0.0076"},
		{"p kept below alpha", quarterly(catalogue.Number, 0, report.Trend{Method: trend.Regression, Slope: f(2), Intercept: f(10), StdErr: f(0.5), PValue: f(0.0496), Alpha: 0.05}),
			"slope 2 a quarter, intercept 10, standard error 0.5, p = 0.0496"},
		// a percentage's slope is in points; a tiny p as the sentences give it
		{"regression percent", monthly(catalogue.Percent, 0, report.Trend{Method: trend.Regression, Slope: f(-0.33801), Intercept: f(94.87), StdErr: f(0.035271), PValue: f(1e-20)}),
			"slope -0.34 points a month, intercept 94.87%, standard error 0.03527, p < 0.001"},
		{"mann-kendall days", monthly(catalogue.Days, 2, report.Trend{Method: trend.MannKendall, S: &s, VarS: f(1623.33), Z: f(2.4572), PValue: f(0.014), Tau: f(0.36232), SenSlope: f(0.017843)}),
			"S = 100, var(S) = 1,623, z = 2.457, p = 0.014, tau = 0.3623, Sen's slope 0.018 days a month"},
		{"last change", quarterly(catalogue.Percent, 0, report.Trend{Method: trend.LastChange, Change: f(-1), ReferencePeriod: &ref}),
			"change -1 point since 2023/24 Q1"},
		{"no figures", quarterly(catalogue.Number, 0, report.Trend{Method: trend.Regression}), ""},
	}
	for _, c := range cases {
		if got := TrendFigures(c.in); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestStatistic(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 0.0076: "0.0076", 1234.56: "1,235", -2.34567: "-2.346", 5e-9: "0", 123456789: "123,456,789"} {
		if got := Statistic(v); got != want {
			t.Errorf("Statistic(%v) = %q, want %q", v, got, want)
		}
	}
}
