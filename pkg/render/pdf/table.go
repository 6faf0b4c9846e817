package pdf

import (
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

// column is a table column; head may hold "\n" for a two-line heading, and headStatus
// puts a status mark before the heading (a counts table's Green column, say).
type column struct {
	head       string
	w          float64
	align      string // L, C or R
	headStatus present.Status
	tight      bool // narrow column: almost no side padding
}

// cell is one table cell: text, or a status drawn as its mark and word (short for the
// narrow columns of earlier quarters, with note after the abbreviation).
type cell struct {
	text   string
	status present.Status
	short  bool
	note   string
	bold   bool
}

// row is a table row, or a group heading spanning the table when group is set.
type row struct {
	cells []cell
	group string
}

type table struct {
	cols []column
	size float64
}

const cellPadY = 1.1

func (t table) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.w
	}
	return w
}

// draw lays the table out row by row; a row that does not fit goes to the next page, and
// the heading row is repeated there.
func (d *doc) table(t table, rows []row) {
	lh := lineH(t.size)
	headH := d.headHeight(t)
	// keep the heading with at least the first row
	first := 0.0
	if len(rows) > 0 {
		first = d.rowHeight(t, rows[0])
	}
	d.ensure(headH + first)
	// Tagged as a Table of rows: column headings are TH with a column scope, each row's first
	// cell (a code, a name, a status counted) a TH with a row scope, a group's heading row a
	// TH across the table. The heading row repeated on a later page is an artifact.
	d.tags.Begin(pdfpost.Table, pdfpost.Attr{})
	defer d.tags.End()
	d.group(pdfpost.TR, pdfpost.Attr{}, func() { d.tableHead(t, headH, true) })
	for _, r := range rows {
		h := d.rowHeight(t, r)
		if d.room() < h {
			d.pdf.AddPage()
			d.artifact(func() { d.tableHead(t, headH, false) })
		}
		y := d.pdf.GetY()
		d.tags.Begin(pdfpost.TR, pdfpost.Attr{})
		if r.group != "" {
			d.tags.Tag(pdfpost.TH, pdfpost.Attr{Scope: pdfpost.Row, ColSpan: len(t.cols)}, func() {
				d.fillColour(d.st.Colours.Fill)
				d.pdf.Rect(marginL, y, t.width(), h, "F")
				d.font("B", t.size)
				d.textColour(d.st.Colours.Accent)
				d.pdf.SetXY(marginL, y+cellPadY)
				d.pdf.MultiCell(t.width(), lh, r.group, "", "L", false)
			})
		} else {
			x := marginL
			for i, c := range t.cols {
				if i < len(r.cells) {
					role, a := pdfpost.TD, pdfpost.Attr{}
					if i == 0 {
						role, a.Scope = pdfpost.TH, pdfpost.Row
					}
					if cl := r.cells[i]; cl.status != "" && cl.short {
						a.ActualText = cl.status.Word() + cl.note
					}
					d.tags.Tag(role, a, func() { d.drawCell(r.cells[i], c, x, y, t.size) })
				}
				x += c.w
			}
		}
		d.tags.End()
		d.artifact(func() {
			d.drawColour(d.st.Colours.Rule)
			d.pdf.SetLineWidth(0.15)
			d.pdf.Line(marginL, y+h, marginL+t.width(), y+h)
		})
		d.pdf.SetXY(marginL, y+h)
	}
	d.textColour(d.st.Colours.Text)
	d.pdf.Ln(3)
}

func (d *doc) headHeight(t table) float64 {
	d.font("B", t.size)
	n := 1
	for _, c := range t.cols {
		restore := d.tighten(c)
		if k := len(d.wrap(c.head, c.w-d.markRoom(c.headStatus, t.size))); k > n {
			n = k
		}
		restore()
	}
	return float64(n)*lineH(t.size) + 2*cellPadY
}

