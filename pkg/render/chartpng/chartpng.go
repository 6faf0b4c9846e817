// Package chartpng paints a present.Chart as a PNG picture, for formats that cannot hold
// vector drawings of their own (the Word edition). Like the PDF and SVG painters it decides
// nothing: it maps the description's slots and values to pixels and draws, in the colours and
// dash patterns the PDF uses, so a chart looks the same in every format. The picture is pure
// computation (no system fonts, no clock), so the same chart gives the same bytes.
package chartpng

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"strconv"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// The picture is laid out in millimetres, as the PDF's chart is, and drawn at PxPerMM.
const (
	// WidthMM and HeightMM are the picture's size on the page.
	WidthMM  = 170.0
	HeightMM = present.PaperChartH
	// PxPerMM gives about 150 dots per inch: sharp on screen and in print, and quick to encode
	// (a picture is most of the Word edition's cost).
	PxPerMM = 6.0

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

// Encode writes c as a PNG picture of WidthMM by HeightMM at PxPerMM.
func Encode(w io.Writer, c present.Chart, st templates.Style) error {
	var e Encoder
	return e.Encode(w, c, st)
}

// An Encoder writes chart pictures one after another, keeping what one picture needs for the
// next: the canvas, the palette's tables, the font faces and the PNG compressor, which
// together cost more to make and clear than to draw a chart. The pictures are the bytes
// Encode gives. An Encoder is for one goroutine at a time; the zero value is ready to use.
type Encoder struct {
	cv  *canvas
	pal palette
	png pngWriter
}

// Encode writes c as a PNG picture of WidthMM by HeightMM at PxPerMM.
func (e *Encoder) Encode(w io.Writer, c present.Chart, st templates.Style) error {
	if e.cv == nil {
		f, err := goFont()
		if err != nil {
			return fmt.Errorf("chart picture: the built-in font: %w", err)
		}
		e.cv = newCanvas(f)
	}
	e.cv.paint(c, st)
	out := e.pal.of(e.cv.img, &e.cv.drawn)
	return e.png.encode(w, out, e.pal.kept, e.pal.adler(out.Bounds().Dx()))
}

// Paint draws c on a white picture.
func Paint(c present.Chart, st templates.Style) (*image.RGBA, error) {
	f, err := goFont()
	if err != nil {
		return nil, fmt.Errorf("chart picture: the built-in font: %w", err)
	}
	cv := newCanvas(f)
	cv.paint(c, st)
	return cv.img, nil
}

func newCanvas(f *opentype.Font) *canvas {
	img := image.NewRGBA(image.Rect(0, 0, int(WidthMM*PxPerMM), int(HeightMM*PxPerMM)))
	white := make([]byte, len(img.Pix[:img.Stride]))
	for i := range white {
		white[i] = 0xff
	}
	return &canvas{img: img, font: f, faces: map[float64]*glyphCache{}, drawn: newDrawnBlocks(img.Bounds()),
		whiteRow: white, uniforms: map[templates.Colour]*image.Uniform{}}
}

// paint draws c on the canvas, made white first where the last chart drew.
func (cv *canvas) paint(c present.Chart, st templates.Style) {
	for y := range cv.img.Bounds().Dy() {
		row := cv.img.Pix[y*cv.img.Stride:]
		for _, s := range cv.drawn.spans(y) {
			copy(row[4*s[0]:4*s[1]], cv.whiteRow)
		}
	}
	cv.drawn.clear()
	cv.st = st
	cv.chart(c)
}

// canvas draws in millimetres on img, marking in drawn where it draws.
type canvas struct {
	img      *image.RGBA
	drawn    drawnBlocks
	whiteRow []byte // a row of white pixels
	st       templates.Style
	font     *opentype.Font
	faces    map[float64]*glyphCache
	z        vector.Rasterizer
	uniforms map[templates.Colour]*image.Uniform
	pts      []float64
}

func rgba(c templates.Colour) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// uniform is c as a source to draw with, made once a canvas (a colour in an interface is
// an allocation, and a chart draws a few hundred marks in a few colours).
func (cv *canvas) uniform(c templates.Colour) *image.Uniform {
	u, ok := cv.uniforms[c]
	if !ok {
		u = image.NewUniform(rgba(c))
		cv.uniforms[c] = u
	}
	return u
}

// frame maps slots and values to millimetres.
type frame struct {
	left, top, w, h float64
	slots           int
	lo, hi          float64
}

func (f frame) x(i float64) float64 { return f.left + (i+0.5)*f.w/float64(f.slots) }
func (f frame) y(v float64) float64 {
	if f.hi == f.lo {
		return f.top + f.h/2
	}
	return f.top + f.h - (v-f.lo)/(f.hi-f.lo)*f.h
}
func (f frame) slotW() float64 { return f.w / float64(f.slots) }

func (cv *canvas) chart(ch present.Chart) {
	col := cv.st.Colours
	small := cv.st.Fonts.Small
	if ch.Empty {
		cv.text(0, 4, ch.EmptyText, small, col.Muted, alignLeft)
		return
	}
	f := frame{left: plotLeft, top: plotTop, w: WidthMM - plotLeft - plotRight, h: plotH,
		slots: max(ch.Slots, 1), lo: ch.Axis.Min, hi: ch.Axis.Max}
	cv.text(0, 3.5, ch.YTitle, small, col.Muted, alignLeft)
	for _, t := range ch.Axis.Ticks {
		y := f.y(t.Value)
		cv.line(f.left, y, f.left+f.w, y, 0.1, col.Rule, nil)
		cv.text(plotLeft-1.5, y+1, t.Label, small, col.Muted, alignRight)
	}
	for _, b := range ch.Band {
		top, bottom := f.y(b.Upper), f.y(b.Lower)
		x := f.x(float64(b.Slot)) - f.slotW()/2
		cv.fill(col.Band, x, top, x+f.slotW(), top, x+f.slotW(), bottom, x, bottom)
	}
	for _, s := range ch.Steps {
		colour, dash, width := cv.stepStyle(s.Kind)
		for _, l := range s.Levels {
			x := f.x(float64(l.Slot))
			cv.line(x-f.slotW()/2, f.y(l.Value), x+f.slotW()/2, f.y(l.Value), width, colour, dash)
			if l.Join {
				cv.line(x-f.slotW()/2, f.y(l.From), x-f.slotW()/2, f.y(l.Value), width, colour, dash)
			}
		}
	}
	for _, s := range ch.SPC {
		x0, x1 := f.x(float64(s.FirstSlot))-f.slotW()/2, f.x(float64(s.LastSlot))+f.slotW()/2
		cv.line(x0, f.y(s.Mean), x1, f.y(s.Mean), 0.35, col.Grey, nil)
		if s.Lower != nil && s.Upper != nil {
			cv.line(x0, f.y(*s.Lower), x1, f.y(*s.Lower), 0.35, col.Grey, dashLimit)
			cv.line(x0, f.y(*s.Upper), x1, f.y(*s.Upper), 0.35, col.Grey, dashLimit)
		}
	}
	if t := ch.TrendLine; t != nil {
		cv.line(f.x(t.X0), f.y(t.Y0), f.x(t.X1), f.y(t.Y1), 0.35, col.Muted, dashTrend)
	}
	for _, line := range ch.Lines {
		for i := 1; i < len(line); i++ {
			cv.line(f.x(line[i-1].Slot), f.y(line[i-1].Value), f.x(line[i].Slot), f.y(line[i].Value), 0.6, col.Accent, nil)
		}
	}
	for _, pt := range ch.Points {
		cv.mark(pt.Mark, f.x(pt.Slot), f.y(pt.Value))
	}
	cv.projection(ch.Projection, f)
	// each event: a dotted line at its period, its number above the plot (as the PDF's)
	for _, e := range ch.Events {
		x := f.x(e.Slot)
		cv.line(x, f.top, x, f.top+f.h, 0.2, col.Muted, []float64{0.6, 0.8})
		cv.text(x, f.top-0.8, strconv.Itoa(e.Number), small, col.Text, alignCentre)
	}
	cv.line(f.left, f.top, f.left, f.top+f.h, 0.25, col.Muted, nil)
	cv.line(f.left, f.top+f.h, f.left+f.w, f.top+f.h, 0.25, col.Muted, nil)

	lh := lineH(small)
	for _, l := range ch.ThinLabels(int(math.Ceil(11 / f.slotW()))) {
		x := f.x(float64(l.Slot))
		cv.text(x, f.top+f.h+0.8+lh*0.75, l.Top, small, col.Muted, alignCentre)
		cv.text(x, f.top+f.h+0.8+lh*1.75, l.Bottom, small, col.Muted, alignCentre)
	}
	cv.text(f.left+f.w/2, f.top+f.h+1+2.75*lh, ch.XTitle, small, col.Muted, alignCentre)
	cv.legend(ch.Legend, f.top+f.h+2+3*lh)
}

func (cv *canvas) stepStyle(k present.StepKind) (templates.Colour, []float64, float64) {
	return present.PaperStepStyle(cv.st, k)
}

func (cv *canvas) projection(pr *present.ProjectionMark, f frame) {
	if pr == nil {
		return
	}
	accent := cv.st.Colours.Accent
	x := f.x(float64(pr.Slot))
	cv.line(x, f.y(pr.Lower), x, f.y(pr.Upper), 0.35, accent, nil)
	for _, end := range []struct {
		v       float64
		clipped bool
		dir     float64
	}{{pr.Lower, pr.LowerClipped, 1}, {pr.Upper, pr.UpperClipped, -1}} {
		y := f.y(end.v)
		if end.clipped {
			cv.fill(accent, x, y+end.dir*0.4, x-1.1, y-end.dir*1.6, x+1.1, y-end.dir*1.6)
			continue
		}
		cv.line(x-1, y, x+1, y, 0.35, accent, nil)
	}
	if !pr.ValueClipped {
		r := markerSize * 0.6
		cv.circle(x, f.y(pr.Value), r+0.2, accent)
		cv.circle(x, f.y(pr.Value), r-0.2, templates.White)
	}
}

// mark is a value's dot, or for SPC special cause a larger shape of its own.
func (cv *canvas) mark(m present.Mark, x, y float64) {
	c := cv.st.Colours
	r := markerSize / 2
	switch m {
	case present.MarkImprovement:
		cv.fill(c.Activity, x, y-r*1.9, x+r*1.9, y, x, y+r*1.9, x-r*1.9, y)
	case present.MarkConcern:
		k := r * 1.4
		cv.fill(c.Amber, x-k, y-k, x+k, y-k, x+k, y+k, x-k, y+k)
	case present.MarkNeutralHigh, present.MarkNeutralLow:
		dir := -1.0
		if m == present.MarkNeutralLow {
			dir = 1
		}
		cv.fill(c.Grey, x, y+dir*r*1.8, x+r*1.6, y-dir*r*1.2, x-r*1.6, y-dir*r*1.2)
	default:
		cv.circle(x, y, r, c.Accent)
	}
}

// legend lays its entries out left to right from the plot's left edge, wrapping when a row
// is full, as the PDF's does.
func (cv *canvas) legend(items []present.LegendEntry, top float64) {
	small := cv.st.Fonts.Small
	lh := lineH(small) + 0.6
	x, y := plotLeft, top
	for _, it := range items {
		w := 8 + cv.textWidth(it.Label, small) + 5
		if x+w > WidthMM-plotRight && x > plotLeft {
			x, y = plotLeft, y+lh
		}
		cv.sample(it, x, y+lh/2)
		cv.text(x+7, y+lh*0.72, it.Label, small, cv.st.Colours.Text, alignLeft)
		x += w
	}
}

func (cv *canvas) sample(e present.LegendEntry, x, cy float64) {
	c := cv.st.Colours
	line := func(colour templates.Colour, dash []float64) { cv.line(x, cy, x+6, cy, 0.5, colour, dash) }
	switch e.Kind {
	case present.LegendValue:
		line(c.Accent, nil)
		cv.mark(present.MarkDot, x+3, cy)
	case present.LegendBand:
		cv.fill(c.Band, x, cy-1.3, x+6, cy-1.3, x+6, cy+1.3, x, cy+1.3)
		cv.line(x, cy-1.3, x+6, cy-1.3, 0.3, c.Activity, dashLimit)
		cv.line(x, cy+1.3, x+6, cy+1.3, 0.3, c.Activity, dashLimit)
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
		cv.mark(e.Mark, x+3, cy)
	case present.LegendProjection:
		cv.line(x+3, cy-1.5, x+3, cy+1.5, 0.35, c.Accent, nil)
		r := markerSize * 0.6
		cv.circle(x+3, cy, r+0.2, c.Accent)
		cv.circle(x+3, cy, r-0.2, templates.White)
	}
}

// fill fills the polygon through the points (x0, y0, x1, y1, ...) in millimetres. Only the
// polygon's bounding box is rasterized: a chart has hundreds of small marks.
func (cv *canvas) fill(c templates.Colour, pts ...float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := 0; i+1 < len(pts); i += 2 {
		minX, maxX = math.Min(minX, pts[i]*PxPerMM), math.Max(maxX, pts[i]*PxPerMM)
		minY, maxY = math.Min(minY, pts[i+1]*PxPerMM), math.Max(maxY, pts[i+1]*PxPerMM)
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(cv.img.Bounds())
	if box.Empty() {
		return
	}
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	cv.z.Reset(box.Dx(), box.Dy())
	cv.z.DrawOp = draw.Over
	cv.z.MoveTo(float32(pts[0]*PxPerMM-ox), float32(pts[1]*PxPerMM-oy))
	for i := 2; i+1 < len(pts); i += 2 {
		cv.z.LineTo(float32(pts[i]*PxPerMM-ox), float32(pts[i+1]*PxPerMM-oy))
	}
	cv.z.ClosePath()
	cv.z.Draw(cv.img, box, cv.uniform(c), image.Point{})
	cv.drawn.mark(box)
}

func (cv *canvas) circle(x, y, r float64, c templates.Colour) {
	const n = 32
	pts := cv.pts[:0]
	for i := range n {
		a := 2 * math.Pi * float64(i) / n
		pts = append(pts, x+r*math.Cos(a), y+r*math.Sin(a))
	}
	cv.pts = pts
	cv.fill(c, pts...)
}

// line strokes from (x0, y0) to (x1, y1), width wide, dashed by the pattern (on, off, ...)
// when one is given.
func (cv *canvas) line(x0, y0, x1, y1, width float64, c templates.Colour, dash []float64) {
	length := math.Hypot(x1-x0, y1-y0)
	if length == 0 {
		return
	}
	if len(dash) == 0 {
		cv.segment(x0, y0, x1, y1, width, c)
		return
	}
	ux, uy := (x1-x0)/length, (y1-y0)/length
	for pos, i := 0.0, 0; pos < length; i++ {
		run := dash[i%len(dash)]
		end := math.Min(pos+run, length)
		if i%2 == 0 {
			cv.segment(x0+ux*pos, y0+uy*pos, x0+ux*end, y0+uy*end, width, c)
		}
		pos = end
	}
}

// segment is a stroke as a filled rectangle; at least a pixel wide so hairlines show.
func (cv *canvas) segment(x0, y0, x1, y1, width float64, c templates.Colour) {
	length := math.Hypot(x1-x0, y1-y0)
	if length == 0 {
		return
	}
	h := math.Max(width, 1/PxPerMM) / 2
	nx, ny := -(y1-y0)/length*h, (x1-x0)/length*h
	cv.fill(c, x0+nx, y0+ny, x1+nx, y1+ny, x1-nx, y1-ny, x0-nx, y0-ny)
}

type align int

const (
	alignLeft align = iota
	alignCentre
	alignRight
)

// text draws s with its baseline at y (millimetres), size in points.
func (cv *canvas) text(x, y float64, s string, size float64, c templates.Colour, a align) {
	if s == "" {
		return
	}
	face := cv.faceAt(size)
	d := font.Drawer{Dst: cv.img, Src: cv.uniform(c), Face: face}
	w := float64(d.MeasureString(s)) / 64 / PxPerMM
	switch a {
	case alignCentre:
		x -= w / 2
	case alignRight:
		x -= w
	}
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(x * PxPerMM * 64)), Y: fixed.Int26_6(math.Round(y * PxPerMM * 64))}
	d.DrawString(s)
}

func (cv *canvas) textWidth(s string, size float64) float64 {
	d := font.Drawer{Face: cv.faceAt(size)}
	return float64(d.MeasureString(s)) / 64 / PxPerMM
}

// lineH is the line height in millimetres for a font size in points, as the PDF's.
func lineH(size float64) float64 { return size * 0.3528 * 1.35 }

// goFont is the embedded Go Regular, parsed once; an sfnt font may be shared, a face not.
var goFont = sync.OnceValues(func() (*opentype.Font, error) { return opentype.Parse(goregular.TTF) })

// faceAt is Go Regular at size points on this picture's scale, one face per size and canvas
// (a font.Face keeps caches and is not safe for concurrent use).
func (cv *canvas) faceAt(size float64) *glyphCache {
	if f, ok := cv.faces[size]; ok {
		return f
	}
	f, _ := opentype.NewFace(cv.font, &opentype.FaceOptions{Size: size * 0.3528 * PxPerMM, DPI: 72, Hinting: font.HintingNone})
	cached := newGlyphCache(f)
	cached.drawn = &cv.drawn
	cv.faces[size] = cached
	return cached
}
