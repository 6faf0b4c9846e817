package report

import (
	"math"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/unit"
)

// councilTax is a year-to-date collection rate with a profile through 2023/24: 29% by the end
// of Q1, 56% by Q2, 84% by Q3 and the year's 97.5% by Q4.
func councilTax() *catalogue.Indicator {
	return &catalogue.Indicator{Code: "CT", Name: "Council tax collected", Directorate: "A", Type: catalogue.KPI,
		Polarity: catalogue.Higher, Unit: catalogue.Percent, Decimals: 1, Frequency: catalogue.Quarterly,
		Aggregate: catalogue.Last, MaxLag: 1, Trend: catalogue.DefaultTrend, Basis: catalogue.BasisYearToDate,
		Projection: catalogue.DefaultProjection,
		Thresholds: map[int]catalogue.Thresholds{2023: {Target: f(97.5), Floor: f(96), Profile: map[int]catalogue.Thresholds{
			1: {Target: f(29), Floor: f(28)}, 2: {Target: f(56), Floor: f(54)}, 3: {Target: f(84), Floor: f(82)},
		}}}}
}

func reportOne(t *testing.T, ind *catalogue.Indicator, values map[int]data.Value, at period.Quarter) Indicator {
	t.Helper()
	cat := &catalogue.Catalogue{File: "c.yaml", Calendar: cal, Trend: catalogue.DefaultTrend,
		Directorates: []catalogue.Directorate{{Code: "A", Name: "Alpha"}}, Indicators: []*catalogue.Indicator{ind}}
	r, err := Build(Options{Catalogue: cat, Store: storeAt(map[string]map[int]data.Value{ind.Code: values}, at), Pack: catalogue.Pack{ID: "p"}, Period: at})
	if err != nil {
		t.Fatal(err)
	}
	return r.Indicators[0]
}

func TestProfiledThresholdsRateEachQuarter(t *testing.T) {
	// 2022/23 has no thresholds; 2023/24 Q1 28.5 is amber against Q1's 29/28 (it would be red
	// against the year's 97.5/96), Q2 56.2 green against Q2's 56/54.
	values := quarterly(map[string]float64{"2023/24 Q1": 28.5, "2023/24 Q2": 56.2})
	got := reportOne(t, councilTax(), values, q("2023/24 Q2"))
	if *got.RAG != Green || *got.Target != 56 || *got.Floor != 54 {
		t.Errorf("Q2: rag %s target %v floor %v, want green against the profile's 56 and 54", *got.RAG, *got.Target, *got.Floor)
	}
	if *got.RAGPrevious != Amber {
		t.Errorf("Q1 (rag_previous) %s, want amber against the profile's 29 and 28", *got.RAGPrevious)
	}
	q1 := got.History[3]
	if q1.Period.String() != "2023/24 Q1" || *q1.RAG != Amber || *q1.Target != 29 || *q1.Floor != 28 {
		t.Errorf("history %s: rag %s target %v floor %v, want amber 29 28", q1.Period, *q1.RAG, *q1.Target, *q1.Floor)
	}
	wantProfile := []struct {
		period        string
		target, floor float64
	}{{"2023/24 Q1", 29, 28}, {"2023/24 Q2", 56, 54}, {"2023/24 Q3", 84, 82}, {"2023/24 Q4", 97.5, 96}}
	if len(got.Profile) != len(wantProfile) {
		t.Fatalf("profile has %d quarters, want 4", len(got.Profile))
	}
	for i, w := range wantProfile {
		p := got.Profile[i]
		if p.Period.String() != w.period || *p.Target != w.target || *p.Floor != w.floor {
			t.Errorf("profile %d: %s %v %v, want %s %v %v", i, p.Period, *p.Target, *p.Floor, w.period, w.target, w.floor)
		}
	}
	// 2024/25 has no thresholds of its own: it inherits 2023/24's, profile and all.
	next := reportOne(t, councilTax(), quarterly(map[string]float64{"2024/25 Q1": 29.5}), q("2024/25 Q1"))
	if *next.RAG != Green || *next.Target != 29 {
		t.Errorf("2024/25 Q1: %s against %v, want green against the inherited profile's 29", *next.RAG, *next.Target)
	}
}

