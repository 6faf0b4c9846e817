package pdf

import (
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// The chart's layout and line styles are present's paper chart's, shared with the Word
// edition's pictures.
const (
	chartH     = present.PaperChartH
	plotTop    = present.PaperPlotTop
	plotH      = present.PaperPlotH
	plotLeft   = present.PaperPlotLeft
	plotRight  = present.PaperPlotRight
	markerSize = present.PaperMarkerSize
)

var (
	dashTarget = present.PaperDashTarget
	dashFloor  = present.PaperDashFloor
	dashLimit  = present.PaperDashLimit
	dashTrend  = present.PaperDashTrend
)

// chartFrame maps a chart description's slots and values to page positions.
type chartFrame struct {
	left, top, w, h float64
	slots           int
	lo, hi          float64
}

func (f chartFrame) x(i float64) float64 { return f.left + (i+0.5)*f.w/float64(f.slots) }
func (f chartFrame) y(v float64) float64 { return f.top + f.h - (v-f.lo)/(f.hi-f.lo)*f.h }
func (f chartFrame) slotW() float64      { return f.w / float64(f.slots) }

// setDash sets the dash pattern of the lines drawn next (nil: solid). A pattern is set only
// for the lines drawn straight after it, and solid set again before anything else, so no page
// begins with a pattern set: where content is kept out of fpdf (keep), so is the pattern, and
// fpdf's own record of it, which it would write again at the top of a new page, stays solid.
func (d *doc) setDash(pattern []float64) {
	if d.later() != nil {
		p := d.path()
		p.b = append(p.b, '[')
		for i, v := range pattern {
			if i > 0 {
				p.b = append(p.b, ' ')
			}
			p.num(v * p.k)
		}
		p.b = append(p.b, "] 0.00 d"...)
		d.draw(p)
		return
	}
	if pattern == nil {
		d.pdf.SetDashPattern([]float64{}, 0)
		return
	}
	d.pdf.SetDashPattern(pattern, 0)
}

// chart paints a chart as pkg/present describes it.
func (d *doc) chart(ch present.Chart) {
	c := d.st.Colours
	small := d.st.Fonts.Small
	y0 := d.pdf.GetY()
	f := chartFrame{left: marginL + plotLeft, top: y0 + plotTop, w: contentW - plotLeft - plotRight, h: plotH,
		slots: ch.Slots, lo: ch.Axis.Min, hi: ch.Axis.Max}

	// y axis title and gridlines with tick labels
	d.font("", small)
	d.textColour(c.Muted)
	d.pdf.SetXY(marginL, y0)
	d.cell(40, 5, ch.YTitle, 0, "L")
	for _, t := range ch.Axis.Ticks {
		y := f.y(t.Value)
		d.drawColour(c.Rule)
		d.lineWidth(0.1)
		d.line(f.left, y, f.left+f.w, y)
		d.pdf.SetXY(marginL, y-2)
		d.cell(plotLeft-1.5, 4, t.Label, 0, "R")
	}

	d.band(ch, f)
	d.events(ch, f)
	d.steps(ch, f)
	d.spcLines(ch, f)
	d.trendLine(ch, f)
	d.values(ch, f)
	d.projection(ch, f)

	// axes
	d.drawColour(c.Muted)
	d.lineWidth(0.25)
	d.setDash(nil)
	p := d.path()
	p.line(f.left, f.top, f.left, f.top+f.h)
	p.line(f.left, f.top+f.h, f.left+f.w, f.top+f.h)
	d.draw(p)

	// x labels, thinned so they never overlap
	d.font("", small)
	d.textColour(c.Muted)
	lh := lineH(small)
	for _, l := range ch.ThinLabels(int(math.Ceil(11 / f.slotW()))) {
		w := math.Max(f.slotW(), 12)
		d.pdf.SetXY(f.x(float64(l.Slot))-w/2, f.top+f.h+0.8)
		d.cell(w, lh, l.Top, 0, "C")
		d.pdf.SetXY(f.x(float64(l.Slot))-w/2, f.top+f.h+0.8+lh)
		d.cell(w, lh, l.Bottom, 0, "C")
	}
	d.pdf.SetXY(f.left, f.top+f.h+1+2*lh)
	d.cell(f.w, lh, ch.XTitle, 0, "C")
	d.pdf.SetXY(marginL, f.top+f.h+2+3*lh)
	d.legend(ch.Legend)
	d.pdf.SetXY(marginL, math.Max(d.pdf.GetY()+2, y0+chartH-6))
	d.textColour(c.Text)
}

// events marks each event with a dotted line at its period and its number above the plot,
// the number the chart's figures and text name it by.
func (d *doc) events(ch present.Chart, f chartFrame) {
	for _, e := range ch.Events {
		x := f.x(e.Slot)
		d.drawColour(d.st.Colours.Muted)
		d.lineWidth(0.2)
		d.setDash([]float64{0.6, 0.8})
		d.line(x, f.top, x, f.top+f.h)
		d.setDash(nil)
		d.font("B", d.st.Fonts.Small)
		d.textColour(d.st.Colours.Text)
		d.pdf.SetXY(x-3, f.top-lineH(d.st.Fonts.Small))
		d.cell(6, lineH(d.st.Fonts.Small), strconv.Itoa(e.Number), 0, "C")
	}
}

func (d *doc) band(ch present.Chart, f chartFrame) {
	d.fillColour(d.st.Colours.Band)
	p := d.path()
	for _, b := range ch.Band {
		top, bottom := f.y(b.Upper), f.y(b.Lower)
		p.rect(f.x(float64(b.Slot))-f.slotW()/2, top, f.slotW(), bottom-top, "F")
	}
	d.draw(p)
}

// stepStyle is how each threshold line is drawn.
func (d *doc) stepStyle(k present.StepKind) (templates.Colour, []float64, float64) {
	return present.PaperStepStyle(d.st, k)
}

func (d *doc) steps(ch present.Chart, f chartFrame) {
	for _, s := range ch.Steps {
		colour, dash, width := d.stepStyle(s.Kind)
		d.drawColour(colour)
		d.lineWidth(width)
		d.setDash(dash)
		p := d.path()
		for _, l := range s.Levels {
			x := f.x(float64(l.Slot))
			p.line(x-f.slotW()/2, f.y(l.Value), x+f.slotW()/2, f.y(l.Value))
			if l.Join {
				p.line(x-f.slotW()/2, f.y(l.From), x-f.slotW()/2, f.y(l.Value))
			}
		}
		d.draw(p)
		d.setDash(nil)
	}
}

func (d *doc) spcLines(ch present.Chart, f chartFrame) {
	for _, s := range ch.SPC {
		x0, x1 := f.x(float64(s.FirstSlot))-f.slotW()/2, f.x(float64(s.LastSlot))+f.slotW()/2
		d.drawColour(d.st.Colours.Grey)
		d.lineWidth(0.35)
		d.line(x0, f.y(s.Mean), x1, f.y(s.Mean))
		if s.Lower != nil && s.Upper != nil {
			d.setDash(dashLimit)
			p := d.path()
			p.line(x0, f.y(*s.Lower), x1, f.y(*s.Lower))
			p.line(x0, f.y(*s.Upper), x1, f.y(*s.Upper))
			d.draw(p)
			d.setDash(nil)
		}
	}
}

func (d *doc) trendLine(ch present.Chart, f chartFrame) {
	t := ch.TrendLine
	if t == nil {
		return
	}
	d.drawColour(d.st.Colours.Muted)
	d.lineWidth(0.35)
	d.setDash(dashTrend)
	d.line(f.x(t.X0), f.y(t.Y0), f.x(t.X1), f.y(t.Y1))
	d.setDash(nil)
}

// values draws the indicator's own values: a line broken at gaps, a mark at each value.
func (d *doc) values(ch present.Chart, f chartFrame) {
	d.drawColour(d.st.Colours.Accent)
	d.lineWidth(0.6)
	p := d.path()
	for _, line := range ch.Lines {
		for i := 1; i < len(line); i++ {
			p.line(f.x(line[i-1].Slot), f.y(line[i-1].Value), f.x(line[i].Slot), f.y(line[i].Value))
		}
	}
	d.draw(p)
	for _, pt := range ch.Points {
		d.valueMark(pt.Mark, f.x(pt.Slot), f.y(pt.Value))
	}
}

// projection draws next quarter's projection with its prediction interval; an end cut at
// the axis gets an arrowhead pointing on beyond it.
func (d *doc) projection(ch present.Chart, f chartFrame) {
	pr := ch.Projection
	if pr == nil {
		return
	}
	x := f.x(float64(pr.Slot))
	d.drawColour(d.st.Colours.Accent)
	d.fillColour(d.st.Colours.Accent)
	d.lineWidth(0.35)
	d.line(x, f.y(pr.Lower), x, f.y(pr.Upper))
	for _, end := range []struct {
		v       float64
		clipped bool
		dir     float64 // page direction of "beyond": +1 down, -1 up
	}{{pr.Lower, pr.LowerClipped, 1}, {pr.Upper, pr.UpperClipped, -1}} {
		y := f.y(end.v)
		if end.clipped {
			d.pdf.Polygon([]fpdf.PointType{{X: x, Y: y + end.dir*0.4}, {X: x - 1.1, Y: y - end.dir*1.6}, {X: x + 1.1, Y: y - end.dir*1.6}}, "F")
			continue
		}
		d.line(x-1, y, x+1, y)
	}
	if !pr.ValueClipped {
		d.fillColour(templates.White)
		d.lineWidth(0.4)
		d.circle(x, f.y(pr.Value), markerSize*0.6, "FD")
	}
}

// valueMark is a value's dot, or for spc special cause a larger shape of its own.
func (d *doc) valueMark(m present.Mark, x, y float64) {
	// The largest, the diamond, reaches 0.95 of markerSize from its centre.
	d.stamp(stampKey{kind: "value", shape: int(m), size: markerSize}, x, y, markerSize+0.5,
		func(x, y float64) { d.drawValueMark(m, x, y) })
}

// drawValueMark draws what valueMark places.
func (d *doc) drawValueMark(m present.Mark, x, y float64) {
	c := d.st.Colours
	r := markerSize / 2
	switch m {
	case present.MarkImprovement:
		d.fillColour(c.Activity)
		d.pdf.Polygon([]fpdf.PointType{{X: x, Y: y - r*1.9}, {X: x + r*1.9, Y: y}, {X: x, Y: y + r*1.9}, {X: x - r*1.9, Y: y}}, "F")
	case present.MarkConcern:
		d.fillColour(c.Amber)
		d.rect(x-r*1.4, y-r*1.4, r*2.8, r*2.8, "F")
	case present.MarkNeutralHigh, present.MarkNeutralLow:
		d.fillColour(c.Grey)
		dir := -1.0
		if m == present.MarkNeutralLow {
			dir = 1
		}
		d.pdf.Polygon([]fpdf.PointType{{X: x, Y: y + dir*r*1.8}, {X: x + r*1.6, Y: y - dir*r*1.2}, {X: x - r*1.6, Y: y - dir*r*1.2}}, "F")
	default:
		d.fillColour(c.Accent)
		d.circle(x, y, r, "F")
	}
}

// legendSample draws an entry's sample, 6 mm wide, centred vertically on cy.
func (d *doc) legendSample(e present.LegendEntry, x, cy float64) {
	c := d.st.Colours
	line := func(colour templates.Colour, dash []float64) {
		d.drawColour(colour)
		d.lineWidth(0.5)
		d.setDash(dash)
		d.line(x, cy, x+6, cy)
		d.setDash(nil)
	}
	switch e.Kind {
	case present.LegendValue:
		line(c.Accent, nil)
		d.valueMark(present.MarkDot, x+3, cy)
	case present.LegendBand:
		d.fillColour(c.Band)
		d.rect(x, cy-1.3, 6, 2.6, "F")
		d.drawColour(c.Activity)
		d.lineWidth(0.3)
		d.setDash(dashLimit)
		d.line(x, cy-1.3, x+6, cy-1.3)
		d.line(x, cy+1.3, x+6, cy+1.3)
		d.setDash(nil)
	case present.LegendTarget:
		line(c.Green, dashTarget)
	case present.LegendFloor:
		line(c.Red, dashFloor)
	case present.LegendMean:
		line(c.Grey, nil)
	case present.LegendLimits:
		line(c.Grey, dashLimit)
	case present.LegendTrend:
		line(c.Muted, dashTrend)
	case present.LegendSpecial:
		d.valueMark(e.Mark, x+3, cy)
	case present.LegendProjection:
		d.drawColour(c.Accent)
		d.lineWidth(0.35)
		d.line(x+3, cy-1.5, x+3, cy+1.5)
		d.fillColour(templates.White)
		d.circle(x+3, cy, markerSize*0.6, "FD")
	}
}

// legend lays its entries out left to right, wrapping to a new row when one is full.
func (d *doc) legend(items []present.LegendEntry) {
	small := d.st.Fonts.Small
	lh := lineH(small) + 0.6
	x, y := marginL+plotLeft, d.pdf.GetY()
	d.font("", small)
	for _, it := range items {
		w := 8 + d.pdf.GetStringWidth(it.Label) + 5
		if x+w > pageW-marginR {
			x, y = marginL+plotLeft, y+lh
		}
		d.legendSample(it, x, y+lh/2)
		d.textColour(d.st.Colours.Text)
		d.pdf.SetXY(x+7, y)
		d.cell(w-7, lh, it.Label, 0, "L")
		x += w
	}
	d.pdf.SetXY(marginL, y+lh)
}
