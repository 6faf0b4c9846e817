package pdf

import (
	"testing"

	"github.com/example/qpr/pkg/report"
)

func TestShownValue(t *testing.T) {
	cases := []struct {
		value    *float64
		display  *string
		unit     string
		decimals int
		want     string
	}{
		{f(82.4), s("82"), "percent", 0, "82%"},
		{f(89.96), s("89.96"), "percent", 1, "89.96%"},
		{f(1234), nil, "currency", 0, "£1,234"},
		{f(-1234.5), nil, "currency", 1, "-£1,234.5"},
		{f(12.34), s("12.3"), "days", 1, "12.3 days"},
		{f(1234567), s("1234567"), "number", 0, "1,234,567"},
		{f(999.5), nil, "rate", 0, "1,000"},
		{f(0.04), nil, "number", 1, "0.0"},
		{nil, nil, "percent", 0, "No data"},
		{f(5), s("five"), "number", 0, "five"},
	}
	for _, c := range cases {
		if got := shownValue(c.value, c.display, c.unit, c.decimals); got != c.want {
			t.Errorf("shownValue(%v, %v, %s, %d) = %q, want %q", deref64(c.value), deref(c.display, "nil"), c.unit, c.decimals, got, c.want)
		}
	}
}

func deref64(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestPeriodWords(t *testing.T) {
	r := &report.Report{Period: "2023/24 Q2", PeriodEnd: "2023-09", AsAt: "2023-11-14"}
	if got := periodLine(r); got != "Quarter 2, 2023/24: data to the end of September 2023" {
		t.Errorf("periodLine = %q", got)
	}
	if got := asAtWords(r); got != "14 November 2023" {
		t.Errorf("asAtWords = %q", got)
	}
	r = &report.Report{Period: "2024 Q1", PeriodEnd: "2024-03", AsAt: "bad"}
	if got := periodLine(r); got != "Quarter 1, 2024: data to the end of March 2024" {
		t.Errorf("periodLine = %q", got)
	}
	if got := asAtWords(r); got != "bad" {
		t.Errorf("an unreadable date should be shown as given, got %q", got)
	}
	if q, y := shortQuarter("2022/23 Q3"); q != "Q3" || y != "22/23" {
		t.Errorf("shortQuarter = %q %q", q, y)
	}
	if m, y := axisLabel("2023-09"); m != "Sep" || y != "2023" {
		t.Errorf("axisLabel = %q %q", m, y)
	}
}

func TestNiceScale(t *testing.T) {
	cases := []struct{ lo, hi, wantLo, wantHi, wantStep float64 }{
		{75, 90, 75, 90, 5},           // (90-75)/5 = 3, next nice step 5
		{0, 130000, 0, 150000, 50000}, // 26,000 is just over 25,000, so 50,000
		{50, 50, 47, 53, 1},           // widened to a span of 5 (10% of 50): 47.5..52.5, raw step 1
		{69, 72, 66, 76, 2},           // span 3 < 7.2: 66.9..74.1, raw step 1.44 -> 2
		{30, 100, 0, 100, 20},         // 30 is below 35% of 100, so the axis starts at 0
	}
	for _, c := range cases {
		lo, hi, step := niceScale(c.lo, c.hi)
		if lo != c.wantLo || hi != c.wantHi || step != c.wantStep {
			t.Errorf("niceScale(%g, %g) = %g, %g, %g; want %g, %g, %g", c.lo, c.hi, lo, hi, step, c.wantLo, c.wantHi, c.wantStep)
		}
	}
}