func TestRecovery(t *testing.T) {
	steady := func(target, floor float64) *catalogue.Indicator {
		return &catalogue.Indicator{Code: "K", Name: "K", Directorate: "A", Type: catalogue.KPI, Polarity: catalogue.Higher,
			Unit: catalogue.Percent, Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1,
			Trend: catalogue.DefaultTrend, Projection: catalogue.DefaultProjection,
			Thresholds: map[int]catalogue.Thresholds{catalogue.EveryYear: {Target: f(target), Floor: f(floor)}}}
	}
	// eight quarters 2021/22 Q3 to 2023/24 Q2 (window positions 0 to 7)
	window := []string{"2021/22 Q3", "2021/22 Q4", "2022/23 Q1", "2022/23 Q2", "2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2"}
	series := func(vs ...float64) map[int]data.Value {
		m := map[string]float64{}
		for i, v := range vs {
			m[window[i]] = v
		}
		return quarterly(m)
	}
	cases := []struct {
		name   string
		ind    *catalogue.Indicator
		values map[int]data.Value
		period string // "" for none
		text   string
	}{
		// 66 + 2 a quarter: 80 now (amber), 82, 84, then 86 in 2024/25 Q1 meets 85
		{"back by the third quarter", steady(85, 75), series(66, 68, 70, 72, 74, 76, 78, 80), "2024/25 Q1",
			"At the current rate it would be back on target by 2024/25 Q1: projected 86% (95% interval 86% to 86%) against a target of 85%."},
		// 70 + 0.5 a quarter: 73.5 now (red), 75.5 four quarters on, still short of 85
		{"not within four quarters", steady(85, 75), series(70, 70.5, 71, 71.5, 72, 72.5, 73, 73.5), "",
			"At the current rate it would not be back on target within the next four quarters: projected 76% for 2024/25 Q2 (95% interval 76% to 76%) against a target of 85%."},
		{"at target: none", steady(70, 60), series(66, 68, 70, 72, 74, 76, 78, 80), "", ""},
		{"too few values", steady(85, 75), nil, "", ""},
	}
	// "too few values": three values only
	cases[3].values = quarterly(map[string]float64{"2022/23 Q4": 76, "2023/24 Q1": 78, "2023/24 Q2": 80})
	cases[3].text = "No date for a return to target can be given: the window has values for 3 quarters, and a projection needs at least 6."
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := reportOne(t, c.ind, c.values, q("2023/24 Q2")).Recovery
			if c.text == "" {
				if got != nil {
					t.Errorf("recovery %+v, want none for a KPI at target", *got)
				}
				return
			}
			if got == nil {
				t.Fatal("no recovery")
			}
			if (got.Period == nil) != (c.period == "") || (got.Period != nil && got.Period.String() != c.period) {
				t.Errorf("period %v, want %q", got.Period, c.period)
			}
			if got.Text != c.text {
				t.Errorf("text\n got %s\nwant %s", got.Text, c.text)
			}
		})
	}
}

// The interval of a noisy series, worked out here from the textbook formula: fitted ± t(0.975,
// n−2) × s × √(1 + 1/n + (x − x̄)² / Sxx), with t(0.975, 6) = 2.446911851.
func TestRecoveryIntervalOfANoisySeries(t *testing.T) {
	ys := []float64{72, 75, 73, 77, 76, 80, 79, 82}
	n := float64(len(ys))
	var sx, sy float64
	for i, y := range ys {
		sx += float64(i)
		sy += y
	}
	xbar, ybar := sx/n, sy/n
	var sxx, sxy float64
	for i, y := range ys {
		sxx += (float64(i) - xbar) * (float64(i) - xbar)
		sxy += (float64(i) - xbar) * (y - ybar)
	}
	b := sxy / sxx
	a := ybar - b*xbar
	var rss float64
	for i, y := range ys {
		e := y - (a + b*float64(i))
		rss += e * e
	}
	s := math.Sqrt(rss / (n - 2))
	// the first quarter after 2023/24 Q2 (position 7) whose fitted value reaches 85
	k := 1
	for a+b*float64(7+k) < 85 {
		k++
	}
	if k > RecoveryHorizon {
		t.Fatalf("the series reaches 85 only %d quarters on; pick a steeper one", k)
	}
	x := float64(7 + k)
	half := 2.446911851 * s * math.Sqrt(1+1/n+(x-xbar)*(x-xbar)/sxx)
	fit := a + b*x
	ind := &catalogue.Indicator{Code: "K", Name: "K", Directorate: "A", Type: catalogue.KPI, Polarity: catalogue.Higher,
		Unit: catalogue.Percent, Decimals: 1, Frequency: catalogue.Quarterly, Aggregate: catalogue.Last, MaxLag: 1,
		Trend: catalogue.DefaultTrend, Projection: catalogue.DefaultProjection,
		Thresholds: map[int]catalogue.Thresholds{catalogue.EveryYear: {Target: f(85), Floor: f(75)}}}
	values := map[int]data.Value{}
	for i, y := range ys {
		values[q("2021/22 Q3").Add(i).Index()] = data.Value{V: y}
	}
	got := reportOne(t, ind, values, q("2023/24 Q2")).Recovery
	wantPeriod := cal.Label(q("2023/24 Q2").Add(k))
	if got == nil || got.Period == nil || got.Period.String() != wantPeriod {
		t.Fatalf("recovery %+v, want back by %s", got, wantPeriod)
	}
	for _, v := range []float64{fit, fit - half, math.Min(fit+half, 100)} {
		if s := unit.Round(v, 1) + "%"; !strings.Contains(got.Text, s) {
			t.Errorf("text %q does not give %s", got.Text, s)
		}
	}
}

