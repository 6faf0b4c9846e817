package pdf

import (
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

// section paints a section of the document and its parts, each kind and level in its look:
// a report part starts a page under a large heading; its sections have subheadings in the
// contents, or minor titles (the key's groups) when they are not; an indicator is a block
// kept with its chart; an item of a list (a red KPI) is set off by its mark; an indicator's
// parts are run-in labels over their paragraphs.
func (d *doc) section(s *present.Section) {
	switch {
	case s.Level <= 1:
		if s.NewPage {
			d.newPage()
		}
		d.heading(s.ID, s.Title(), 0)
		d.body(s)
	case s.Kind == present.KindIndicator:
		d.indicator(s)
	case s.Kind == present.KindItem:
		d.item(s)
	case s.Level == 2 && s.Outline:
		d.heading(s.ID, s.Title(), 1)
		d.body(s)
	case s.Level == 2:
		d.subtitle(s.Title())
		d.body(s)
	default:
		d.labelled(s)
	}
}

// body paints a section's blocks, then its parts.
func (d *doc) body(s *present.Section) {
	for b := range s.Blocks() {
		d.block(b)
		if d.err != nil {
			return
		}
	}
	for p := range s.Parts() {
		d.section(p)
		if d.err != nil {
			return
		}
	}
}

func (d *doc) block(b present.Block) {
	switch b := b.(type) {
	case *present.Paragraph:
		d.paragraph(b)
	case *present.List:
		d.list(b)
	case *present.StatusLine:
		d.statusLine(b)
	case *present.Notes:
		d.notes(b)
	case *present.Figure:
		// Kept whole: an indicator's lead is measured with its chart, but a figure in a part
		// (a comparator group's) starts wherever the text before it ends.
		d.ensure(d.blockHeight(b))
		// the whole chart, labels and legend included, is one Figure described in words
		title, alt := b.Alt()
		if title != "" {
			alt = title + ". " + alt
		}
		d.tags.Tag(pdfpost.Figure, pdfpost.Attr{Alt: alt}, func() { d.chart(b.Chart) })
	case *present.Table:
		d.table(b)
	}
}

// paraLook is a paragraph role's font style, size, colour and the space after it.
func (d *doc) paraLook(r present.Role) (style string, size float64, muted bool, after float64) {
	size = d.st.Fonts.Body
	switch r {
	case present.RoleFacts:
		return "", size, false, 0
	case present.RoleDescription:
		return "I", size - 0.5, true, 0
	case present.RoleAbsent:
		return "I", size, true, lineH(size) * 0.5
	case present.RoleLabel:
		return "B", size, false, 0
	}
	return "", size, false, lineH(size) * 0.5
}

// paraLines are p's lines at the current indent, wrapped once while an indicator or item
// is measured and drawn.
func (d *doc) paraLines(p *present.Paragraph) []string {
	if lines, ok := d.wrapped[p]; ok {
		return lines
	}
	style, size, _, _ := d.paraLook(p.Role)
	d.font(style, size)
	lines := d.wrap(printable(p.Text), contentW-d.indent)
	if d.wrapped != nil {
		d.wrapped[p] = lines
	}
	return lines
}

// paragraphHeight is the height p takes at the current indent, its space after included.
func (d *doc) paragraphHeight(p *present.Paragraph) float64 {
	_, size, _, after := d.paraLook(p.Role)
	return float64(len(d.paraLines(p)))*lineH(size) + after
}

// keepWhole is the tallest paragraph moved whole to the next page rather than split: a
// longer one would leave too much of a page empty.
const keepWhole = (pageH - marginTop - marginBottom) * 0.4

// paragraph writes p whole on this page when it fits, else at the top of the next: a
// sentence is never split across pages unless its paragraph is longer than keepWhole.
func (d *doc) paragraph(p *present.Paragraph) {
	style, size, muted, after := d.paraLook(p.Role)
	lines := d.paraLines(p)
	lh := lineH(size)
	if h := float64(len(lines)) * lh; h <= keepWhole {
		d.ensure(h)
	}
	d.font(style, size)
	d.textColour(d.st.Colours.Text)
	if muted {
		d.textColour(d.st.Colours.Muted)
	}
	d.tag(pdfpost.P, func() {
		for _, line := range lines {
			d.pdf.SetX(marginL + d.indent)
			d.cell(contentW-d.indent, lh, line, 2, "L")
		}
	})
	d.pdf.Ln(after)
	d.textColour(d.st.Colours.Text)
}

// list writes each item after its mark, tight enough that the key, a page of reference,
// stays on one page.
func (d *doc) list(l *present.List) {
	size := d.st.Fonts.Body
	lh := lineH(size)
	// Each item's words name its status, so the mark beside them is decoration.
	d.tags.Begin(pdfpost.L, pdfpost.Attr{})
	defer d.tags.End()
	for _, it := range l.Items {
		text := printable(it.Text)
		d.font("", size)
		lines := d.wrap(text, contentW-d.indent-10)
		d.ensure(float64(len(lines))*lh + 1.5)
		y := d.pdf.GetY()
		x := marginL + d.indent
		if it.Mark != "" {
			d.artifact(func() { d.mark(it.Mark, x+3, y+lh/2, lh*0.6) })
		}
		d.textColour(d.st.Colours.Text)
		d.pdf.SetXY(x+8, y)
		d.group(pdfpost.LI, pdfpost.Attr{}, func() {
			d.tag(pdfpost.LBody, func() { d.multiCell(contentW-d.indent-8, lh, text) })
		})
		d.pdf.Ln(0.8)
	}
	d.pdf.Ln(1)
}

// statusLine writes an indicator's statuses as labelled marks and words on one line.
func (d *doc) statusLine(s *present.StatusLine) {
	size := d.st.Fonts.Body
	lh := lineH(size)
	y := d.pdf.GetY()
	x := marginL + d.indent
	d.tag(pdfpost.P, func() {
		for i, it := range s.Items {
			if i > 0 {
				x += 4
			}
			x += d.label(it.Label+": ", x, y, lh)
			d.font("B", size)
			x += d.badge(it.Status, it.Status.Word(), x, y, lh, true)
		}
	})
	d.pdf.SetXY(marginL, y+lh)
}

func (d *doc) statusLineHeight() float64 { return lineH(d.st.Fonts.Body) }

// notes writes footnotes small, each after its mark.
func (d *doc) notes(n *present.Notes) {
	size := d.st.Fonts.Small
	lh := lineH(size)
	d.pdf.Ln(1)
	for _, it := range n.Items {
		text := printable(it.Text)
		if it.Mark != "" {
			text = it.Mark + " " + text
		}
		d.font("", size)
		d.ensure(float64(len(d.wrap(text, contentW-d.indent))) * lh)
		d.textColour(d.st.Colours.Muted)
		d.pdf.SetX(marginL + d.indent)
		d.tag(pdfpost.P, func() { d.multiCell(contentW-d.indent, lh, text) })
	}
	d.textColour(d.st.Colours.Text)
	d.pdf.Ln(1)
}

func (d *doc) notesHeight(n *present.Notes) float64 {
	size := d.st.Fonts.Small
	d.font("", size)
	h := 2.0
	for _, it := range n.Items {
		h += float64(len(d.wrap(it.Mark+" "+printable(it.Text), contentW-d.indent))) * lineH(size)
	}
	return h
}

// blockHeight is the height b takes, for keeping blocks together; a table is not kept
// with anything and counts nothing.
func (d *doc) blockHeight(b present.Block) float64 {
	switch b := b.(type) {
	case *present.Paragraph:
		return d.paragraphHeight(b)
	case *present.StatusLine:
		return d.statusLineHeight()
	case *present.Notes:
		return d.notesHeight(b)
	case *present.Figure:
		return chartH + 1.5
	}
	return 0
}

// indicator is one indicator's block: a rule, its heading, statuses, facts and chart kept
// together on one page, then its parts, each kept with its first paragraph.
func (d *doc) indicator(s *present.Section) {
	d.wrapped = map[*present.Paragraph][]string{}
	defer func() { d.wrapped = nil }()
	blocks := s.BlockList()
	head := s.Code + "  " + s.Heading
	d.font("B", d.st.Fonts.Subheading)
	lead := 4.5 + float64(len(d.wrap(head, contentW)))*lineH(d.st.Fonts.Subheading)
	for _, b := range blocks {
		lead += d.blockHeight(b)
	}
	d.ensure(lead)
	d.pdf.Ln(2)
	d.artifact(func() {
		d.drawColour(d.st.Colours.Rule)
		d.lineWidth(0.2)
		d.line(marginL, d.pdf.GetY(), pageW-marginR, d.pdf.GetY())
	})
	d.pdf.Ln(2)
	d.anchor(s.ID, s.Title(), 1)
	d.textColour(d.st.Colours.Accent)
	d.font("B", d.st.Fonts.Subheading)
	d.tag(pdfpost.Heading(s.Level), func() { d.multiCell(contentW, lineH(d.st.Fonts.Subheading), head) })
	d.pdf.Ln(0.5)
	for i, b := range blocks {
		if _, ok := b.(*present.Figure); ok && i > 0 {
			d.pdf.Ln(1.5)
		}
		d.block(b)
	}
	d.textColour(d.st.Colours.Text)
	for part := range s.Parts() {
		d.section(part)
	}
	d.pdf.Ln(2)
}

// item is an entry of a list of indicators: its mark beside a bold heading, and its
// paragraphs indented under it, kept together where they fit.
func (d *doc) item(s *present.Section) {
	size := d.st.Fonts.Body
	lh := lineH(size)
	const indent = 6.0
	blocks := s.BlockList()
	d.indent = indent
	d.wrapped = map[*present.Paragraph][]string{}
	defer func() { d.indent, d.wrapped = 0, nil }()
	d.font("B", size)
	head := s.Code + "  " + s.Heading
	h := float64(len(d.wrap(head, contentW-indent)))*lh + 3
	for _, b := range blocks {
		h += d.blockHeight(b)
	}
	if h <= keepWhole {
		d.ensure(h)
	}
	y := d.pdf.GetY()
	if s.Mark != "" {
		d.artifact(func() { d.mark(s.Mark, marginL+2.5, y+lh/2, lh*0.6) })
	}
	d.pdf.SetXY(marginL+indent, y)
	d.font("B", size)
	d.textColour(d.st.Colours.Text)
	d.tag(pdfpost.Heading(s.Level), func() { d.multiCell(contentW-indent, lh, head) })
	for _, b := range blocks {
		d.block(b)
	}
	d.textColour(d.st.Colours.Text)
	d.pdf.Ln(1)
}

// label writes muted text inline and returns its width.
func (d *doc) label(text string, x, y, lh float64) float64 {
	d.font("", d.st.Fonts.Body)
	d.textColour(d.st.Colours.Muted)
	w := d.pdf.GetStringWidth(text) + 2*d.pdf.GetCellMargin()
	d.pdf.SetXY(x, y)
	d.cell(w, lh, text, 0, "L")
	return w - d.pdf.GetCellMargin()
}

// labelled writes a part under a bold run-in label, the label kept with its first
// paragraph.
func (d *doc) labelled(s *present.Section) {
	size := d.st.Fonts.Body
	lh := lineH(size)
	blocks := s.BlockList()
	first := 0.0
	if len(blocks) > 0 {
		first = d.blockHeight(blocks[0])
		if _, ok := blocks[0].(*present.Paragraph); ok && len(blocks) > 1 {
			if f, ok := blocks[1].(*present.Figure); ok && lh+first+d.blockHeight(f) <= keepWhole {
				first += d.blockHeight(f) // the label stays with its sentence, and that with its chart
			}
		}
	}
	if lh+first <= keepWhole {
		d.ensure(lh + first)
	}
	d.font("B", size)
	d.textColour(d.st.Colours.Text)
	d.pdf.SetX(marginL + d.indent)
	d.tag(pdfpost.Heading(s.Level), func() { d.pdf.CellFormat(contentW-d.indent, lh, s.Title(), "", 1, "L", false, 0, "") })
	for i, b := range blocks {
		d.keepWithFigure(s, blocks, i)
		d.block(b)
	}
	for part := range s.Parts() {
		d.section(part)
	}
}

// keepWithFigure starts a new page before blocks[i], a paragraph introducing the figure
// after it (a comparator group's sentence before its chart), unless both fit here: the
// figure is kept whole, and its sentence must not be left behind on the page before.
func (d *doc) keepWithFigure(s *present.Section, blocks []present.Block, i int) {
	if !present.LeadsToFigure(s, blocks, i) {
		return
	}
	if p, ok := blocks[i].(*present.Paragraph); ok && i+1 < len(blocks) {
		if h := d.paragraphHeight(p) + d.blockHeight(blocks[i+1]); h <= keepWhole {
			d.ensure(h)
		}
	}
}

// subtitle is a minor heading that is not in the contents.
func (d *doc) subtitle(text string) {
	size := d.st.Fonts.Body + 1
	d.ensure(lineH(size)*2 + 12)
	d.font("B", size)
	d.textColour(d.st.Colours.Accent)
	d.tag(pdfpost.H2, func() { d.multiCell(contentW, lineH(size), text) })
	d.pdf.Ln(1.5)
	d.textColour(d.st.Colours.Text)
}
