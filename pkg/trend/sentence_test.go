package trend

import (
	"testing"
)

func TestSentences(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	regression := DefaultConfig()
	monthly := DefaultConfig()
	monthly.PeriodNoun = "month"
	mk := DefaultConfig()
	mk.Method = MannKendall
	spc := DefaultConfig()
	spc.Method = SPC
	spcMonthly := spc
	spcMonthly.PeriodNoun = "month"
	lastChange := DefaultConfig()
	lastChange.Method = LastChange
	lastChange.Tolerance = 0.5
	yoy := DefaultConfig()
	yoy.Method = YearOnYear

	// Six swings about the mean, then seven points just above it (mean 41.7/13 ≈ 3.21, limits
	// ≈ 3.21 ± 5.21, none close to a limit): the last point ends a run of exactly 7.
	shift := consecutive(5, 1, 5, 1, 5, 1, 3.3, 3.5, 3.3, 3.5, 3.3, 3.5, 3.3)
	// A spike: ranges 1 (x7) and 8; the 8 is screened out, so the limits are 2.44 ± 2.66.
	spike := consecutive(1, 2, 1, 2, 1, 2, 1, 2, 10)

	cases := []struct {
		name     string
		cfg      Config
		in       Input
		unit     string
		decimals int
		want     string
	}{
		{"falling line", regression, Input{Points: consecutive(90, 88.8, 87.6, 86.4, 85.2, 84, 82.8, 81.6), Polarity: HigherIsBetter},
			"percent", 1, "Worsening: down 1.2 points a quarter over the last 8 quarters (p < 0.001)"},
		{"no trend", regression, Input{Points: consecutive(1, 3, 2, 5), Polarity: HigherIsBetter},
			"percent", 0, "Stable: no clear trend over the last 4 quarters"},
		// The window's last two quarters are empty: the sentence names the span it used.
		{"latest missing", regression, Input{Points: labelled([]string{"2022/23 Q1", "2022/23 Q2", "2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2"}, 90, 88.8, 87.6, 86.4, 85.2, 84), Polarity: HigherIsBetter, WindowPeriods: 8},
			"percent", 1, "Worsening: down 1.2 points a quarter over 6 quarters from 2022/23 Q1 to 2023/24 Q2 (p < 0.001)"},
		{"gap inside", regression, Input{Points: []Point{{"2023-01", 0, 1}, {"2023-02", 1, 3}, {"2023-04", 3, 2}, {"2023-05", 4, 5}}, Polarity: HigherIsBetter, WindowPeriods: 5, PeriodName: func(l string) string { return map[string]string{"2023-01": "January 2023", "2023-05": "May 2023"}[l] }},
			"percent", 0, "Stable: no clear trend over 4 quarters from January 2023 to May 2023"},
		// Eight 0s then three 1s: S = 24 (24 rising pairs, the rest tied), var(S) = 165 - 69
		// for the ties = 96, z = 23/sqrt(96) = 2.347, p = 0.0189 (scipy); yet 31 of the 55
		// pairwise slopes are 0, so Sen's slope is 0. Not "no clear trend", nor "up 0".
		{"mann-kendall zero slope", mk, Input{Points: consecutive(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1), Polarity: HigherIsBetter},
			"percent", 0, "Improving: later values are higher than earlier ones more often than not over the last 11 quarters (p = 0.019), though the median change a quarter is 0"},
		{"two points", regression, Input{Points: consecutive(1, 3), Polarity: HigherIsBetter},
			"percent", 0, "Insufficient data: 2 points, regression needs 3"},
		{"one point", regression, Input{Points: consecutive(1), Polarity: HigherIsBetter},
			"percent", 0, "Insufficient data: 1 point, regression needs 3"},
		{"currency activity", regression, Input{Points: consecutive(1000, 2500, 4000, 5500)},
			"currency", 0, "Rising: up £1,500 a quarter over the last 4 quarters (p < 0.001)"},
		{"days lower is better", regression, Input{Points: consecutive(30, 28.5, 27, 25.5), Polarity: LowerIsBetter},
			"days", 0, "Improving: down 1.5 days a quarter over the last 4 quarters (p < 0.001)"},
		{"monthly", monthly, Input{Points: consecutive(10, 10.25, 10.5, 10.75, 11), Polarity: HigherIsBetter},
			"number", 0, "Improving: up 0.25 a month over the last 5 months (p < 0.001)"},
		// Tie-free 1..8: S = 28, exact p = 2/8! ≈ 5e-5; Sen's slope 1.
		{"mann-kendall", mk, Input{Points: consecutive(1, 2, 3, 4, 5, 6, 7, 8), Polarity: HigherIsBetter},
			"percent", 0, "Improving: up 1 point a quarter over the last 8 quarters (p < 0.001)"},
		{"mann-kendall short", mk, Input{Points: consecutive(1, 2, 3), Polarity: HigherIsBetter},
			"percent", 0, "Insufficient data: 3 points, Mann-Kendall needs 4"},
		{"spc shift", spc, Input{Points: shift, Polarity: HigherIsBetter},
			"percent", 0, "Improving: a run of 7 quarters above the average"},
		{"spc shift monthly", spcMonthly, Input{Points: shift, Polarity: LowerIsBetter},
			"percent", 0, "Worsening: a run of 7 months above the average"},
		{"spc spike", spc, Input{Points: spike, Polarity: LowerIsBetter},
			"number", 0, "Worsening: the latest quarter is above the upper process limit; the limits are provisional, resting on 9 quarters (12 are needed)"},
		// As spike, lower being better with a target of 6: the limits (2.44 ± 2.66) lie below
		// the target, so alone they say "will consistently meet"; the latest 10 is a special
		// cause of concern and misses the target, so that is not claimed.
		{"spc assurance against the latest point", spc, Input{Points: spike, Polarity: LowerIsBetter, Target: v(6)},
			"number", 0, "Worsening: the latest quarter is above the upper process limit; whether the target will be met cannot be judged while the latest quarter shows special-cause variation of concern, as the limits may no longer describe the process; the limits are provisional, resting on 9 quarters (12 are needed)"},
		{"spc common cause with target", spc, Input{Points: consecutive(1, 2, 1, 2, 1, 2), Polarity: HigherIsBetter, Target: v(1.5)},
			"number", 0, "Stable: the latest quarter is within normal (common-cause) variation; the target will be hit and miss; the limits are provisional, resting on 6 quarters (12 are needed)"},
		{"spc target out of reach", spc, Input{Points: consecutive(1, 2, 1, 2, 1, 2), Polarity: HigherIsBetter, Target: v(10)},
			"number", 0, "Stable: the latest quarter is within normal (common-cause) variation; the process will consistently miss the target; the limits are provisional, resting on 6 quarters (12 are needed)"},
		// Mean 21/12 = 1.75, mean range 21.5/11 ≈ 1.95: the band "close to the upper limit" is
		// about 5.22 to 6.95, so the last two 5.5s are close and the 2 before them is above
		// the mean too.
		{"spc two of three", spc, Input{Points: consecutive(0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 5.5, 5.5), Polarity: HigherIsBetter},
			"number", 0, "Improving: 2 of the last 3 quarters close to the upper process limit"},
		// Wide swings, then seven rising points inside the limits (see TestSPCActivityAndPolarity).
		{"spc trend", spc, Input{Points: consecutive(10, 16, 10, 16, 10, 11, 12, 13, 14, 15, 16)},
			"number", 0, "Rising: a run of 7 quarters each higher than the one before; the limits are provisional, resting on 11 quarters (12 are needed)"},
		{"spc flat", spc, Input{Points: consecutive(4, 4, 4), Polarity: HigherIsBetter},
			"number", 0, "Stable: every quarter has the same value; the limits are provisional, resting on 3 quarters (12 are needed)"},
		{"spc one point", spc, Input{Points: consecutive(4), Polarity: HigherIsBetter},
			"number", 0, "Insufficient data: 1 point, SPC needs 2"},
		{"last change up", lastChange, Input{Polarity: HigherIsBetter, Current: v(82), Reference: v(80), CurrentLabel: "2023/24 Q2", ReferenceLabel: "2023/24 Q1"},
			"percent", 0, "Improving: up 2 points on the previous quarter (2023/24 Q1)"},
		{"last change within tolerance", lastChange, Input{Polarity: HigherIsBetter, Current: v(80.1), Reference: v(80), ReferenceLabel: "2023/24 Q1"},
			"percent", 1, "Stable: up 0.1 points on the previous quarter (2023/24 Q1), within the tolerance of 0.5 points"},
		{"last change none", lastChange, Input{Polarity: HigherIsBetter, Current: v(80), Reference: v(80), ReferenceLabel: "2023/24 Q1"},
			"percent", 0, "Stable: no change from the previous quarter (2023/24 Q1)"},
		{"year on year", yoy, Input{Polarity: HigherIsBetter, Current: v(77), Reference: v(80), ReferenceLabel: "2022/23 Q2"},
			"percent", 0, "Worsening: down 3 points on the same quarter a year earlier (2022/23 Q2)"},
		{"missing reference", lastChange, Input{Polarity: HigherIsBetter, Current: v(77), CurrentLabel: "2023/24 Q2", ReferenceLabel: "2023/24 Q1"},
			"percent", 0, "Insufficient data: no value for 2023/24 Q1"},
		// Two months of a summed indicator against three: not a fall of a third.
		{"part quarter", yoy, Input{Polarity: HigherIsBetter, Current: v(200), Reference: v(300), CurrentLabel: "2023/24 Q2", ReferenceLabel: "2022/23 Q2", CurrentPart: 2},
			"number", 0, "Insufficient data: 2023/24 Q2 has 2 of 3 months, and a part quarter's total cannot be compared with a whole quarter's"},
		{"missing both", yoy, Input{Polarity: HigherIsBetter, CurrentLabel: "2023/24 Q2", ReferenceLabel: "2022/23 Q2"},
			"percent", 0, "Insufficient data: no values for 2023/24 Q2 and 2022/23 Q2"},
	}
	for _, c := range cases {
		r := Analyse(c.cfg, c.in)
		if got := r.Sentence(c.unit, c.decimals); got != c.want {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

func TestFormatP(t *testing.T) {
	cases := []struct {
		p, alpha float64
		want     string
	}{
		{0.0123, 0.05, "p = 0.012"},
		{0.01, 0.05, "p = 0.01"},
		{0.0004, 0.05, "p < 0.001"},
		{0.5034, 0.05, "p = 0.5"},
		{1, 0.05, "p = 1"},
		// 0.0496 to two figures is 0.05, which would contradict a trend called significant.
		{0.0496, 0.05, "p = 0.0496"},
		{0.04996, 0.05, "p = 0.04996"},
		// Rounding up to alpha is no contradiction when p is not below alpha.
		{0.0504, 0.05, "p = 0.05"},
	}
	for _, c := range cases {
		if got := formatP(c.p, c.alpha); got != c.want {
			t.Errorf("formatP(%g) = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v        float64
		decimals int
		want     string
	}{
		{1.23, 0, "1.2"},
		{12.3, 0, "12"},
		{0.034, 1, "0.034"},
		{0.34, 0, "0.34"},
		{2, 0, "2"},
		{2, 1, "2.0"},
		{2.5, 2, "2.50"},
		{1234.6, 0, "1,235"},
		{1234567.891, 2, "1,234,567.89"},
		{-7.25, 2, "7.25"}, // the sentence says up or down
		{0, 0, "0"},
		{0, 2, "0.00"},
		{3e-9, 0, "3e-09"},
		// half away from zero on the number as written, as tables round: binary rounding
		// gives 0.12 and 86
		{0.125, 0, "0.13"},
		{86.5, 0, "87"},
		{2.675, 2, "2.68"},
	}
	for _, c := range cases {
		if got := formatNumber(c.v, c.decimals); got != c.want {
			t.Errorf("formatNumber(%g, %d) = %q, want %q", c.v, c.decimals, got, c.want)
		}
	}
}

func TestParseMethod(t *testing.T) {
	for in, want := range map[string]Method{
		"regression": Regression, "Mann-Kendall": MannKendall, "mann_kendall": MannKendall,
		" SPC ": SPC, "last-change": LastChange, "year on year": YearOnYear,
	} {
		got, err := ParseMethod(in)
		if err != nil || got != want {
			t.Errorf("ParseMethod(%q) = %q, %v", in, got, err)
		}
	}
	_, err := ParseMethod("moving-average")
	if err == nil {
		t.Fatal("unknown method accepted")
	}
	const want = `unknown trend method "moving-average" (valid methods: regression, mann-kendall, spc, last-change, year-on-year)`
	if err.Error() != want {
		t.Errorf("error %q", err)
	}
}

func labelled(labels []string, values ...float64) []Point {
	pts := consecutive(values...)
	for i := range pts {
		pts[i].Label = labels[i]
	}
	return pts
}
