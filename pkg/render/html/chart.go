package html

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/example/qpr/pkg/present"
)

// svgChart paints a present.Chart as inline SVG: it maps slots and values to the drawing's
// units and writes markup, deciding nothing the chart description does not say. The drawing
// is 640 by 250 units and scales to its container's width; colours and line styles come
// from the style sheet's classes.
type svgChart struct {
	c     present.Chart
	id    string // prefix of the chart's element ids
	left  float64
	title string
	desc  string
}

const (
	svgW, svgH = 640.0, 250.0
	plotT      = 24.0
	plotR      = 12.0
	plotH      = 164.0
	markerR    = 4.0
	// tick labels are drawn at up to 20 units on a narrow screen, a character taking about
	// 0.6 of that; an axis label needs about 64 units across
	tickCharW = 12.0
	labelRoom = 64.0
	// on a phone the labels are drawn at 30 units, a period's "21/22" taking about 85
	narrowLabelRoom = 130.0
	narrowTickRoom  = 40.0
	sampleW         = 30
	sampleH         = 14
	sampleCY        = 7
	arrowHeight     = 7.0
)

func newSVGChart(c present.Chart, id, title, desc string) *svgChart {
	longest := 0
	for _, t := range c.Axis.Ticks {
		longest = max(longest, utf8.RuneCountInString(t.Label))
	}
	return &svgChart{c: c, id: id, left: max(48, float64(longest)*tickCharW+12), title: title, desc: desc}
}

func (s *svgChart) plotW() float64 { return svgW - s.left - plotR }

func (s *svgChart) slotW() float64 { return s.plotW() / float64(max(s.c.Slots, 1)) }

func (s *svgChart) x(slot float64) float64 { return s.left + (slot+0.5)*s.slotW() }

func (s *svgChart) y(v float64) float64 {
	a := s.c.Axis
	if a.Max == a.Min {
		return plotT + plotH/2
	}
	return plotT + plotH - (v-a.Min)/(a.Max-a.Min)*plotH
}

// num writes a coordinate to a tenth of a unit, the same way every time.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

var stepClass = map[present.StepKind]string{
	present.StepTarget: "target", present.StepFloor: "floor",
	present.StepRangeUpper: "band-edge", present.StepRangeLower: "band-edge",
}

// svg is the chart: role="img", named and described by its title and desc.
func (s *svgChart) svg() template.HTML {
	var b strings.Builder
	s.write(&b)
	return template.HTML(b.String())
}

// svgOut is where a chart's markup is written: the page's own writer as it is painted.
type svgOut interface {
	io.Writer
	io.StringWriter
}

