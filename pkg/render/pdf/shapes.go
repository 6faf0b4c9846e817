package pdf

import (
	"fmt"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// mark draws a status's shape (present.Status.Shape) centred at (cx, cy), size mm across,
// so that a rating never depends on colour.
func (d *doc) mark(status present.Status, cx, cy, size float64) {
	c := status.Colour(d.st)
	key := stampKey{kind: "status", shape: int(status.Shape()), colour: c, size: size}
	// Every shape keeps within 1.3 times its half-size of the centre, plus its stroke.
	d.stamp(key, cx, cy, size*0.65+0.5, func(cx, cy float64) { d.drawMark(status, cx, cy, size) })
}

// drawMark draws what mark places.
func (d *doc) drawMark(status present.Status, cx, cy, size float64) {
	c := status.Colour(d.st)
	d.fillColour(c)
	d.drawColour(c)
	d.lineWidth(0.3)
	h := size / 2
	pt := func(x, y float64) fpdf.PointType { return fpdf.PointType{X: cx + x, Y: cy + y} }
	switch status.Shape() {
	case present.ShapeCircle:
		d.circle(cx, cy, h, "F")
	case present.ShapeDiamond:
		d.pdf.Polygon([]fpdf.PointType{pt(0, -h*1.15), pt(h*1.15, 0), pt(0, h*1.15), pt(-h*1.15, 0)}, "F")
	case present.ShapeSquare:
		d.rect(cx-h*0.9, cy-h*0.9, h*1.8, h*1.8, "F")
	case present.ShapeHollowCircle:
		d.lineWidth(0.35)
		d.circle(cx, cy, h*0.85, "D")
	case present.ShapeTriangleUp:
		d.pdf.Polygon([]fpdf.PointType{pt(0, -h), pt(h, h*0.8), pt(-h, h*0.8)}, "F")
	case present.ShapeTriangleDown:
		d.pdf.Polygon([]fpdf.PointType{pt(0, h), pt(h, -h*0.8), pt(-h, -h*0.8)}, "F")
	case present.ShapeBar:
		d.pdf.RoundedRect(cx-h, cy-h*0.45, 2*h, h*0.9, h*0.3, "1234", "F")
	case present.ShapeArrowUp:
		d.arrow(cx, cy, h*1.25, -1)
	case present.ShapeArrowDown:
		d.arrow(cx, cy, h*1.25, 1)
	case present.ShapeArrowBoth:
		d.sideArrow(cx, cy, h*1.3)
	case present.ShapeDash:
		d.rect(cx-h, cy-0.45, 2*h, 0.9, "F")
	default: // too few values, and anything a newer engine adds: a short dash
		d.rect(cx-h*0.6, cy-0.35, 1.2*h, 0.7, "F")
	}
}

// arrow is a vertical arrow, pointing up for dir -1 and down for dir 1.
func (d *doc) arrow(cx, cy, h, dir float64) {
	d.lineWidth(h * 0.35)
	d.line(cx, cy-dir*h, cx, cy+dir*h*0.2)
	head := []fpdf.PointType{{X: cx, Y: cy + dir*h}, {X: cx - h*0.7, Y: cy + dir*h*0.1}, {X: cx + h*0.7, Y: cy + dir*h*0.1}}
	d.pdf.Polygon(head, "F")
}

// sideArrow is a horizontal double-headed arrow: no clear change.
func (d *doc) sideArrow(cx, cy, h float64) {
	d.lineWidth(h * 0.3)
	d.line(cx-h*0.4, cy, cx+h*0.4, cy)
	d.pdf.Polygon([]fpdf.PointType{{X: cx - h, Y: cy}, {X: cx - h*0.3, Y: cy - h*0.55}, {X: cx - h*0.3, Y: cy + h*0.55}}, "F")
	d.pdf.Polygon([]fpdf.PointType{{X: cx + h, Y: cy}, {X: cx + h*0.3, Y: cy - h*0.55}, {X: cx + h*0.3, Y: cy + h*0.55}}, "F")
}

// badge draws a status mark followed by its word at (x, y) on a line of height lh, and
// returns the width used.
func (d *doc) badge(status present.Status, word string, x, y, lh float64, bold bool) float64 {
	size := lh * 0.55
	d.mark(status, x+size/2, y+lh/2, size)
	style := ""
	if bold {
		style = "B"
	}
	pt, _ := d.pdf.GetFontSize()
	d.font(style, pt)
	d.textColour(d.st.Colours.Text)
	d.pdf.SetXY(x+size+0.6, y)
	w := d.pdf.GetStringWidth(word) + 2*d.pdf.GetCellMargin()
	d.cell(w, lh, word, 0, "L")
	return size + 0.6 + w
}

// stampKey names one drawing of a mark: its kind and shape, colour and size.
type stampKey struct {
	kind   string
	shape  int
	colour templates.Colour
	size   float64
}

// stampTemplate is a mark drawn once, as a PDF form XObject, under a short name of its own:
// fpdf would name it by the SHA-1 of its content, 40 characters on every use.
type stampTemplate struct {
	fpdf.Template
	id string
	// part is the document whose resources hold the template (fpdf's first use put it there).
	part *fpdf.Fpdf
}

func (s stampTemplate) ID() string { return s.id }

// stamp draws the mark key at (cx, cy), drawn by draw (centred on the point it is given) and
// reaching at most reach mm from its centre. The first use draws it into a template (a form
// XObject); every use places the template, so that a mark costs its page one short line
// instead of its curves. Marks were nearly half of a large report's page content, which fpdf
// holds uncompressed until the document is written. A template starts from the page's
// graphics state and restores it after, so every mark sets what it draws with, and the page's
// colours and line width are left as they were.
func (d *doc) stamp(key stampKey, cx, cy, reach float64, draw func(cx, cy float64)) {
	side := 2 * reach
	t, ok := d.stamps[key]
	if !ok {
		page := d.pdf
		tpl := page.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: side, Ht: side}, func(tpl *fpdf.Tpl) {
			d.pdf = &tpl.Fpdf
			defer func() { d.pdf = page }()
			draw(reach, reach)
			if err := tpl.Error(); err != nil && d.err == nil {
				d.err = fmt.Errorf("pdf: drawing a mark: %w", err)
			}
		})
		t = stampTemplate{tpl, "m" + strconv.Itoa(len(d.stamps)), nil}
		d.pdf.UseTemplateScaled(t, fpdf.PointType{X: cx - reach, Y: cy - reach}, fpdf.SizeType{Wd: side, Ht: side})
		t.part = d.pdf
		d.stamps[key] = t
		return
	}
	d.place(t, cx-reach, cy-reach, side)
}
