package pdf

import (
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

// layoutTable is a document table fitted to the page: its font size, whether its narrow
// columns use their short forms, and each column's width.
type layoutTable struct {
	t      *present.Table
	size   float64
	short  bool
	widths []float64
	width  float64
}

const cellPadY = 1.1

// fitTable sets t in the table font, or in the small font when it has narrow columns of
// short forms (a directorate's table), and gives each column a width from its content: no
// code, number or word is split, and what wraps is text between words.
func (d *doc) fitTable(t *present.Table) layoutTable {
	lt := layoutTable{t: t, size: d.st.Fonts.Table}
	for _, c := range t.Columns {
		if c.ShortHead != "" {
			lt.short, lt.size = true, d.st.Fonts.Small
		}
	}
	n := len(t.Columns)
	least, most := make([]float64, n), make([]float64, n)
	pad := 2*d.pdf.GetCellMargin() + 0.2
	wraps := make([]bool, n) // row heads of text, given any room to spare
	fit := func(i int, text string, breakable bool, extra float64) {
		for line := range strings.SplitSeq(text, "\n") {
			w := d.pdf.GetStringWidth(line) + pad + extra
			most[i] = max(most[i], w)
			if !breakable {
				least[i] = max(least[i], w)
				continue
			}
			for word := range strings.FieldsSeq(line) {
				least[i] = max(least[i], d.pdf.GetStringWidth(word)+pad+extra)
			}
		}
	}
	d.font("B", lt.size)
	for i, c := range t.Columns {
		fit(i, lt.head(c), true, 0)
	}
	for _, r := range t.Rows {
		if r.Group != "" {
			continue
		}
		style := ""
		if r.Total {
			style = "B"
		}
		d.font(style, lt.size)
		for i, c := range r.Cells {
			if i >= n {
				break
			}
			text, mark := lt.text(c)
			extra := 0.0
			if mark {
				extra = d.markRoom(lt.size)
			}
			fit(i, text, c.Kind == present.CellText || c.Kind == present.CellStatus && !(lt.short && c.Short != ""), extra)
			if i < t.RowHeads && c.Kind == present.CellText {
				wraps[i] = true
			}
			if c.Note != "" {
				// a qualifier is read whole: "(2 of 3 months)", "(2023/24 Q1)"
				fit(i, c.Note, false, 0)
			}
		}
	}
	lt.widths = make([]float64, n)
	var sumLeast, sumMost float64
	for i := range n {
		sumLeast += least[i]
		sumMost += most[i]
	}
	switch {
	case sumMost <= contentW:
		copy(lt.widths, most)
		// a table headed by names takes the page's width, the names the room left
		var spread float64
		for i := range n {
			if wraps[i] {
				spread += most[i]
			}
		}
		if spread > 0 {
			for i := range n {
				if wraps[i] {
					lt.widths[i] += (contentW - sumMost) * most[i] / spread
				}
			}
		}
	case sumLeast <= contentW:
		for i := range n {
			lt.widths[i] = least[i] + (contentW-sumLeast)*(most[i]-least[i])/(sumMost-sumLeast)
		}
	default:
		for i := range n {
			lt.widths[i] = least[i] * contentW / sumLeast
		}
	}
	for _, w := range lt.widths {
		lt.width += w
	}
	return lt
}

// head is a column's heading as this table shows it.
func (lt layoutTable) head(c present.Column) string {
	if lt.short && c.ShortHead != "" {
		return c.ShortHead
	}
	return c.Head
}

// text is a cell's text as this table shows it, and whether a mark is drawn before it.
func (lt layoutTable) text(c present.Cell) (string, bool) {
	if lt.short && c.Short != "" {
		return c.ShortLine(), c.Kind == present.CellStatus
	}
	return c.Line(), c.Kind == present.CellStatus
}

func (lt layoutTable) align(i int) string {
	c := lt.t.Columns[i]
	switch {
	case c.Numeric:
		return "R"
	case c.Centred:
		return "C"
	}
	return "L"
}

// table lays a table out row by row; a row that does not fit goes to the next page, and the
// heading row is repeated there.
func (d *doc) table(t *present.Table) {
	lt := d.fitTable(t)
	lh := lineH(lt.size)
	headH := d.headHeight(lt)
	// keep the heading with at least the first row
	first := 0.0
	if len(t.Rows) > 0 {
		first = d.rowHeight(lt, t.Rows[0])
	}
	d.ensure(headH + first)
	// Tagged as a Table of rows: the column headings TH with a column scope, each row's head
	// cells (t.RowHeads) TH with a row scope, a group's heading row one TH across the table,
	// the other cells TD. The heading row repeated on a later page is an artifact.
	d.tags.Begin(pdfpost.Table, pdfpost.Attr{})
	defer d.tags.End()
	d.group(pdfpost.TR, pdfpost.Attr{}, func() { d.tableHead(lt, headH, true) })
	for _, r := range t.Rows {
		h := d.rowHeight(lt, r)
		if d.room() < h {
			d.newPage()
			d.artifact(func() { d.tableHead(lt, headH, false) })
		}
		y := d.pdf.GetY()
		d.tags.Begin(pdfpost.TR, pdfpost.Attr{})
		if r.Group != "" {
			d.tags.Tag(pdfpost.TH, pdfpost.Attr{Scope: pdfpost.Row, ColSpan: len(lt.widths)}, func() {
				d.fillColour(d.st.Colours.Fill)
				d.rect(marginL, y, lt.width, h, "F")
				d.font("B", lt.size)
				d.textColour(d.st.Colours.Accent)
				d.pdf.SetXY(marginL, y+cellPadY)
				d.multiCell(lt.width, lh, r.Group)
			})
		} else {
			x := marginL
			for i, w := range lt.widths {
				if i < len(r.Cells) {
					role, a := pdfpost.TD, pdfpost.Attr{}
					if i < t.RowHeads {
						role, a.Scope = pdfpost.TH, pdfpost.Row
					}
					if c := r.Cells[i]; lt.short && c.Short != "" {
						// a narrow column's short form ("G") is read in full ("Green")
						a.ActualText = strings.TrimSpace(c.Line() + " " + c.Note)
					}
					if link, dest := d.linkTo(r.Cells[i].Link); link > 0 {
						// a cell that names an indicator goes to it: a Link in the cell,
						// one annotation a line
						d.tags.Begin(role, a)
						made := 0
						to := d.tags.Tag(pdfpost.Link, pdfpost.Attr{}, func() { made = d.drawCell(lt, r, i, x, y, link) })
						for range made {
							d.tags.AnnotOf(to, "Go to "+strings.TrimSpace(r.Cells[i].Text), dest)
						}
						d.tags.End()
					} else {
						d.tags.Tag(role, a, func() { d.drawCell(lt, r, i, x, y, 0) })
					}
				}
				x += w
			}
		}
		d.tags.End()
		d.artifact(func() {
			d.drawColour(d.st.Colours.Rule)
			d.lineWidth(0.15)
			d.line(marginL, y+h, marginL+lt.width, y+h)
		})
		d.pdf.SetXY(marginL, y+h)
	}
	d.textColour(d.st.Colours.Text)
	d.pdf.Ln(3)
}

func (d *doc) headHeight(lt layoutTable) float64 {
	d.font("B", lt.size)
	n := 1
	for i, c := range lt.t.Columns {
		n = max(n, len(d.wrap(lt.head(c), lt.widths[i])))
	}
	return float64(n)*lineH(lt.size) + 2*cellPadY
}

// tableHead draws the heading row. Tagged, each heading is a TH for its column (its full
// heading read for a short one), the shading and rule artifacts; untagged (a repeat, drawn
// inside an artifact) it only draws.
func (d *doc) tableHead(lt layoutTable, h float64, tagged bool) {
	decoration := func(draw func()) { draw() }
	th := func(_ present.Column, draw func()) { draw() }
	if tagged {
		decoration = d.artifact
		th = func(c present.Column, draw func()) {
			a := pdfpost.Attr{Scope: pdfpost.Column}
			if lt.head(c) != c.Head {
				a.ActualText = c.Head
			}
			d.tags.Tag(pdfpost.TH, a, draw)
		}
	}
	y := d.pdf.GetY()
	decoration(func() {
		d.fillColour(d.st.Colours.Fill)
		d.rect(marginL, y, lt.width, h, "F")
	})
	x := marginL
	lh := lineH(lt.size)
	for i, c := range lt.t.Columns {
		th(c, func() {
			d.font("B", lt.size)
			d.textColour(d.st.Colours.Text)
			for k, line := range d.wrap(lt.head(c), lt.widths[i]) {
				d.pdf.SetXY(x, y+cellPadY+float64(k)*lh)
				d.cell(lt.widths[i], lh, line, 0, lt.align(i))
			}
		})
		x += lt.widths[i]
	}
	decoration(func() {
		d.drawColour(d.st.Colours.Accent)
		d.lineWidth(0.3)
		d.line(marginL, y+h, marginL+lt.width, y+h)
	})
	d.pdf.SetXY(marginL, y+h)
}

// markRoom is the width a status mark takes before a cell's text.
func (d *doc) markRoom(size float64) float64 { return 1.2 + lineH(size)*0.55 + 0.4 }

// cellLines are a cell's lines in its column: its text wrapped beside its mark, then its
// note wrapped beneath.
func (d *doc) cellLines(lt layoutTable, r present.Row, i int) (text, note []string) {
	c := r.Cells[i]
	style := ""
	if r.Total {
		style = "B"
	}
	d.font(style, lt.size)
	known := d.measured(r, i)
	s, mark := lt.text(c)
	w := lt.widths[i]
	if mark {
		w -= d.markRoom(lt.size)
	}
	if known != nil {
		text = known.text
	} else {
		text = d.wrap(s, w)
	}
	if c.Note != "" {
		d.font("", lt.size)
		if known != nil {
			note = known.note
		} else {
			note = d.wrap(c.Note, lt.widths[i])
		}
	}
	return text, note
}

// wrappedCell is a cell's lines, as cellLines wraps them.
type wrappedCell struct{ text, note []string }

// measured is the lines of row r's i'th cell as rowHeight wrapped them, when r is the row it
// measured last (nil otherwise): drawing the row wraps each cell again in the same font and
// width, for the same lines.
func (d *doc) measured(r present.Row, i int) *wrappedCell {
	if len(r.Cells) == 0 || d.measuredRow != &r.Cells[0] || i >= len(d.measuredCells) {
		return nil
	}
	return &d.measuredCells[i]
}

func (d *doc) rowHeight(lt layoutTable, r present.Row) float64 {
	lh := lineH(lt.size)
	if r.Group != "" {
		d.font("B", lt.size)
		return float64(len(d.wrap(r.Group, lt.width)))*lh + 2*cellPadY
	}
	n := 1
	d.measuredRow, d.measuredCells = nil, d.measuredCells[:0]
	for i := range lt.widths {
		if i < len(r.Cells) {
			text, note := d.cellLines(lt, r, i)
			n = max(n, len(text)+len(note))
			d.measuredCells = append(d.measuredCells, wrappedCell{text, note})
		}
	}
	if len(r.Cells) > 0 {
		d.measuredRow = &r.Cells[0]
	}
	return float64(n)*lh + 2*cellPadY
}

// drawCell draws row r's i'th cell at x, y, its text (not its note) linked to fpdf's link
// when that is not 0, by one annotation over the text's lines; it returns how many link
// annotations it made.
func (d *doc) drawCell(lt layoutTable, r present.Row, i int, x, y float64, link int) (links int) {
	c := r.Cells[i]
	size := lt.size
	lh := lineH(size)
	text, note := d.cellLines(lt, r, i)
	style := ""
	if r.Total {
		style = "B"
	}
	d.textColour(d.st.Colours.Text)
	tx, w, align := x, lt.widths[i], lt.align(i)
	if c.Kind == present.CellStatus {
		ms := lh * 0.55
		if lt.short && c.Short != "" {
			// mark and letters centred together in the narrow column
			d.font(style, size)
			tw := d.pdf.GetStringWidth(text[0])
			start := x + (w-(ms+0.6+tw))/2
			d.mark(c.Status, start+ms/2, y+cellPadY+lh/2, ms)
			d.textColour(d.st.Colours.Text)
			d.pdf.SetXY(start+ms+0.6-d.pdf.GetCellMargin(), y+cellPadY)
			d.cell(tw+2*d.pdf.GetCellMargin(), lh, text[0], 0, "L")
			return d.linkOver(link, start, y+cellPadY, w-(start-x), lh)
		}
		d.mark(c.Status, x+1.2+ms/2, y+cellPadY+lh/2, ms)
		m := d.markRoom(size)
		tx, w, align = x+m-1.2, w-m+1.2, "L"
	}
	d.font(style, size)
	d.textColour(d.st.Colours.Text)
	for k, line := range text {
		d.pdf.SetXY(tx, y+cellPadY+float64(k)*lh)
		d.cell(w, lh, line, 0, align)
	}
	links = d.linkOver(link, tx, y+cellPadY, w, lh*float64(len(text)))
	if len(note) > 0 {
		d.font("", size)
		d.textColour(d.st.Colours.Muted)
		for k, line := range note {
			d.pdf.SetXY(x, y+cellPadY+float64(len(text)+k)*lh)
			d.cell(lt.widths[i], lh, line, 0, lt.align(i))
		}
		d.textColour(d.st.Colours.Text)
	}
	return links
}

// linkOver makes one link annotation to link over the rectangle at x, y, w by h mm, when
// link is set; it returns how many it made.
func (d *doc) linkOver(link int, x, y, w, h float64) int {
	if link == 0 {
		return 0
	}
	d.pdf.Link(x, y, w, h, link)
	return 1
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
