package pdf

// key explains every mark and word the report uses, and how the direction of travel is
// worked out, in the wording of key.tmpl.
func (d *doc) key() {
	p := d.pdf
	p.AddPage()
	d.heading(idKey, d.title(idKey), 0)
	groups := []struct {
		title   string
		entries []string
	}{
		{"Ratings of key performance indicators (KPIs)", []string{"green", "amber", "red", "not_rated", "no_data"}},
		{"Activity indicators (compared with an expected range, not rated)", []string{"above", "within", "below"}},
		{"Direction of travel", []string{"improving", "stable", "worsening", "rising", "falling", "insufficient"}},
	}
	size := d.st.Fonts.Body
	lh := lineH(size)
	for _, g := range groups {
		d.subtitle(g.title)
		for _, e := range g.entries {
			text, ok := d.fromTemplate(d.t.Key(e, d.r.Trend))
			if !ok {
				return
			}
			d.font("", size)
			lines := d.wrap(text, contentW-10)
			d.ensure(float64(len(lines))*lh + 1.5)
			y := p.GetY()
			d.mark(e, marginL+3, y+lh/2, lh*0.6)
			d.textColour(d.st.Colours.Text)
			p.SetXY(marginL+8, y)
			p.MultiCell(contentW-8, lh, text, "", "L", false)
			p.Ln(1.5)
		}
		p.Ln(2)
	}
	d.subtitle("How the direction of travel is worked out")
	for _, e := range []string{"method", "values", "stale", "partial"} {
		text, ok := d.fromTemplate(d.t.Key(e, d.r.Trend))
		if !ok {
			return
		}
		d.paragraphs(text, "", size)
		if e == "method" {
			d.subtitle("How values are shown")
		}
	}
}

// subtitle is a minor heading that is not in the contents.
func (d *doc) subtitle(text string) {
	size := d.st.Fonts.Body + 1
	d.ensure(lineH(size)*2 + 12)
	d.font("B", size)
	d.textColour(d.st.Colours.Accent)
	d.pdf.MultiCell(contentW, lineH(size), text, "", "L", false)
	d.pdf.Ln(1.5)
	d.textColour(d.st.Colours.Text)
}
