package pdf

import (
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

const (
	chartH     = 66.0 // whole chart block: titles, plot, axis labels and legend
	plotTop    = 7.0
	plotH      = 38.0
	plotLeft   = 17.0
	plotRight  = 4.0
	markerSize = 1.7
)

// line styles: each series differs in dash pattern as well as colour.
var (
	dashTarget = []float64{2.4, 1.2}
	dashFloor  = []float64{0.7, 0.9}
	dashLimit  = []float64{1.6, 1.0}
	dashTrend  = []float64{3, 1, 0.6, 1}
)

// chartFrame maps an indicator's periods and values to page positions.
type chartFrame struct {
	left, top, w, h float64
	slots           int
	lo, hi          float64
}

func (f chartFrame) x(i float64) float64 { return f.left + (i+0.5)*f.w/float64(f.slots) }
func (f chartFrame) y(v float64) float64 { return f.top + f.h - (v-f.lo)/(f.hi-f.lo)*f.h }
func (f chartFrame) slotW() float64      { return f.w / float64(f.slots) }

// projectionSlot is where next quarter's projection sits: one quarter after the last point,
// three months after it for a monthly indicator.
func projectionSlot(in *report.Indicator) int {
	n := len(in.Chart)
	if in.Frequency == "monthly" {
		return n - 1 + 3
	}
	return n
}

// chartValues are every figure the chart draws, to fit the axis to.
func chartValues(in *report.Indicator) []float64 {
	var vs []float64
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
	if tr := in.Trend; tr != nil && tr.Method == "spc" {
		add(tr.Mean)
		add(tr.LPL)
		add(tr.UPL)
	}
	if pr := in.Projection; pr != nil {
		add(&pr.Lower)
		add(&pr.Upper)
		add(&pr.Value)
		add(pr.Target)
		add(pr.Floor)
	}
	if a, b, ok := fittedLine(in); ok && len(in.Chart) > 0 {
		first, last := a, a+b*float64(len(in.Chart)-1)
		add(&first)
		add(&last)
	}
	return vs
}

// fittedLine is the trend line's intercept and slope, counted from 0 at the first charted
// period, for the methods that fit one and found a direction.
func fittedLine(in *report.Indicator) (intercept, slope float64, ok bool) {
	tr := in.Trend
	if tr == nil || tr.Direction == "insufficient" || tr.Direction == "" {
		return 0, 0, false
	}
	switch tr.Method {
	case "regression":
		if tr.Intercept != nil && tr.Slope != nil {
			return *tr.Intercept, *tr.Slope, true
		}
	case "mann-kendall":
		if tr.SenIntercept != nil && tr.SenSlope != nil {
			return *tr.SenIntercept, *tr.SenSlope, true
		}
	}
	return 0, 0, false
}

// niceScale widens [lo, hi] to round tick values, about five of them.
func niceScale(lo, hi float64) (float64, float64, float64) {
	if hi < lo {
		lo, hi = hi, lo
	}
	// a span of at least a tenth of the values' size, so that noise is not magnified into
	// what looks like a trend
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
	for places < 6 && math.Abs(step*math.Pow(10, float64(places))-math.Round(step*math.Pow(10, float64(places)))) > 1e-9 {
		places++
	}
	return places
}

func tickLabel(v float64, unit string, places int) string {
	n := formatNumber(v, places)
	switch unit {
	case "percent":
		return n + "%"
	case "currency":
		return withUnit(n, unit)
	}
	return n
}

func (d *doc) setDash(pattern []float64) {
	if pattern == nil {
		d.pdf.SetDashPattern([]float64{}, 0)
		return
	}
	d.pdf.SetDashPattern(pattern, 0)
}

// chart draws the indicator's history with its thresholds: target and floor for a kpi,
// the expected range as a band for an activity indicator, the mean and process limits for
// an spc trend, the fitted trend line and next quarter's projection.
func (d *doc) chart(in *report.Indicator) {
	p := d.pdf
	c := d.st.Colours
	small := d.st.Fonts.Small
	y0 := p.GetY()
	values := chartValues(in)
	hasValue := false
	for _, pt := range in.Chart {
		hasValue = hasValue || pt.Value != nil
	}
	if !hasValue || len(values) == 0 {
		d.font("I", d.st.Fonts.Body)
		d.textColour(c.Muted)
		p.MultiCell(contentW, lineH(d.st.Fonts.Body), "No values to chart for this indicator.", "", "L", false)
		p.Ln(2)
		return
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	lo, hi, step := niceScale(lo, hi)
	slots := len(in.Chart)
	if in.Projection != nil {
		slots = projectionSlot(in) + 1
	}
	f := chartFrame{left: marginL + plotLeft, top: y0 + plotTop, w: contentW - plotLeft - plotRight, h: plotH, slots: slots, lo: lo, hi: hi}

	// y axis title and gridlines with tick labels
	d.font("", small)
	d.textColour(c.Muted)
	p.SetXY(marginL, y0)
	p.CellFormat(40, 5, unitAxisTitle(in.Unit), "", 0, "L", false, 0, "")
	places := tickPlaces(step)
	for v := lo; v <= hi+step/2; v += step {
		y := f.y(v)
		d.drawColour(c.Rule)
		p.SetLineWidth(0.1)
		p.Line(f.left, y, f.left+f.w, y)
		p.SetXY(marginL, y-2)
		p.CellFormat(plotLeft-1.5, 4, tickLabel(v, in.Unit, places), "", 0, "R", false, 0, "")
	}

	legend := d.drawSeries(in, f)

	// axes
	d.drawColour(c.Muted)
	p.SetLineWidth(0.25)
	d.setDash(nil)
	p.Line(f.left, f.top, f.left, f.top+f.h)
	p.Line(f.left, f.top+f.h, f.left+f.w, f.top+f.h)

	// x labels, thinned so they never overlap
	d.font("", small)
	d.textColour(c.Muted)
	labels := make([]string, slots)
	for i, pt := range in.Chart {
		labels[i] = pt.Period
	}
	if in.Projection != nil {
		labels[projectionSlot(in)] = in.Projection.Period
	}
	every := int(math.Ceil(11 / f.slotW()))
	if every < 1 {
		every = 1
	}
	lh := lineH(small)
	last := len(in.Chart) - 1
	for i, l := range labels {
		if l == "" || ((last-i)%every != 0 && i != projectionSlot(in)) {
			continue
		}
		top, bottom := axisLabel(l)
		w := math.Max(f.slotW(), 12)
		p.SetXY(f.x(float64(i))-w/2, f.top+f.h+0.8)
		p.CellFormat(w, lh, top, "", 0, "C", false, 0, "")
		p.SetXY(f.x(float64(i))-w/2, f.top+f.h+0.8+lh)
		p.CellFormat(w, lh, bottom, "", 0, "C", false, 0, "")
	}
	axisTitle := "Quarter"
	if in.Frequency == "monthly" {
		axisTitle = "Month"
	}
	p.SetXY(f.left, f.top+f.h+1+2*lh)
	p.CellFormat(f.w, lh, axisTitle, "", 0, "C", false, 0, "")
	p.SetXY(marginL, f.top+f.h+2+3*lh)
	d.legend(legend)
	p.SetXY(marginL, math.Max(p.GetY()+2, y0+chartH-6))
	d.textColour(c.Text)
}

// legendItem is one entry of a chart's legend, drawn as a sample of its line or mark.
type legendItem struct {
	label  string
	colour templates.Colour
	dash   []float64
	line   bool
	mark   string // status mark, or "dot", "hollow", "band", "diamond", "square", "triangle"
}

func (d *doc) drawSeries(in *report.Indicator, f chartFrame) []legendItem {
	p := d.pdf
	c := d.st.Colours
	var legend []legendItem
	pts := in.Chart

	// thresholds per slot, the projection's slot included
	type thresholds struct{ target, floor, lower, upper *float64 }
	slotTh := make([]thresholds, f.slots)
	for i, pt := range pts {
		slotTh[i] = thresholds{pt.Target, pt.Floor, pt.Lower, pt.Upper}
	}
	if pr := in.Projection; pr != nil && in.Type != "activity" {
		slotTh[projectionSlot(in)] = thresholds{target: pr.Target, floor: pr.Floor}
	}

	// expected range band
	band := false
	for i, th := range slotTh {
		if th.lower != nil && th.upper != nil {
			band = true
			d.fillColour(c.Band)
			top, bottom := f.y(*th.upper), f.y(*th.lower)
			p.Rect(f.x(float64(i))-f.slotW()/2, top, f.slotW(), bottom-top, "F")
		}
	}
	step := func(get func(thresholds) *float64, colour templates.Colour, dash []float64, width float64) bool {
		drawn := false
		d.drawColour(colour)
		p.SetLineWidth(width)
		d.setDash(dash)
		var prev *float64
		for i, th := range slotTh {
			v := get(th)
			if v == nil {
				prev = nil
				continue
			}
			x := f.x(float64(i))
			p.Line(x-f.slotW()/2, f.y(*v), x+f.slotW()/2, f.y(*v))
			if prev != nil && *prev != *v {
				p.Line(x-f.slotW()/2, f.y(*prev), x-f.slotW()/2, f.y(*v))
			}
			prev, drawn = v, true
		}
		d.setDash(nil)
		return drawn
	}
	if band {
		step(func(t thresholds) *float64 { return t.upper }, c.Activity, dashLimit, 0.3)
		step(func(t thresholds) *float64 { return t.lower }, c.Activity, dashLimit, 0.3)
		legend = append(legend, legendItem{label: "Expected range", colour: c.Band, mark: "band"})
	}
	if step(func(t thresholds) *float64 { return t.target }, c.Green, dashTarget, 0.5) {
		legend = append(legend, legendItem{label: "Target", colour: c.Green, dash: dashTarget, line: true})
	}
	if step(func(t thresholds) *float64 { return t.floor }, c.Red, dashFloor, 0.5) {
		legend = append(legend, legendItem{label: "Floor", colour: c.Red, dash: dashFloor, line: true})
	}

	// spc mean and process limits over the charted periods
	tr := in.Trend
	if tr != nil && tr.Method == "spc" && tr.Mean != nil {
		x0, x1 := f.x(0)-f.slotW()/2, f.x(float64(len(pts)-1))+f.slotW()/2
		d.drawColour(c.Grey)
		p.SetLineWidth(0.35)
		p.Line(x0, f.y(*tr.Mean), x1, f.y(*tr.Mean))
		legend = append(legend, legendItem{label: "Mean", colour: c.Grey, line: true})
		if tr.LPL != nil && tr.UPL != nil {
			d.setDash(dashLimit)
			p.Line(x0, f.y(*tr.LPL), x1, f.y(*tr.LPL))
			p.Line(x0, f.y(*tr.UPL), x1, f.y(*tr.UPL))
			d.setDash(nil)
			legend = append(legend, legendItem{label: "Process limits", colour: c.Grey, dash: dashLimit, line: true})
		}
	}

	// fitted trend line
	if a, b, ok := fittedLine(in); ok {
		d.drawColour(c.Muted)
		p.SetLineWidth(0.35)
		d.setDash(dashTrend)
		n := float64(len(pts) - 1)
		p.Line(f.x(0), f.y(a), f.x(n), f.y(a+b*n))
		d.setDash(nil)
		legend = append(legend, legendItem{label: "Trend line", colour: c.Muted, dash: dashTrend, line: true})
	}

	// the indicator's own values: a line broken at gaps, a dot at each value
	d.drawColour(c.Accent)
	p.SetLineWidth(0.6)
	for i := 1; i < len(pts); i++ {
		if pts[i-1].Value != nil && pts[i].Value != nil {
			p.Line(f.x(float64(i-1)), f.y(*pts[i-1].Value), f.x(float64(i)), f.y(*pts[i].Value))
		}
	}
	special := map[string]string{}
	if tr != nil && tr.Method == "spc" {
		for _, s := range tr.Series {
			special[s.Period] = s.Type
		}
	}
	seen := map[string]bool{}
	for i, pt := range pts {
		if pt.Value == nil {
			continue
		}
		kind := special[pt.Period]
		seen[kind] = true
		d.valueMark(kind, f.x(float64(i)), f.y(*pt.Value))
	}
	legend = append([]legendItem{{label: in.Code + " value", colour: c.Accent, line: true, mark: "dot"}}, legend...)
	for _, k := range []struct{ kind, label string }{
		{"special_cause_improvement", "Special cause: improvement"},
		{"special_cause_concern", "Special cause: concern"},
		{"special_cause_neutral_high", "Special cause: high"},
		{"special_cause_neutral_low", "Special cause: low"},
	} {
		if seen[k.kind] {
			legend = append(legend, legendItem{label: k.label, mark: k.kind})
		}
	}

	// projection with its prediction interval
	if pr := in.Projection; pr != nil {
		x := f.x(float64(projectionSlot(in)))
		d.drawColour(c.Accent)
		p.SetLineWidth(0.35)
		p.Line(x, f.y(pr.Lower), x, f.y(pr.Upper))
		p.Line(x-1, f.y(pr.Lower), x+1, f.y(pr.Lower))
		p.Line(x-1, f.y(pr.Upper), x+1, f.y(pr.Upper))
		d.fillColour(templates.White)
		p.SetLineWidth(0.4)
		p.Circle(x, f.y(pr.Value), markerSize*0.6, "FD")
		legend = append(legend, legendItem{label: "Projection (95% interval)", colour: c.Accent, mark: "hollow"})
	}
	return legend
}

// valueMark is a value's dot, or for spc special cause a larger shape of its own.
func (d *doc) valueMark(kind string, x, y float64) {
	p := d.pdf
	c := d.st.Colours
	r := markerSize / 2
	switch kind {
	case "special_cause_improvement":
		d.fillColour(c.Activity)
		p.Polygon([]fpdf.PointType{{X: x, Y: y - r*1.9}, {X: x + r*1.9, Y: y}, {X: x, Y: y + r*1.9}, {X: x - r*1.9, Y: y}}, "F")
	case "special_cause_concern":
		d.fillColour(c.Amber)
		p.Rect(x-r*1.4, y-r*1.4, r*2.8, r*2.8, "F")
	case "special_cause_neutral_high", "special_cause_neutral_low":
		d.fillColour(c.Grey)
		dir := -1.0
		if strings.HasSuffix(kind, "low") {
			dir = 1
		}
		p.Polygon([]fpdf.PointType{{X: x, Y: y + dir*r*1.8}, {X: x + r*1.6, Y: y - dir*r*1.2}, {X: x - r*1.6, Y: y - dir*r*1.2}}, "F")
	default:
		d.fillColour(c.Accent)
		p.Circle(x, y, r, "F")
	}
}

// legend lays its items out left to right, wrapping to a new row when one is full.
func (d *doc) legend(items []legendItem) {
	p := d.pdf
	small := d.st.Fonts.Small
	lh := lineH(small) + 0.6
	x, y := marginL+plotLeft, p.GetY()
	d.font("", small)
	for _, it := range items {
		w := 8 + p.GetStringWidth(it.label) + 5
		if x+w > pageW-marginR {
			x, y = marginL+plotLeft, y+lh
		}
		cy := y + lh/2
		switch {
		case it.mark == "band":
			d.fillColour(it.colour)
			p.Rect(x, cy-1.3, 6, 2.6, "F")
			d.drawColour(d.st.Colours.Activity)
			p.SetLineWidth(0.3)
			d.setDash(dashLimit)
			p.Line(x, cy-1.3, x+6, cy-1.3)
			p.Line(x, cy+1.3, x+6, cy+1.3)
			d.setDash(nil)
		case it.mark == "hollow":
			d.drawColour(it.colour)
			p.SetLineWidth(0.35)
			p.Line(x+3, cy-1.5, x+3, cy+1.5)
			d.fillColour(templates.White)
			p.Circle(x+3, cy, markerSize*0.6, "FD")
		case strings.HasPrefix(it.mark, "special_cause"):
			d.valueMark(it.mark, x+3, cy)
		default:
			if it.line {
				d.drawColour(it.colour)
				p.SetLineWidth(0.5)
				d.setDash(it.dash)
				p.Line(x, cy, x+6, cy)
				d.setDash(nil)
			}
			if it.mark == "dot" {
				d.valueMark("", x+3, cy)
			}
		}
		d.textColour(d.st.Colours.Text)
		p.SetXY(x+7, y)
		p.CellFormat(w-7, lh, it.label, "", 0, "L", false, 0, "")
		x += w
	}
	p.SetXY(marginL, y+lh)
}
