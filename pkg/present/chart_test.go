package present

import (
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

func TestNiceScale(t *testing.T) {
	cases := []struct{ lo, hi, wantLo, wantHi, wantStep float64 }{
		{75, 90, 75, 90, 5},           // (90-75)/5 = 3, next nice step 5
		{0, 130000, 0, 150000, 50000}, // 26,000 is just over 25,000, so 50,000
		{50, 50, 47, 53, 1},           // widened to a span of 5 (10% of 50): 47.5..52.5, raw step 1
		{69, 72, 66, 76, 2},           // span 3 < 7.2: 66.9..74.1, raw step 1.44 -> 2
		{30, 100, 0, 100, 20},         // 30 is below 35% of 100, so the axis starts at 0
	}
	for _, c := range cases {
		lo, hi, step := NiceScale(c.lo, c.hi)
		if lo != c.wantLo || hi != c.wantHi || step != c.wantStep {
			t.Errorf("NiceScale(%g, %g) = %g, %g, %g; want %g, %g, %g", c.lo, c.hi, lo, hi, step, c.wantLo, c.wantHi, c.wantStep)
		}
	}
}

// quarterlyKPI is eight quarters of a money KPI ending 2023/24 Q2 with a target of 1,000 and
// a floor of 800 throughout, and the three values given last (earlier quarters empty).
func quarterlyKPI(t *testing.T, last ...float64) *report.Indicator {
	labels := []string{"2021/22 Q3", "2021/22 Q4", "2022/23 Q1", "2022/23 Q2", "2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2"}
	in := &report.Indicator{Code: "FN09", Type: catalogue.KPI, Unit: catalogue.Currency, Frequency: catalogue.Quarterly,
		Polarity: polarity(catalogue.Higher)}
	for i, l := range labels {
		p := report.ChartPoint{Period: q(t, l), Target: f(1000), Floor: f(800)}
		if k := i - (len(labels) - len(last)); k >= 0 {
			p.Value = f(last[k])
		}
		in.Chart = append(in.Chart, p)
	}
	return in
}

// Issue 8 item 3: a projection interval of -£554 to £3,204 around three values near £900
// must not stretch the axis; the interval runs to the edges with arrows.
func TestChartAxisIgnoresProjectionInterval(t *testing.T) {
	in := quarterlyKPI(t, 880, 950, 900)
	in.Projection = &report.Projection{Period: q(t, "2023/24 Q3"), Value: 1325, Lower: -554, Upper: 3204, Target: f(1000), Floor: f(800)}
	c := ChartOf(in)
	// values 880..950 and thresholds 800..1000: 800..1000 is span 200, step 40 -> 50, so the
	// axis would run 800 to 1,000 in steps of 50; the floor of 800 would then sit on the axis
	// line, so it goes on half a step lower, 775, which rounds down to 750
	if c.Axis.Min != 750 || c.Axis.Max != 1000 || c.Axis.Step != 50 {
		t.Fatalf("axis %g..%g step %g, want 750..1000 step 50", c.Axis.Min, c.Axis.Max, c.Axis.Step)
	}
	if len(c.Axis.Ticks) != 6 || c.Axis.Ticks[0].Label != "£750" || c.Axis.Ticks[5].Label != "£1,000" {
		t.Errorf("ticks = %+v", c.Axis.Ticks)
	}
	p := c.Projection
	if p == nil || p.Slot != 8 || p.Lower != 750 || p.Upper != 1000 || !p.LowerClipped || !p.UpperClipped || !p.ValueClipped {
		t.Errorf("projection = %+v; want slot 8, both ends cut at 750 and 1,000 with arrows, the value off the axis", p)
	}
	if c.Slots != 9 || c.XTitle != "Quarter" || c.YTitle != "£" {
		t.Errorf("slots %d titles %q %q", c.Slots, c.XTitle, c.YTitle)
	}
}

func TestChartParts(t *testing.T) {
	in := quarterlyKPI(t, 900, 920, 940, 960)
	in.Chart[6].Target = f(1050) // the target steps up in 2023/24
	in.Chart[7].Target = f(1050)
	in.Trend = &report.Trend{Method: trend.Regression, Direction: report.Improving, Intercept: f(850), Slope: f(15)}
	in.Projection = &report.Projection{Period: q(t, "2023/24 Q3"), Value: 975, Lower: 930, Upper: 1020, Target: f(1050), Floor: f(800)}
	c := ChartOf(in)
	if c.Empty {
		t.Fatal("empty")
	}
	var target Step
	for _, s := range c.Steps {
		if s.Kind == StepTarget {
			target = s
		}
	}
	// nine slots of target, joined where it changes from 1,000 to 1,050 at slot 6
	if len(target.Levels) != 9 || !target.Levels[6].Join || target.Levels[6].From != 1000 || target.Levels[6].Value != 1050 || target.Levels[7].Join {
		t.Errorf("target steps = %+v", target.Levels)
	}
	// the fitted line over the quarters with values, slots 4 to 7: 850+15*4 = 910 to
	// 850+15*7 = 955
	if tl := c.TrendLine; tl == nil || tl.X0 != 4 || tl.Y0 != 910 || tl.X1 != 7 || tl.Y1 != 955 {
		t.Errorf("trend line = %+v", c.TrendLine)
	}
	if len(c.Lines) != 1 || len(c.Lines[0]) != 4 || len(c.Points) != 4 || c.Points[0].Slot != 4 {
		t.Errorf("lines %v points %v", c.Lines, c.Points)
	}
	if p := c.Projection; p.LowerClipped || p.UpperClipped || p.ValueClipped || p.Value != 975 {
		t.Errorf("a projection inside the axis is drawn as it is: %+v", p)
	}
	in.Projection.LowerCut = true // the engine cut it at the unit's natural range
	if p := ChartOf(in).Projection; !p.LowerClipped || p.UpperClipped || p.Lower != 930 {
		t.Errorf("an end the engine cut runs on with an arrow: %+v", p)
	}
	var legend []string
	for _, e := range c.Legend {
		legend = append(legend, e.Label)
	}
	want := []string{"FN09 value", "Target", "Floor", "Trend line", "Projection (95% interval)"}
	if len(legend) != len(want) {
		t.Fatalf("legend = %v, want %v", legend, want)
	}
	for i := range want {
		if legend[i] != want[i] {
			t.Errorf("legend = %v, want %v", legend, want)
		}
	}
	// eleven millimetres a label on slots of five: every third, counted back from the latest,
	// and the projection's
	var shown []int
	for _, l := range c.ThinLabels(3) {
		shown = append(shown, l.Slot)
	}
	if len(shown) != 4 || shown[0] != 1 || shown[1] != 4 || shown[2] != 7 || shown[3] != 8 {
		t.Errorf("thinned labels at slots %v, want 1 4 7 8", shown)
	}
	if l := c.Labels[8]; l.Top != "23/24" || l.Bottom != "Q3" || !l.Project {
		t.Errorf("projection label = %+v", l)
	}
}

func TestChartBandAndSPC(t *testing.T) {
	in := &report.Indicator{Code: "CS04", Type: catalogue.Activity, Unit: catalogue.Number, Frequency: catalogue.Monthly}
	for i, v := range []float64{100, 110, 0, 120} {
		p := report.ChartPoint{Period: q(t, []string{"2023-06", "2023-07", "2023-08", "2023-09"}[i]), Lower: f(90), Upper: f(130)}
		if v != 0 {
			p.Value = f(v)
		}
		in.Chart = append(in.Chart, p)
	}
	in.Trend = &report.Trend{Method: trend.SPC, Direction: report.Stable, Mean: f(110), LPL: f(95), UPL: f(125),
		Series: []report.SeriesPoint{{Period: q(t, "2023-09"), Value: 120, Type: report.SpecialCauseNeutralHigh}}}
	c := ChartOf(in)
	if len(c.Band) != 4 || c.Band[0].Lower != 90 || c.Band[0].Upper != 130 {
		t.Errorf("band = %+v", c.Band)
	}
	if len(c.SPC) != 1 || c.SPC[0].Mean != 110 || *c.SPC[0].Lower != 95 || c.SPC[0].LastSlot != 3 {
		t.Errorf("spc = %+v", c.SPC)
	}
	// rebased from August: two segments, the lines stepping there
	in.Trend.Segments = []report.Segment{
		{From: q(t, "2023-06"), To: q(t, "2023-07"), Mean: 105, LPL: 92, UPL: 118},
		{From: q(t, "2023-08"), To: q(t, "2023-09"), Mean: 120, LPL: 110, UPL: 130},
	}
	if c := ChartOf(in); len(c.SPC) != 2 || c.SPC[0].LastSlot != 1 || c.SPC[1].FirstSlot != 2 || c.SPC[1].Mean != 120 || *c.SPC[1].Upper != 130 {
		t.Errorf("segments = %+v", c.SPC)
	}
	// the gap in August breaks the line: 100-110, then 120 alone (no segment)
	if len(c.Lines) != 1 || len(c.Lines[0]) != 2 || len(c.Points) != 3 || c.Points[2].Mark != MarkNeutralHigh {
		t.Errorf("lines %+v points %+v", c.Lines, c.Points)
	}
	if c.XTitle != "Month" || c.Labels[3].Top != "Sep" {
		t.Errorf("monthly axis: %q %+v", c.XTitle, c.Labels[3])
	}
	last := c.Legend[len(c.Legend)-1]
	if last.Kind != LegendSpecial || last.Label != "Special cause: high" {
		t.Errorf("legend ends %+v", last)
	}
	if empty := ChartOf(&report.Indicator{Chart: []report.ChartPoint{{}}}); !empty.Empty || empty.EmptyText == "" {
		t.Error("a chart with no values should say so")
	}
}

// A trend line fitted to three values at the end of the window is drawn over those three
// quarters only: run back over the five empty ones it would look like data and, at 50 a
// quarter, reach 650 at the window's start and pull the axis down to 600.
func TestChartTrendLineSpansTheValues(t *testing.T) {
	in := quarterlyKPI(t, 900, 950, 1000)
	// fitted from 0 at the window's first quarter: 900 at position 5, up 50 a quarter
	in.Trend = &report.Trend{Method: trend.Regression, Direction: report.Direction(trend.Improving), Intercept: f(650), Slope: f(50)}
	c := ChartOf(in)
	if l := c.TrendLine; l == nil || *l != (Segment{X0: 5, Y0: 900, X1: 7, Y1: 1000}) {
		t.Errorf("trend line %+v, want from (5, 900) to (7, 1000)", l)
	}
	// values and thresholds 800..1000, the floor of 800 kept off the axis line: 750..1000
	if c.Axis.Min != 750 || c.Axis.Max != 1000 {
		t.Errorf("axis %g..%g, want 750..1000 (values and thresholds)", c.Axis.Min, c.Axis.Max)
	}
}

func TestPointType(t *testing.T) {
	for kind, want := range map[report.PointType]string{
		"special_cause_improvement":  "Special cause: improvement",
		"special_cause_concern":      "Special cause: concern",
		"special_cause_neutral_high": "Special cause: high",
		"special_cause_neutral_low":  "Special cause: low",
		"common_cause":               "Common cause",
	} {
		if got := PointType(kind); got != want {
			t.Errorf("PointType(%q) = %q, want %q", kind, got, want)
		}
	}
}

// Values of 80% to 93% against a floor of 75%: the nice axis would run 75% to 95% in steps of
// 5, putting the floor on the axis line, where it would not be seen. The axis goes on to 70%.
func TestChartThresholdNeverOnTheAxisEdge(t *testing.T) {
	in := quarterlyKPI(t, 80, 93)
	in.Unit = catalogue.Percent
	for i := range in.Chart {
		in.Chart[i].Target, in.Chart[i].Floor = f(85), f(75)
	}
	c := ChartOf(in)
	if c.Axis.Min != 70 || c.Axis.Max != 95 || c.Axis.Step != 5 {
		t.Errorf("axis %g..%g step %g, want 70..95 step 5", c.Axis.Min, c.Axis.Max, c.Axis.Step)
	}
	// a floor of 0 stays on the edge: the axis never runs below 0 for it
	for i := range in.Chart {
		in.Chart[i].Floor = f(0)
	}
	if c := ChartOf(in); c.Axis.Min != 0 {
		t.Errorf("axis from %g, want 0", c.Axis.Min)
	}
}