// write writes the chart's markup to b.
func (s *svgChart) write(b svgOut) {
	esc := template.HTMLEscapeString
	fmt.Fprintf(b, `<svg class="chart" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-t" aria-describedby="%s-d">`, num(svgW), num(svgH), s.id, s.id)
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, s.id, esc(s.title), s.id, esc(s.desc))
	fmt.Fprintf(b, `<text class="axis-title wide" x="4" y="14">%s</text>`, esc(s.c.YTitle))
	fmt.Fprintf(b, `<text class="axis-title narrow" x="%s" y="20" text-anchor="end">%s</text>`, num(svgW-plotR), esc(s.c.YTitle))
	for _, t := range s.c.Axis.Ticks {
		y := s.y(t.Value)
		fmt.Fprintf(b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(s.left), num(y), num(s.left+s.plotW()), num(y))
		fmt.Fprintf(b, `<text class="tick wide" x="%s" y="%s" text-anchor="end">%s</text>`, num(s.left-6), num(y+4), esc(t.Label))
	}
	// On a phone the drawing is scaled to under half its size: its value labels are drawn
	// larger, inside the plot above their gridlines, where there is room for them.
	last := math.Inf(1)
	for _, t := range s.c.Axis.Ticks {
		y := s.y(t.Value)
		if math.Abs(last-y) < narrowTickRoom {
			continue
		}
		last = y
		fmt.Fprintf(b, `<text class="tick narrow" x="%s" y="%s">%s</text>`, num(s.left+4), num(y-5), esc(t.Label))
	}
	for _, r := range s.c.Band {
		top, bottom := s.y(r.Upper), s.y(r.Lower)
		fmt.Fprintf(b, `<rect class="band" x="%s" y="%s" width="%s" height="%s"/>`,
			num(s.x(float64(r.Slot))-s.slotW()/2), num(top), num(s.slotW()), num(bottom-top))
	}
	for _, e := range s.c.Events {
		x := s.x(e.Slot)
		fmt.Fprintf(b, `<line class="event" x1="%s" y1="%s" x2="%s" y2="%s"/><text class="event-n" x="%s" y="%s" text-anchor="middle">%d</text>`,
			num(x), num(plotT), num(x), num(plotT+plotH), num(x), num(plotT-6), e.Number)
	}
	for _, st := range s.c.Steps {
		b.WriteString(s.steps(st))
	}
	for _, l := range s.c.SPC {
		x0, x1 := s.x(float64(l.FirstSlot))-s.slotW()/2, s.x(float64(l.LastSlot))+s.slotW()/2
		fmt.Fprintf(b, `<line class="mean" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x0), num(s.y(l.Mean)), num(x1), num(s.y(l.Mean)))
		for _, v := range []*float64{l.Lower, l.Upper} {
			if v != nil {
				fmt.Fprintf(b, `<line class="limit" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x0), num(s.y(*v)), num(x1), num(s.y(*v)))
			}
		}
	}
	if t := s.c.TrendLine; t != nil {
		fmt.Fprintf(b, `<line class="trend" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(s.x(t.X0)), num(s.y(t.Y0)), num(s.x(t.X1)), num(s.y(t.Y1)))
	}
	for _, line := range s.c.Lines {
		var d strings.Builder
		for i, p := range line {
			cmd := "L"
			if i == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%s %s", cmd, num(s.x(p.Slot)), num(s.y(p.Value)))
		}
		fmt.Fprintf(b, `<path class="series" d="%s"/>`, d.String())
	}
	for _, p := range s.c.Points {
		b.WriteString(mark(p.Mark, s.x(p.Slot), s.y(p.Value)))
	}
	if p := s.c.Projection; p != nil {
		b.WriteString(s.projection(p))
	}
	fmt.Fprintf(b, `<path class="axis" d="M%s %sV%sH%s"/>`, num(s.left), num(plotT), num(plotT+plotH), num(s.left+s.plotW()))
	s.axisLabels(b)
	fmt.Fprintf(b, `<text class="axis-title wide" x="%s" y="%s" text-anchor="middle">%s</text>`, num(s.left+s.plotW()/2), num(svgH-6), esc(s.c.XTitle))
	b.WriteString(`</svg>`)
}

// steps draws a threshold as level runs across its slots, joined where it changes, as one
// path.
func (s *svgChart) steps(st present.Step) string {
	var d strings.Builder
	prev := -2
	for _, l := range st.Levels {
		left, right, y := s.x(float64(l.Slot))-s.slotW()/2, s.x(float64(l.Slot))+s.slotW()/2, s.y(l.Value)
		switch {
		case l.Join && prev == l.Slot-1:
			fmt.Fprintf(&d, "V%sH%s", num(y), num(right))
		case prev == l.Slot-1:
			fmt.Fprintf(&d, "H%s", num(right))
		default:
			fmt.Fprintf(&d, "M%s %sH%s", num(left), num(y), num(right))
		}
		prev = l.Slot
	}
	if d.Len() == 0 {
		return ""
	}
	return fmt.Sprintf(`<path class="%s" d="%s"/>`, stepClass[st.Kind], d.String())
}

// projection is the projected value, hollow, on its prediction interval; an end that runs
// on past the axis (or was cut at the unit's natural range) ends in an arrowhead, and a
// value beyond the axis is not drawn.
func (s *svgChart) projection(p *present.ProjectionMark) string {
	var b strings.Builder
	x := s.x(float64(p.Slot))
	lo, hi := s.y(p.Lower), s.y(p.Upper)
	fmt.Fprintf(&b, `<g class="projection"><line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(lo), num(x), num(hi))
	end := func(y float64, clipped bool, dir float64) {
		if clipped {
			// an arrowhead pointing on past the end: dir -1 up, 1 down
			fmt.Fprintf(&b, `<path class="arrow" d="M%s %sL%s %sL%s %sZ"/>`,
				num(x), num(y+dir*arrowHeight*0.4), num(x-5), num(y-dir*arrowHeight*0.6), num(x+5), num(y-dir*arrowHeight*0.6))
			return
		}
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x-5), num(y), num(x+5), num(y))
	}
	end(lo, p.LowerClipped, 1)
	end(hi, p.UpperClipped, -1)
	if !p.ValueClipped {
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s"/>`, num(x), num(s.y(p.Value)), num(markerR+0.5))
	}
	b.WriteString(`</g>`)
	return b.String()
}

// axisLabels are the period labels along the bottom, thinned so that they never overlap;
// on a phone a second set, drawn larger and further apart, stands in for them.
func (s *svgChart) axisLabels(b svgOut) {
	write := func(class string, top, bottom float64, labels []present.AxisLabel) {
		y0, y1 := num(top), num(bottom)
		text := func(x, y, words string) {
			b.WriteString(`<text class="`)
			b.WriteString(class)
			b.WriteString(`" x="`)
			b.WriteString(x)
			b.WriteString(`" y="`)
			b.WriteString(y)
			b.WriteString(`" text-anchor="middle">`)
			if strings.ContainsAny(words, "\"'&<>\x00") {
				template.HTMLEscape(b, []byte(words))
			} else {
				b.WriteString(words)
			}
			b.WriteString(`</text>`)
		}
		for _, l := range labels {
			x := num(s.x(float64(l.Slot)))
			text(x, y0, l.Top)
			if l.Bottom != "" {
				text(x, y1, l.Bottom)
			}
		}
	}
	write("tick wide", plotT+plotH+17, plotT+plotH+35, s.c.ThinLabels(int(math.Ceil(labelRoom/s.slotW()))))
	// On a phone, labels at least narrowLabelRoom apart, the latest period's kept first; the
	// projection's period is left to the legend and the sentence below the chart.
	every := int(math.Ceil(narrowLabelRoom / s.slotW()))
	narrow := make([]present.AxisLabel, 0, len(s.c.Labels))
	next := math.MaxInt
	for _, l := range slices.Backward(s.c.Labels) {
		if l.Project || l.Slot > next {
			continue
		}
		narrow = append(narrow, l)
		next = l.Slot - every
	}
	slices.Reverse(narrow)
	write("tick narrow", plotT+plotH+28, plotT+plotH+56, narrow)
}

