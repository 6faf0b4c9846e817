package pdf

import (
	"strconv"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

// entry is a line of the printed contents.
type entry struct {
	id, title string
	level     int
}

// entries are the contents' lines in document order: every entry but the minor ones (each
// indicator, bookmarked but not listed).
func (d *doc) entries() []entry {
	var out []entry
	var walk func([]present.Entry)
	walk = func(list []present.Entry) {
		for _, e := range list {
			if e.Minor {
				continue
			}
			out = append(out, entry{e.ID, e.Title, e.Level - 1})
			walk(e.Children)
		}
	}
	walk(d.doc.Contents)
	return out
}

func (d *doc) contents() {
	d.newPage()
	title := d.doc.ContentsTitle
	d.anchor(present.IDContents, title, 0)
	d.font("B", d.st.Fonts.Heading)
	d.textColour(d.st.Colours.Accent)
	d.tag(pdfpost.H1, func() { d.multiCell(contentW, lineH(d.st.Fonts.Heading), title) })
	d.pdf.Ln(4)
	d.tags.Begin(pdfpost.TOC, pdfpost.Attr{})
	defer d.tags.End()
	for _, e := range d.entries() {
		size, style, indent := d.st.Fonts.Body+0.5, "B", 0.0
		if e.level > 0 {
			size, style, indent = d.st.Fonts.Body, "", 6
		}
		lh := lineH(size) + 1.2
		if e.level == 0 {
			d.pdf.Ln(1.5)
		}
		d.ensure(lh)
		d.font(style, size)
		d.textColour(d.st.Colours.Text)
		link, dest := d.partLink(), d.destOf(e.id)
		y := d.pdf.GetY()
		numW := 14.0
		titleW := contentW - indent - numW
		lines := d.wrap(e.title, titleW)
		// Each entry is a TOCI holding a Link: its title now, its page number later.
		d.tags.Begin(pdfpost.TOCI, pdfpost.Attr{})
		to := d.tags.Begin(pdfpost.Link, pdfpost.Attr{})
		d.contentsLinks[e.id] = contentsLink{elem: to, title: e.title}
		for i, line := range lines {
			d.tags.Content(func() {
				d.pdf.SetXY(marginL+indent, y+float64(i)*lh)
				d.pdf.CellFormat(titleW, lh, line, "", 0, "L", false, link, "")
			})
			d.tags.Annot("Go to "+e.title, dest)
		}
		d.tags.End()
		d.tags.End()
		last := y + float64(len(lines)-1)*lh
		// dotted leader from the end of the title to the page number
		endX := marginL + indent + d.pdf.GetStringWidth(lines[len(lines)-1]) + 3
		d.artifact(func() {
			d.drawColour(d.st.Colours.Rule)
			d.lineWidth(0.3)
			d.pdf.SetDashPattern([]float64{0.3, 1.2}, 0)
			d.line(endX, last+lh*0.72, pageW-marginR-numW+2, last+lh*0.72)
			d.pdf.SetDashPattern(nil, 0)
		})
		d.numbers = append(d.numbers, pageNumber{id: e.id, page: d.pageNo(), x: pageW - marginR - numW, y: last,
			w: numW, h: lh, style: style, size: size, link: link})
		d.pdf.SetXY(marginL, last+lh)
	}
}

// contentsLink is a contents entry's Link element, which its page number joins.
type contentsLink struct {
	elem  *pdfpost.Elem
	title string
}

// pageNumber is the room left on a contents page for a section's page number.
type pageNumber struct {
	id         string
	page       int
	x, y, w, h float64
	style      string
	size       float64
	link       int
}

// contentsNumbers writes each section's page number into the room left for it on the
// contents pages.
func (d *doc) contentsNumbers() {
	for _, n := range d.numbers {
		page := "–"
		if at, ok := d.pageOf[n.id]; ok {
			page = strconv.Itoa(at)
		}
		d.pdf.SetPage(n.page)
		d.freshState()
		d.font(n.style, n.size)
		d.textColour(d.st.Colours.Text)
		to := d.contentsLinks[n.id]
		d.tags.ContentOf(to.elem, func() {
			d.pdf.SetXY(n.x, n.y)
			d.pdf.CellFormat(n.w, n.h, page, "", 0, "R", false, n.link, "")
		})
		d.tags.AnnotOf(to.elem, "Go to "+to.title, d.destOf(n.id))
	}
}
