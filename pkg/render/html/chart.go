package html

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"
)

// chart is what the SVG painter draws: every position decided, in data units (slots along
// the bottom, values up the side). The painter only maps them to the drawing and writes
// markup.
type chart struct {
	ID             string // prefix of the chart's element ids
	Title, Desc    string // its accessible name and description
	YTitle, XTitle string
	Lo, Hi         float64
	Ticks          []tick
	Slots          int
	Left           float64 // the plot's left edge, room for the longest tick label
	XLabels        []xLabel
	Band           []slotRange // the expected range, slot by slot
	Steps          []steps     // thresholds that step from slot to slot
	Lines          []hLine     // spc mean and process limits
	Trend          *segment    // fitted trend line
	Values         []point     // the indicator's own values, in slot order
	Projection     *projection
	Legend         []legendItem
}

type tick struct {
	V     float64
	Label string
}

type xLabel struct {
	Slot        int
	Top, Bottom string
	Minor       bool // left out on a narrow screen, where the labels are drawn larger
}

type slotRange struct {
	Slot   int
	Lo, Hi float64
}

// steps is a threshold line: one value (or none) per slot.
type steps struct {
	Class  string // target, floor, band-edge
	Values []*float64
}

type hLine struct {
	Class    string // mean, limit
	V        float64
	From, To int // slots covered
}

type segment struct{ X0, Y0, X1, Y1 float64 }

// point is one value at a slot; Kind is its spc point type, "" for a plain value.
type point struct {
	Slot int
	V    float64
	Kind string
}

type projection struct {
	Slot                int
	Value, Lower, Upper float64
}

// legendItem names one mark of the chart; Kind selects its sample drawing.
type legendItem struct {
	Kind, Label string
}

// The drawing's size in SVG user units; it scales to its container's width.
const (
	svgW, svgH   = 640.0, 250.0
	plotT        = 24.0
	plotR, plotH = 12.0, 164.0
	// tick labels are drawn at up to 20 units on a narrow screen; a character takes about
	// 0.6 of that
	tickCharW      = 12.0
	markerR        = 4.0
	svgFontSize    = 13
	legendSampleW  = 30
	legendSampleH  = 14
	legendSampleCY = 7
)

// leftFor is the plot's left edge with room for the tick labels.
func leftFor(ticks []tick) float64 {
	longest := 0
	for _, t := range ticks {
		longest = max(longest, utf8.RuneCountInString(t.Label))
	}
	return max(48, float64(longest)*tickCharW+12)
}

func (c *chart) plotW() float64 { return svgW - c.Left - plotR }

func (c *chart) x(slot float64) float64 {
	return c.Left + (slot+0.5)*c.plotW()/float64(max(c.Slots, 1))
}

func (c *chart) slotW() float64 { return c.plotW() / float64(max(c.Slots, 1)) }

func (c *chart) y(v float64) float64 {
	if c.Hi == c.Lo {
		return plotT + plotH/2
	}
	return plotT + plotH - (v-c.Lo)/(c.Hi-c.Lo)*plotH
}

func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// svg is the chart as inline SVG markup: role="img" with its title and description as the
// accessible name and description; everything inside is presentation.
func (c *chart) svg() template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-t" aria-describedby="%s-d" focusable="false">`, num(svgW), num(svgH), c.ID, c.ID)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(c.Desc))
	// axis title and gridlines with their values
	fmt.Fprintf(&b, `<text class="axis-title" x="4" y="14">%s</text>`, esc(c.YTitle))
	for _, t := range c.Ticks {
		y := num(c.y(t.V))
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(c.Left), y, num(c.Left+c.plotW()), y)
		fmt.Fprintf(&b, `<text class="tick" x="%s" y="%s" text-anchor="end">%s</text>`, num(c.Left-6), num(c.y(t.V)+4), esc(t.Label))
	}
	c.paintBand(&b)
	for _, s := range c.Steps {
		c.paintSteps(&b, s)
	}
	for _, l := range c.Lines {
		fmt.Fprintf(&b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"/>`, l.Class,
			num(c.x(float64(l.From))-c.slotW()/2), num(c.y(l.V)), num(c.x(float64(l.To))+c.slotW()/2), num(c.y(l.V)))
	}
	if t := c.Trend; t != nil {
		fmt.Fprintf(&b, `<line class="trend" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(c.x(t.X0)), num(c.y(t.Y0)), num(c.x(t.X1)), num(c.y(t.Y1)))
	}
	c.paintValues(&b)
	if p := c.Projection; p != nil {
		x := c.x(float64(p.Slot))
		lo, hi := c.y(p.Lower), c.y(p.Upper)
		fmt.Fprintf(&b, `<g class="projection"><line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(lo), num(x), num(hi))
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s"/><line x1="%s" y1="%s" x2="%s" y2="%s"/>`,
			num(x-5), num(lo), num(x+5), num(lo), num(x-5), num(hi), num(x+5), num(hi))
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s"/></g>`, num(x), num(c.y(p.Value)), num(markerR+0.5))
	}
	// axes last, over the thresholds
	fmt.Fprintf(&b, `<path class="axis" d="M%s %sV%sH%s"/>`, num(c.Left), num(plotT), num(plotT+plotH), num(c.Left+c.plotW()))
	for _, l := range c.XLabels {
		x := num(c.x(float64(l.Slot)))
		class := "tick"
		if l.Minor {
			class += " minor"
		}
		fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" text-anchor="middle">%s</text>`, class, x, num(plotT+plotH+17), esc(l.Top))
		if l.Bottom != "" {
			fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" text-anchor="middle">%s</text>`, class, x, num(plotT+plotH+35), esc(l.Bottom))
		}
	}
	fmt.Fprintf(&b, `<text class="axis-title" x="%s" y="%s" text-anchor="middle">%s</text>`, num(c.Left+c.plotW()/2), num(svgH-6), esc(c.XTitle))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func (c *chart) paintBand(b *strings.Builder) {
	for _, r := range c.Band {
		top, bottom := c.y(r.Hi), c.y(r.Lo)
		fmt.Fprintf(b, `<rect class="band" x="%s" y="%s" width="%s" height="%s"/>`,
			num(c.x(float64(r.Slot))-c.slotW()/2), num(top), num(c.slotW()), num(bottom-top))
	}
}

