package pdf

import (
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
)

// key explains every mark, word and abbreviation the report uses, and how the direction of
// travel is worked out, in the wording of key.tmpl.
func (d *doc) key() {
	p := d.pdf
	p.AddPage()
	d.heading(idKey, d.title(idKey), 0)
	data := present.KeyDataOf(d.r)
	size := d.st.Fonts.Body
	lh := lineH(size)
	for _, g := range present.KeyGroups {
		d.subtitle(g.Title)
		for _, e := range g.Statuses {
			text, ok := d.fromTemplate(d.t.Key(string(e), data))
			if !ok {
				return
			}
			d.font("", size)
			lines := d.wrap(text, contentW-10)
			d.ensure(float64(len(lines))*lh + 1.5)
			y := p.GetY()
			// the entry's words name its status, so the mark beside them is decoration
			d.artifact(func() { d.mark(e, marginL+3, y+lh/2, lh*0.6) })
			d.textColour(d.st.Colours.Text)
			p.SetXY(marginL+8, y)
			d.tag(pdfpost.P, func() { p.MultiCell(contentW-8, lh, text, "", "L", false) })
			p.Ln(0.8) // tight enough that the key, a page of reference, stays on one page
		}
		p.Ln(1)
	}
	for _, n := range present.KeyNotes {
		d.subtitle(n.Title)
		for _, e := range n.Entries {
			text, ok := d.fromTemplate(d.t.Key(e, data))
			if !ok {
				return
			}
			d.paragraphs(text, "", size)
		}
	}
}

// subtitle is a minor heading that is not in the contents, under a part's heading.
func (d *doc) subtitle(text string) {
	size := d.st.Fonts.Body + 1
	d.ensure(lineH(size)*2 + 12)
	d.font("B", size)
	d.textColour(d.st.Colours.Accent)
	d.tag(pdfpost.H2, func() { d.pdf.MultiCell(contentW, lineH(size), text, "", "L", false) })
	d.pdf.Ln(1.5)
	d.textColour(d.st.Colours.Text)
}
