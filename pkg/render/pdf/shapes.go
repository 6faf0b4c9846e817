package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"github.com/example/qpr/pkg/present"
)

// mark draws a status's shape (present.Status.Shape) centred at (cx, cy), size mm across,
// so that a rating never depends on colour.
func (d *doc) mark(status present.Status, cx, cy, size float64) {
	p := d.pdf
	c := status.Colour(d.st)
	d.fillColour(c)
	d.drawColour(c)
	p.SetLineWidth(0.3)
	h := size / 2
	pt := func(x, y float64) fpdf.PointType { return fpdf.PointType{X: cx + x, Y: cy + y} }
	switch status.Shape() {
	case present.ShapeCircle:
		p.Circle(cx, cy, h, "F")
	case present.ShapeDiamond:
		p.Polygon([]fpdf.PointType{pt(0, -h*1.15), pt(h*1.15, 0), pt(0, h*1.15), pt(-h*1.15, 0)}, "F")
	case present.ShapeSquare:
		p.Rect(cx-h*0.9, cy-h*0.9, h*1.8, h*1.8, "F")
	case present.ShapeHollowCircle:
		p.SetLineWidth(0.35)
		p.Circle(cx, cy, h*0.85, "D")
	case present.ShapeTriangleUp:
		p.Polygon([]fpdf.PointType{pt(0, -h), pt(h, h*0.8), pt(-h, h*0.8)}, "F")
	case present.ShapeTriangleDown:
		p.Polygon([]fpdf.PointType{pt(0, h), pt(h, -h*0.8), pt(-h, -h*0.8)}, "F")
	case present.ShapeBar:
		p.RoundedRect(cx-h, cy-h*0.45, 2*h, h*0.9, h*0.3, "1234", "F")
	case present.ShapeArrowUp:
		d.arrow(cx, cy, h*1.25, -1)
	case present.ShapeArrowDown:
		d.arrow(cx, cy, h*1.25, 1)
	case present.ShapeArrowBoth:
		d.sideArrow(cx, cy, h*1.3)
	case present.ShapeDash:
		p.Rect(cx-h, cy-0.45, 2*h, 0.9, "F")
	default: // too few values, and anything a newer engine adds: a short dash
		p.Rect(cx-h*0.6, cy-0.35, 1.2*h, 0.7, "F")
	}
}

// arrow is a vertical arrow, pointing up for dir -1 and down for dir 1.
func (d *doc) arrow(cx, cy, h, dir float64) {
	p := d.pdf
	p.SetLineWidth(h * 0.35)
	p.Line(cx, cy-dir*h, cx, cy+dir*h*0.2)
	head := []fpdf.PointType{{X: cx, Y: cy + dir*h}, {X: cx - h*0.7, Y: cy + dir*h*0.1}, {X: cx + h*0.7, Y: cy + dir*h*0.1}}
	p.Polygon(head, "F")
}

// sideArrow is a horizontal double-headed arrow: no clear change.
func (d *doc) sideArrow(cx, cy, h float64) {
	p := d.pdf
	p.SetLineWidth(h * 0.3)
	p.Line(cx-h*0.4, cy, cx+h*0.4, cy)
	p.Polygon([]fpdf.PointType{{X: cx - h, Y: cy}, {X: cx - h*0.3, Y: cy - h*0.55}, {X: cx - h*0.3, Y: cy + h*0.55}}, "F")
	p.Polygon([]fpdf.PointType{{X: cx + h, Y: cy}, {X: cx + h*0.3, Y: cy - h*0.55}, {X: cx + h*0.3, Y: cy + h*0.55}}, "F")
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
	d.pdf.CellFormat(w, lh, word, "", 0, "L", false, 0, "")
	return size + 0.6 + w
}