// tableHead draws the heading row; tagged, each heading is a TH for its column, the shading
// and rule artifacts; otherwise (a repeat, inside an artifact) it only draws.
func (d *doc) tableHead(t table, h float64, tagged bool) {
	mark := func(draw func()) { draw() }
	th := func(draw func()) { draw() }
	if tagged {
		mark = d.artifact
		th = func(draw func()) { d.tags.Tag(pdfpost.TH, pdfpost.Attr{Scope: pdfpost.Column}, draw) }
	}
	y := d.pdf.GetY()
	mark(func() {
		d.fillColour(d.st.Colours.Fill)
		d.pdf.Rect(marginL, y, t.width(), h, "F")
	})
	x := marginL
	lh := lineH(t.size)
	for _, c := range t.cols {
		th(func() {
			d.font("B", t.size)
			d.textColour(d.st.Colours.Text)
			tx, w := x, c.w
			if c.headStatus != "" {
				m := d.markRoom(c.headStatus, t.size)
				d.mark(c.headStatus, x+1.2+lh*0.275, y+cellPadY+lh/2, lh*0.55)
				tx, w = x+m, c.w-m
			}
			d.textColour(d.st.Colours.Text)
			restore := d.tighten(c)
			for i, line := range d.wrap(c.head, w) {
				d.pdf.SetXY(tx, y+cellPadY+float64(i)*lh)
				d.pdf.CellFormat(w, lh, line, "", 0, c.align, false, 0, "")
			}
			restore()
		})
		x += c.w
	}
	mark(func() {
		d.drawColour(d.st.Colours.Accent)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(marginL, y+h, marginL+t.width(), y+h)
	})
	d.pdf.SetXY(marginL, y+h)
}

// tighten narrows a tight column's cell padding, returning how to put it back.
func (d *doc) tighten(c column) func() {
	if !c.tight {
		return func() {}
	}
	old := d.pdf.GetCellMargin()
	d.pdf.SetCellMargin(0.2)
	return func() { d.pdf.SetCellMargin(old) }
}

// markRoom is the width a status mark takes before a cell's text.
func (d *doc) markRoom(status present.Status, size float64) float64 {
	if status == "" {
		return 0
	}
	return 1.2 + lineH(size)*0.55 + 0.4
}

func (d *doc) cellLines(c cell, col column, size float64) []string {
	style := ""
	if c.bold {
		style = "B"
	}
	d.font(style, size)
	if c.status != "" {
		if c.short {
			return []string{c.status.Short() + c.note}
		}
		return d.wrap(c.text, col.w-d.markRoom(c.status, size))
	}
	return d.wrap(c.text, col.w)
}

func (d *doc) rowHeight(t table, r row) float64 {
	lh := lineH(t.size)
	if r.group != "" {
		d.font("B", t.size)
		return float64(len(d.wrap(r.group, t.width())))*lh + 2*cellPadY
	}
	n := 1
	for i, c := range t.cols {
		if i < len(r.cells) {
			if k := len(d.cellLines(r.cells[i], c, t.size)); k > n {
				n = k
			}
		}
	}
	return float64(n)*lh + 2*cellPadY
}

func (d *doc) drawCell(c cell, col column, x, y, size float64) {
	lh := lineH(size)
	lines := d.cellLines(c, col, size)
	d.textColour(d.st.Colours.Text)
	tx, w, align := x, col.w, col.align
	if c.status != "" {
		ms := lh * 0.55
		if c.short {
			// mark and letters centred together in the narrow column
			d.font("", size)
			tw := d.pdf.GetStringWidth(lines[0])
			start := x + (col.w-(ms+0.6+tw))/2
			d.mark(c.status, start+ms/2, y+cellPadY+lh/2, ms)
			d.textColour(d.st.Colours.Text)
			d.pdf.SetXY(start+ms+0.6-d.pdf.GetCellMargin(), y+cellPadY)
			d.pdf.CellFormat(tw+2*d.pdf.GetCellMargin(), lh, lines[0], "", 0, "L", false, 0, "")
			return
		}
		d.mark(c.status, x+1.2+ms/2, y+cellPadY+lh/2, ms)
		m := d.markRoom(c.status, size)
		tx, w, align = x+m-1.2, col.w-m+1.2, "L"
	}
	d.textColour(d.st.Colours.Text)
	for i, line := range lines {
		d.pdf.SetXY(tx, y+cellPadY+float64(i)*lh)
		d.pdf.CellFormat(w, lh, line, "", 0, align, false, 0, "")
	}
}

// wrap splits text into lines that fit w mm in the current font, honouring "\n".
func (d *doc) wrap(text string, w float64) []string {
	if text == "" {
		return []string{""}
	}
	var out []string
	for _, part := range strings.Split(text, "\n") {
		lines := d.pdf.SplitText(part, w)
		if len(lines) == 0 {
			lines = []string{""}
		}
		out = append(out, lines...)
	}
	return out
}