// mark is a value's shape centred at (x, y): a dot, or for SPC special cause a shape of its
// own.
func mark(m present.Mark, x, y float64) string {
	r := markerR
	switch m {
	case present.MarkImprovement:
		k := r * 1.9
		return fmt.Sprintf(`<path class="sc-improvement" d="M%s %sL%s %sL%s %sL%s %sZ"/>`,
			num(x), num(y-k), num(x+k), num(y), num(x), num(y+k), num(x-k), num(y))
	case present.MarkConcern:
		k := r * 1.4
		return fmt.Sprintf(`<rect class="sc-concern" x="%s" y="%s" width="%s" height="%s"/>`, num(x-k), num(y-k), num(2*k), num(2*k))
	case present.MarkNeutralHigh, present.MarkNeutralLow:
		dir := -1.0
		if m == present.MarkNeutralLow {
			dir = 1
		}
		return fmt.Sprintf(`<path class="sc-neutral" d="M%s %sL%s %sL%s %sZ"/>`,
			num(x), num(y+dir*r*1.8), num(x+r*1.6), num(y-dir*r*1.2), num(x-r*1.6), num(y-dir*r*1.2))
	}
	return fmt.Sprintf(`<circle class="dot" cx="%s" cy="%s" r="%s"/>`, num(x), num(y), num(r))
}

var legendLineClass = map[present.LegendKind]string{
	present.LegendTarget: "target", present.LegendFloor: "floor", present.LegendMean: "mean",
	present.LegendLimits: "limit", present.LegendTrend: "trend",
}

// legendSample is a small drawing of a legend entry's mark, hidden from assistive technology:
// the label beside it says what it is. The drawing itself is defined once a page
// (sampleDefs) and each legend refers to it.
func legendSample(e present.LegendEntry) template.HTML {
	return template.HTML(fmt.Sprintf(`<svg class="sample" viewBox="0 0 %d %d" width="%d" height="%d" aria-hidden="true"><use href="#%s"/></svg>`,
		sampleW, sampleH, sampleW, sampleH, sampleID(e)))
}

// sampleID names the shared drawing of a legend entry's sample.
func sampleID(e present.LegendEntry) string {
	switch e.Kind {
	case present.LegendBand:
		return "qs-band"
	case present.LegendProjection:
		return "qs-projection"
	case present.LegendValue:
		return "qs-value"
	case present.LegendSpecial:
		return "qs-mark" + strconv.Itoa(int(e.Mark))
	}
	return "qs-" + legendLineClass[e.Kind]
}

// sampleDefs are every legend sample's drawing, once, for a page's legends to refer to.
func sampleDefs() template.HTML {
	w, cy := sampleW, sampleCY
	var b strings.Builder
	b.WriteString(`<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>`)
	symbol := func(id, inner string) {
		fmt.Fprintf(&b, `<symbol id="%s" viewBox="0 0 %d %d">%s</symbol>`, id, w, sampleH, inner)
	}
	symbol("qs-band", fmt.Sprintf(`<rect class="band" x="0" y="2" width="%d" height="10"/><path class="band-edge" d="M0 2H%dM0 12H%d"/>`, w, w, w))
	symbol("qs-projection", fmt.Sprintf(`<g class="projection"><line x1="15" y1="1" x2="15" y2="13"/><circle cx="15" cy="%d" r="4.5"/></g>`, cy))
	symbol("qs-value", fmt.Sprintf(`<path class="series" d="M0 %dH%d"/>%s`, cy, w, mark(present.MarkDot, 15, float64(cy))))
	for _, m := range []present.Mark{present.MarkDot, present.MarkImprovement, present.MarkConcern, present.MarkNeutralHigh, present.MarkNeutralLow} {
		symbol("qs-mark"+strconv.Itoa(int(m)), mark(m, 15, float64(cy)))
	}
	for _, k := range []present.LegendKind{present.LegendTarget, present.LegendFloor, present.LegendMean, present.LegendLimits, present.LegendTrend} {
		symbol("qs-"+legendLineClass[k], fmt.Sprintf(`<path class="%s" d="M0 %dH%d"/>`, legendLineClass[k], cy, w))
	}
	b.WriteString(`</defs></svg>`)
	return template.HTML(b.String())
}
