package pdf

import (
	"strconv"

	"github.com/example/qpr/pkg/present"
)

// entry is a line of the contents.
type entry struct {
	id, title string
	level     int
}

const (
	idKey         = "key"
	idSummary     = "summary"
	idCounts      = "summary-counts"
	idByDir       = "summary-directorates"
	idGrid        = "summary-history"
	idRed         = "summary-red"
	idStale       = "summary-stale"
	directoratePx = "dir-"
)

// entries lists the contents in document order; the sections' headings use the same ids
// and titles.
func (d *doc) entries() []entry {
	es := []entry{
		{idKey, present.KeyTitle, 0},
		{idSummary, present.SummaryTitle, 0},
		{idCounts, present.CountsTitle, 1},
		{idByDir, present.ByDirectorateTitle, 1},
		{idGrid, present.GridTitle, 1},
	}
	if len(present.RedKPIs(d.r)) > 0 {
		es = append(es, entry{idRed, present.RedTitle, 1})
	}
	if len(present.StaleOrPartial(d.r)) > 0 {
		es = append(es, entry{idStale, present.StaleTitle, 1})
	}
	for _, dir := range d.r.Directorates {
		es = append(es, entry{directoratePx + dir.Code, dir.Name, 0})
	}
	return es
}

func (d *doc) title(id string) string {
	for _, e := range d.entries() {
		if e.id == id {
			return e.title
		}
	}
	return id
}

func (d *doc) contents() {
	p := d.pdf
	p.AddPage()
	d.section("contents", "Contents", 0)
	d.font("B", d.st.Fonts.Heading)
	d.textColour(d.st.Colours.Accent)
	p.MultiCell(contentW, lineH(d.st.Fonts.Heading), "Contents", "", "L", false)
	p.Ln(4)
	for _, e := range d.entries() {
		size, style, indent := d.st.Fonts.Body+0.5, "B", 0.0
		if e.level > 0 {
			size, style, indent = d.st.Fonts.Body, "", 6
		}
		lh := lineH(size) + 1.2
		if e.level == 0 {
			p.Ln(1.5)
		}
		d.ensure(lh)
		d.font(style, size)
		d.textColour(d.st.Colours.Text)
		page := "–"
		if n, ok := d.known[e.id]; ok {
			page = strconv.Itoa(n)
		}
		link := p.AddLink()
		d.links[e.id] = link
		y := p.GetY()
		numW := 14.0
		titleW := contentW - indent - numW
		lines := d.wrap(e.title, titleW)
		for i, line := range lines {
			p.SetXY(marginL+indent, y+float64(i)*lh)
			p.CellFormat(titleW, lh, line, "", 0, "L", false, link, "")
		}
		last := y + float64(len(lines)-1)*lh
		// dotted leader from the end of the title to the page number
		endX := marginL + indent + p.GetStringWidth(lines[len(lines)-1]) + 3
		d.drawColour(d.st.Colours.Rule)
		p.SetLineWidth(0.3)
		p.SetDashPattern([]float64{0.3, 1.2}, 0)
		p.Line(endX, last+lh*0.72, pageW-marginR-numW+2, last+lh*0.72)
		p.SetDashPattern(nil, 0)
		p.SetXY(pageW-marginR-numW, last)
		p.CellFormat(numW, lh, page, "", 0, "R", false, link, "")
		p.SetXY(marginL, last+lh)
	}
}