// paintSteps draws a threshold as level runs that step where it changes, as one path.
func (c *chart) paintSteps(b *strings.Builder, s steps) {
	var d strings.Builder
	var prev *float64
	for i, v := range s.Values {
		if v == nil {
			prev = nil
			continue
		}
		left, right, y := c.x(float64(i))-c.slotW()/2, c.x(float64(i))+c.slotW()/2, c.y(*v)
		if prev != nil {
			fmt.Fprintf(&d, "V%sH%s", num(y), num(right))
		} else {
			fmt.Fprintf(&d, "M%s %sH%s", num(left), num(y), num(right))
		}
		prev = v
	}
	if d.Len() > 0 {
		fmt.Fprintf(b, `<path class="%s" d="%s"/>`, s.Class, d.String())
	}
}

// paintValues draws the indicator's line, broken where a slot has no value, then a mark at
// each value: a dot, or for spc special cause a shape of its own.
func (c *chart) paintValues(b *strings.Builder) {
	var d strings.Builder
	for i, p := range c.Values {
		cmd := "L"
		if i == 0 || c.Values[i-1].Slot != p.Slot-1 {
			cmd = "M"
		}
		fmt.Fprintf(&d, "%s%s %s", cmd, num(c.x(float64(p.Slot))), num(c.y(p.V)))
	}
	if d.Len() > 0 {
		fmt.Fprintf(b, `<path class="series" d="%s"/>`, d.String())
	}
	for _, p := range c.Values {
		b.WriteString(mark(p.Kind, c.x(float64(p.Slot)), c.y(p.V)))
	}
}

// mark is a value's shape centred at (x, y).
func mark(kind string, x, y float64) string {
	r := markerR
	switch kind {
	case "special_cause_improvement":
		k := r * 1.9
		return fmt.Sprintf(`<path class="sc-improvement" d="M%s %sL%s %sL%s %sL%s %sZ"/>`,
			num(x), num(y-k), num(x+k), num(y), num(x), num(y+k), num(x-k), num(y))
	case "special_cause_concern":
		k := r * 1.4
		return fmt.Sprintf(`<rect class="sc-concern" x="%s" y="%s" width="%s" height="%s"/>`, num(x-k), num(y-k), num(2*k), num(2*k))
	case "special_cause_neutral_high", "special_cause_neutral_low":
		dir := -1.0
		if strings.HasSuffix(kind, "low") {
			dir = 1
		}
		return fmt.Sprintf(`<path class="sc-neutral" d="M%s %sL%s %sL%s %sZ"/>`,
			num(x), num(y+dir*r*1.8), num(x+r*1.6), num(y-dir*r*1.2), num(x-r*1.6), num(y-dir*r*1.2))
	}
	return fmt.Sprintf(`<circle class="dot" cx="%s" cy="%s" r="%s"/>`, num(x), num(y), num(r))
}

// legendSample is a small drawing of a legend item's mark, hidden from assistive technology
// (the label beside it says what it is).
func legendSample(kind string) template.HTML {
	w, h, cy := legendSampleW, legendSampleH, legendSampleCY
	var inner string
	switch kind {
	case "band":
		inner = fmt.Sprintf(`<rect class="band" x="0" y="2" width="%d" height="10"/><path class="band-edge" d="M0 2H%dM0 12H%d"/>`, w, w, w)
	case "projection":
		inner = fmt.Sprintf(`<g class="projection"><line x1="15" y1="1" x2="15" y2="13"/><circle cx="15" cy="%d" r="4.5"/></g>`, cy)
	case "series":
		inner = fmt.Sprintf(`<path class="series" d="M0 %dH%d"/>%s`, cy, w, mark("", 15, float64(cy)))
	case "special_cause_improvement", "special_cause_concern", "special_cause_neutral_high", "special_cause_neutral_low":
		inner = mark(kind, 15, float64(cy))
	default: // a line class: target, floor, mean, limit, trend
		inner = fmt.Sprintf(`<path class="%s" d="M0 %dH%d"/>`, kind, cy, w)
	}
	return template.HTML(fmt.Sprintf(`<svg class="sample" viewBox="0 0 %d %d" width="%d" height="%d" aria-hidden="true" focusable="false">%s</svg>`, w, h, w, h, inner))
}