func TestRecoveryYearToDateComparesLikeWithLike(t *testing.T) {
	lastYear := map[string]float64{"2022/23 Q1": 28, "2022/23 Q2": 55, "2022/23 Q3": 83, "2022/23 Q4": 97}
	with := func(q1, q2 float64) map[int]data.Value {
		m := map[string]float64{"2023/24 Q1": q1, "2023/24 Q2": q2}
		for k, v := range lastYear {
			m[k] = v
		}
		return quarterly(m)
	}
	cases := []struct {
		name   string
		values map[int]data.Value
		period string
		text   string
	}{
		// 55.5 is 0.5 above last year's 55: Q3 83.5 misses 84, Q4 97.5 meets the year's 97.5
		{"ahead of last year", with(28.5, 55.5), "2023/24 Q4",
			"At this year's pace (this year is running 0.5 points above the same point last year) it would be back on target by 2023/24 Q4: projected 97.5% against a target of 97.5%."},
		// 54.5 is 0.5 below: 82.5, 96.5, then 2024/25 (inheriting the profile) 27.5 - 0.5 = 27 and 54.0
		{"behind last year", with(27.5, 54.5), "",
			"At this year's pace (this year is running 0.5 points below the same point last year) it would not be back on target within the next four quarters: projected 54.0% for 2024/25 Q2 against a target of 56%."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := reportOne(t, councilTax(), c.values, q("2023/24 Q2"))
			if *got.RAG != Amber {
				t.Fatalf("rag %s, want amber against Q2's 56/54", *got.RAG)
			}
			r := got.Recovery
			if r == nil {
				t.Fatal("no recovery")
			}
			if (r.Period == nil) != (c.period == "") || (r.Period != nil && r.Period.String() != c.period) {
				t.Errorf("period %v, want %q", r.Period, c.period)
			}
			if r.Text != c.text {
				t.Errorf("text\n got %s\nwant %s", r.Text, c.text)
			}
			if got.Projection != nil || got.ProjectionWithheld == nil || got.ProjectionWithheld.Reason != WithheldYearToDate {
				t.Errorf("a year-to-date KPI is projected: %+v %+v", got.Projection, got.ProjectionWithheld)
			}
		})
	}
}

func TestYearToDateTrendUsesTheSameQuarterOfEachYear(t *testing.T) {
	// Q2 of four years climbs 2 points a year (50, 52, 54, 56); the other quarters make the
	// sawtooth a year-to-date figure has. Over the quarters the line would be fitted to the
	// sawtooth; over the Q2s it is exactly 2 a year.
	vals := map[string]float64{}
	for y := 2020; y <= 2023; y++ {
		base := float64(2 * (y - 2020))
		vals[cal.Label(period.Quarter{Year: y, Q: 1})] = 25 + base
		vals[cal.Label(period.Quarter{Year: y, Q: 2})] = 50 + base
		if y < 2023 {
			vals[cal.Label(period.Quarter{Year: y, Q: 3})] = 80 + base
			vals[cal.Label(period.Quarter{Year: y, Q: 4})] = 95 + base
		}
	}
	got := reportOne(t, councilTax(), quarterly(vals), q("2023/24 Q2")).Trend
	if got.Direction != Improving || got.Points != 4 || got.Slope == nil || math.Abs(*got.Slope-2) > 1e-9 {
		t.Fatalf("trend %s over %d points, slope %v; want improving over 4 Q2s at 2 a year", got.Direction, got.Points, got.Slope)
	}
	if !strings.Contains(got.Sentence, "a year over the last 4 years") || !strings.HasSuffix(got.Sentence, "; each year's Q2 compared, as the figure is year to date") {
		t.Errorf("sentence %q", got.Sentence)
	}
}
