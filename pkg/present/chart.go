package present

import (
	"math"

	"github.com/example/qpr/pkg/catalogue"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

// Chart describes an indicator's chart once, for every painter: where each thing goes in
// slot (x) and value (y) terms, which marks and lines to draw, and the legend. A painter maps
// slots and values to its own page units and draws; it decides nothing else. Slot i is
// centred at (i+0.5)/Slots of the plot's width.
type Chart struct {
	// Empty is set when there is nothing to chart; EmptyText says so in words.
	Empty     bool
	EmptyText string

	Slots  int         // positions along the x axis, the projection's included
	Axis   Axis        // the value axis
	YTitle string      // "Per cent", "£", "Days", ...
	XTitle string      // "Quarter" or "Month"
	Labels []AxisLabel // every slot's period label; painters thin them (ThinLabels)

	Band       []BandSlot // the expected range, per slot
	Steps      []Step     // target, floor and range ends, stepping where the year changes
	SPC        []SPCLines // one per segment: the lines step at each recalculation point
	TrendLine  *Segment   // the fitted line over the charted periods
	Lines      [][]Point  // the indicator's own values, a polyline broken at gaps
	Points     []Point    // a mark at each value
	Projection *ProjectionMark
	Legend     []LegendEntry
	Events     []ChartEvent // numbered markers for the indicator's events
}

// Axis is the value axis: from Min to Max with a tick every Step.
type Axis struct {
	Min, Max, Step float64
	Ticks          []Tick
}

// Tick is a gridline with its label.
type Tick struct {
	Value float64
	Label string
}

// AxisLabel is a slot's period, as two lines of its short form.
type AxisLabel struct {
	Slot          int
	Period        report.Period
	Top, Bottom   string
	Last, Project bool // the latest charted period; the projection's period
}

// Point is a mark at (Slot, Value).
type Point struct {
	Slot  float64
	Value float64
	Mark  Mark
}

// Mark is how a point is drawn.
type Mark int

// The points' marks: a dot for an ordinary value, shapes of their own for SPC special cause.
const (
	MarkDot Mark = iota
	MarkImprovement
	MarkConcern
	MarkNeutralHigh
	MarkNeutralLow
)

// BandSlot is the expected range across one slot.
type BandSlot struct {
	Slot         int
	Lower, Upper float64
}

// StepKind is what a step line stands for.
type StepKind int

// The threshold lines.
const (
	StepTarget StepKind = iota
	StepFloor
	StepRangeUpper
	StepRangeLower
)

// Step is a threshold drawn slot by slot: a level across each slot it applies in, joined by
// a vertical where it changes between adjacent slots.
type Step struct {
	Kind   StepKind
	Levels []StepLevel
}

// StepLevel is a threshold's value across one slot; Join is set when the previous slot had
// a different value, to be joined at this slot's left edge.
type StepLevel struct {
	Slot  int
	Value float64
	Join  bool
	From  float64 // the previous slot's value, when Join
}

// SPCLines are one SPC segment's mean and process limits across its slots.
type SPCLines struct {
	FirstSlot, LastSlot int
	Mean                float64
	Lower, Upper        *float64
}

// Segment is a straight line from (X0, Y0) to (X1, Y1) in slots and values.
type Segment struct{ X0, Y0, X1, Y1 float64 }

// ProjectionMark is next quarter's projected value with its prediction interval. An end of
// the interval beyond the axis is drawn to the axis's edge with an arrow, as is an end the
// engine cut at the unit's natural range (0% or 100%, nothing below 0): either runs on. A
// value beyond the axis is not drawn as a point (ValueClipped), the arrow showing which way
// it lies. The Clipped flags say which.
type ProjectionMark struct {
	Slot                       int
	Value, Lower, Upper        float64
	ValueClipped               bool
	LowerClipped, UpperClipped bool
}

// LegendKind is how a legend entry's sample is drawn.
type LegendKind int

// The legend samples.
const (
	LegendValue LegendKind = iota
	LegendBand
	LegendTarget
	LegendFloor
	LegendMean
	LegendLimits
	LegendTrend
	LegendSpecial // with Mark
	LegendProjection
)

// LegendEntry is one item of the legend.
type LegendEntry struct {
	Kind  LegendKind
	Mark  Mark
	Label string
}

// ChartOf describes in's chart.
func ChartOf(in *report.Indicator) Chart {
	c := Chart{YTitle: AxisTitle(in.Unit), XTitle: ValueNoun(in)}
	values := axisValues(in)
	if !hasValue(in) || len(values) == 0 {
		return Chart{Empty: true, EmptyText: "No values to chart for this indicator."}
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	c.Axis = niceAxis(lo, hi, in)
	if c.Axis.Min > 0 && thresholdAt(in, c.Axis.Min) {
		// a threshold on the axis's lower edge would be drawn under the axis line and
		// vanish: the axis goes on below it
		c.Axis = niceAxis(c.Axis.Min-c.Axis.Step/2, hi, in)
	}
	c.Slots = len(in.Chart)
	if in.Projection != nil {
		c.Slots = projectionSlot(in) + 1
	}
	if ahead := profileAhead(in); len(ahead) > 0 {
		c.Slots = max(c.Slots, profileLabel(in, len(ahead)-1)+1)
	}
	c.labels(in)
	c.thresholds(in)
	c.spc(in)
	c.trendLine(in)
	c.values(in)
	c.projection(in)
	c.events(in)
	return c
}

func hasValue(in *report.Indicator) bool {
	for _, p := range in.Chart {
		if p.Value != nil {
			return true
		}
	}
	return false
}

// projectionSlot is where next quarter's projection sits: one quarter after the last point,
// three months after it for a monthly indicator.
func projectionSlot(in *report.Indicator) int {
	n := len(in.Chart)
	if IsMonthly(in) {
		return n - 1 + 3
	}
	return n
}

// axisValues are the figures the value axis is fitted to: the values, the thresholds and
// expected range, the SPC lines, the fitted line and the projected value. A projection's
// interval is left out on purpose: a wide interval would squash the real series flat, so it
// runs off the axis instead and is drawn to the edge with an arrow.
func axisValues(in *report.Indicator) []float64 {
	vs := make([]float64, 0, 3*len(in.Chart)+8)
	add := func(p *float64) {
		if p != nil && !math.IsNaN(*p) && !math.IsInf(*p, 0) {
			vs = append(vs, *p)
		}
	}
	for _, c := range in.Chart {
		add(c.Value)
		add(c.Target)
		add(c.Floor)
		add(c.Lower)
		add(c.Upper)
	}
	if tr := in.Trend; tr != nil && tr.Method == trend.SPC {
		add(tr.Mean)
		add(tr.LPL)
		add(tr.UPL)
		for _, sg := range tr.Segments {
			add(&sg.Mean)
			add(&sg.LPL)
			add(&sg.UPL)
		}
	}
	if pr := in.Projection; pr != nil && !IsActivity(in) {
		add(pr.Target)
		add(pr.Floor)
	}
	for _, p := range profileAhead(in) {
		add(p.Target)
		add(p.Floor)
	}
	if a, b, ok := fittedLine(in); ok {
		if x0, x1, ok := valueSpan(in); ok {
			first, last := a+b*x0, a+b*x1
			add(&first)
			add(&last)
		}
	}
	return vs
}

// valueSpan is the slots of the first and last charted values: the trend line is drawn over
// the periods it was fitted to, never run back over quarters without data, where it would
// look like data and could stretch the axis.
func valueSpan(in *report.Indicator) (first, last float64, ok bool) {
	lo, hi := -1, -1
	for i, p := range in.Chart {
		if p.Value != nil {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	return float64(lo), float64(hi), lo >= 0
}

// thresholdAt reports whether any of in's charted thresholds or range ends is v.
func thresholdAt(in *report.Indicator, v float64) bool {
	for _, c := range in.Chart {
		for _, t := range []*float64{c.Target, c.Floor, c.Lower, c.Upper} {
			if t != nil && *t == v {
				return true
			}
		}
	}
	return false
}

// fittedLine is the trend line's intercept and slope, counted from 0 at the first charted
// period, for the methods that fit one and found a direction.
func fittedLine(in *report.Indicator) (intercept, slope float64, ok bool) {
	tr := in.Trend
	// a year-to-date trend is fitted to the same quarter of each year, in years: not a line
	// through the charted quarters
	if tr == nil || !tr.Direction.Known() || in.Basis == catalogue.BasisYearToDate {
		return 0, 0, false
	}
	switch tr.Method {
	case trend.Regression:
		if tr.Intercept != nil && tr.Slope != nil {
			return *tr.Intercept, *tr.Slope, true
		}
	case trend.MannKendall:
		if tr.SenIntercept != nil && tr.SenSlope != nil {
			return *tr.SenIntercept, *tr.SenSlope, true
		}
	}
	return 0, 0, false
}

// niceAxis widens [lo, hi] to round tick values, about five of them, and labels them.
func niceAxis(lo, hi float64, in *report.Indicator) Axis {
	lo, hi, step := NiceScale(lo, hi)
	places := tickPlaces(step)
	a := Axis{Min: lo, Max: hi, Step: step}
	for i := 0; ; i++ {
		v := lo + float64(i)*step
		if v > hi+step/2 {
			break
		}
		a.Ticks = append(a.Ticks, Tick{Value: v, Label: TickLabel(v, in.Unit, places)})
	}
	return a
}

// NiceScale widens [lo, hi] to round tick values, about five of them, and returns the new
// ends and the step. The span is at least a tenth of the values' size, so that noise is not
// magnified into what looks like a trend, and a non-negative axis starts at 0 when the
// values sit near enough to it.
func NiceScale(lo, hi float64) (float64, float64, float64) {
	if hi < lo {
		lo, hi = hi, lo
	}
	minSpan := math.Max(math.Abs(lo), math.Abs(hi)) * 0.1
	if minSpan == 0 {
		minSpan = 1
	}
	if hi-lo < minSpan {
		nonNegative := lo >= 0
		mid := (hi + lo) / 2
		lo, hi = mid-minSpan/2, mid+minSpan/2
		if nonNegative && lo < 0 {
			lo, hi = 0, minSpan
		}
	}
	if lo >= 0 && lo < 0.35*hi {
		lo = 0
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step
}

func tickPlaces(step float64) int {
	places := 0
	for places < MaxPlaces && math.Abs(step*math.Pow(10, float64(places))-math.Round(step*math.Pow(10, float64(places)))) > 1e-9 {
		places++
	}
	return places
}

func (c *Chart) labels(in *report.Indicator) {
	c.Labels = make([]AxisLabel, 0, len(in.Chart)+1)
	for i, p := range in.Chart {
		top, bottom := ShortLines(p.Period)
		c.Labels = append(c.Labels, AxisLabel{Slot: i, Period: p.Period, Top: top, Bottom: bottom, Last: i == len(in.Chart)-1})
	}
	if pr := in.Projection; pr != nil {
		top, bottom := ShortLines(pr.Period)
		c.Labels = append(c.Labels, AxisLabel{Slot: projectionSlot(in), Period: pr.Period, Top: top, Bottom: bottom, Project: true})
	}
	for i, p := range profileAhead(in) {
		slot := profileLabel(in, i)
		if in.Projection != nil && slot == projectionSlot(in) {
			continue // the projection's label names it
		}
		top, bottom := ShortLines(p.Period)
		c.Labels = append(c.Labels, AxisLabel{Slot: slot, Period: p.Period, Top: top, Bottom: bottom})
	}
}

// ThinLabels keeps every n-th label counted back from the latest period, and the
// projection's, so labels never overlap: n is the fewest slots a label needs.
func (c Chart) ThinLabels(n int) []AxisLabel {
	n = max(n, 1)
	last := 0
	for _, l := range c.Labels {
		if l.Last {
			last = l.Slot
		}
	}
	out := make([]AxisLabel, 0, len(c.Labels))
	for _, l := range c.Labels {
		if l.Project || (last-l.Slot)%n == 0 {
			out = append(out, l)
		}
	}
	return out
}

// slotThresholds are the thresholds across each slot, the projection's included.
type slotThresholds struct{ target, floor, lower, upper *float64 }

func (c *Chart) thresholds(in *report.Indicator) {
	th := make([]slotThresholds, c.Slots)
	for i, p := range in.Chart {
		th[i] = slotThresholds{p.Target, p.Floor, p.Lower, p.Upper}
	}
	for i, p := range profileAhead(in) {
		for _, slot := range profileSlots(in, i) {
			th[slot] = slotThresholds{target: p.Target, floor: p.Floor}
		}
	}
	if pr := in.Projection; pr != nil && !IsActivity(in) {
		th[projectionSlot(in)] = slotThresholds{target: pr.Target, floor: pr.Floor}
	}
	for i, t := range th {
		if t.lower != nil && t.upper != nil {
			c.Band = append(c.Band, BandSlot{Slot: i, Lower: *t.lower, Upper: *t.upper})
		}
	}
	if len(c.Band) > 0 {
		c.addStep(StepRangeUpper, th, func(t slotThresholds) *float64 { return t.upper })
		c.addStep(StepRangeLower, th, func(t slotThresholds) *float64 { return t.lower })
		c.Legend = append(c.Legend, LegendEntry{Kind: LegendBand, Label: ExpectedHeading})
	}
	if c.addStep(StepTarget, th, func(t slotThresholds) *float64 { return t.target }) {
		c.Legend = append(c.Legend, LegendEntry{Kind: LegendTarget, Label: TargetHeading})
	}
	if c.addStep(StepFloor, th, func(t slotThresholds) *float64 { return t.floor }) {
		c.Legend = append(c.Legend, LegendEntry{Kind: LegendFloor, Label: FloorHeading})
	}
}

func (c *Chart) addStep(kind StepKind, th []slotThresholds, get func(slotThresholds) *float64) bool {
	s := Step{Kind: kind}
	var prev *float64
	for i, t := range th {
		v := get(t)
		if v == nil {
			prev = nil
			continue
		}
		l := StepLevel{Slot: i, Value: *v}
		if prev != nil && *prev != *v {
			l.Join, l.From = true, *prev
		}
		s.Levels = append(s.Levels, l)
		prev = v
	}
	if len(s.Levels) == 0 {
		return false
	}
	c.Steps = append(c.Steps, s)
	return true
}

func (c *Chart) spc(in *report.Indicator) {
	tr := in.Trend
	if tr == nil || tr.Method != trend.SPC || tr.Mean == nil {
		return
	}
	slotOf := func(at report.Period, fallback int) int {
		for i, p := range in.Chart {
			if p.Period == at {
				return i
			}
		}
		return fallback
	}
	for _, sg := range tr.Segments {
		lo, hi := sg.LPL, sg.UPL
		c.SPC = append(c.SPC, SPCLines{FirstSlot: slotOf(sg.From, 0), LastSlot: slotOf(sg.To, len(in.Chart)-1), Mean: sg.Mean, Lower: &lo, Upper: &hi})
	}
	if len(c.SPC) == 0 {
		c.SPC = []SPCLines{{FirstSlot: 0, LastSlot: len(in.Chart) - 1, Mean: *tr.Mean, Lower: tr.LPL, Upper: tr.UPL}}
	}
	c.Legend = append(c.Legend, LegendEntry{Kind: LegendMean, Label: "Mean"})
	if c.SPC[len(c.SPC)-1].Lower != nil && c.SPC[len(c.SPC)-1].Upper != nil {
		c.Legend = append(c.Legend, LegendEntry{Kind: LegendLimits, Label: "Process limits"})
	}
}

func (c *Chart) trendLine(in *report.Indicator) {
	a, b, ok := fittedLine(in)
	if !ok {
		return
	}
	x0, x1, ok := valueSpan(in)
	if !ok {
		return
	}
	c.TrendLine = &Segment{X0: x0, Y0: a + b*x0, X1: x1, Y1: a + b*x1}
	c.Legend = append(c.Legend, LegendEntry{Kind: LegendTrend, Label: "Trend line"})
}

// specialCause are the SPC point types with marks of their own, in legend order.
var specialCause = []struct {
	kind  report.PointType
	mark  Mark
	label string
}{
	{report.SpecialCauseImprovement, MarkImprovement, "Special cause: improvement"},
	{report.SpecialCauseConcern, MarkConcern, "Special cause: concern"},
	{report.SpecialCauseNeutralHigh, MarkNeutralHigh, "Special cause: high"},
	{report.SpecialCauseNeutralLow, MarkNeutralLow, "Special cause: low"},
}

// PointType is an SPC point's type in words, as the chart's legend names it: "Special cause:
// improvement", "Common cause".
func PointType(kind report.PointType) string {
	for _, k := range specialCause {
		if k.kind == kind {
			return k.label
		}
	}
	return tidy(string(kind))
}

// SPCPointWords is what an SPC chart's point is, in words: "Special cause: concern", or
// "Common cause" for an ordinary point.
func SPCPointWords(m Mark) string {
	for _, k := range specialCause {
		if k.mark == m {
			return k.label
		}
	}
	return "Common cause"
}

func (c *Chart) values(in *report.Indicator) {
	marks := map[report.Period]Mark{}
	if tr := in.Trend; tr != nil && tr.Method == trend.SPC {
		for _, s := range tr.Series {
			for _, k := range specialCause {
				if s.Type == k.kind {
					marks[s.Period] = k.mark
				}
			}
		}
	}
	seen := map[Mark]bool{}
	var line []Point
	for i, p := range in.Chart {
		if p.Value == nil {
			if len(line) > 1 {
				c.Lines = append(c.Lines, line)
			}
			line = nil
			continue
		}
		pt := Point{Slot: float64(i), Value: *p.Value, Mark: marks[p.Period]}
		seen[pt.Mark] = true
		line = append(line, pt)
		c.Points = append(c.Points, pt)
	}
	if len(line) > 1 {
		c.Lines = append(c.Lines, line)
	}
	c.Legend = append([]LegendEntry{{Kind: LegendValue, Label: in.Code + " value"}}, c.Legend...)
	for _, k := range specialCause {
		if seen[k.mark] {
			c.Legend = append(c.Legend, LegendEntry{Kind: LegendSpecial, Mark: k.mark, Label: k.label})
		}
	}
}

func (c *Chart) projection(in *report.Indicator) {
	pr := in.Projection
	if pr == nil {
		return
	}
	clip := func(v float64) (float64, bool) {
		switch {
		case v < c.Axis.Min:
			return c.Axis.Min, true
		case v > c.Axis.Max:
			return c.Axis.Max, true
		}
		return v, false
	}
	m := ProjectionMark{Slot: projectionSlot(in)}
	m.Value, m.ValueClipped = clip(pr.Value)
	m.Lower, m.LowerClipped = clip(pr.Lower)
	m.Upper, m.UpperClipped = clip(pr.Upper)
	// an end the engine cut at the unit's natural range runs on too
	m.LowerClipped = m.LowerClipped || pr.LowerCut
	m.UpperClipped = m.UpperClipped || pr.UpperCut
	c.Projection = &m
	c.Legend = append(c.Legend, LegendEntry{Kind: LegendProjection, Label: "Projection (95% interval)"})
}
