package pdf

import (
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/pdf/pdfpost"
	"github.com/example/qpr/pkg/report"
)

func (d *doc) directorates() {
	for i := range d.r.Directorates {
		d.directorate(&d.r.Directorates[i])
		if d.err != nil {
			return
		}
	}
}

func (d *doc) directorate(dir *report.Directorate) {
	d.pdf.AddPage()
	d.heading(directoratePx+dir.Code, dir.Name, 0)
	text, ok := d.fromTemplate(d.t.DirectorateNarrative(dir))
	if !ok {
		return
	}
	d.textColour(d.st.Colours.Text)
	d.paragraphs(text, "", d.st.Fonts.Body)
	list := present.IndicatorsOf(d.r, dir.Code)
	if len(list) == 0 {
		d.paragraphs(present.NoIndicatorsText, "I", d.st.Fonts.Body)
		return
	}
	d.directorateTables(list)
	for _, in := range list {
		d.indicator(in)
		if d.err != nil {
			return
		}
	}
}

// directorateTables lists the directorate's KPIs, then its activity indicators in a table
// of their own whose expected range has its own heading.
func (d *doc) directorateTables(list []*report.Indicator) {
	var kpis, activity []*report.Indicator
	for _, in := range list {
		if present.IsActivity(in) {
			activity = append(activity, in)
		} else {
			kpis = append(kpis, in)
		}
	}
	if len(kpis) > 0 {
		d.directorateTable(kpis, false)
	}
	if len(activity) > 0 {
		d.directorateTable(activity, true)
	}
}

func (d *doc) directorateTable(list []*report.Indicator, activity bool) {
	prev := present.EarlierPeriods(d.r)
	if len(prev) > 4 {
		prev = prev[len(prev)-4:]
	}
	prevW := 9.0
	cols := []column{
		{head: "Code", w: 10, align: "L"},
		{head: "Indicator", w: 0, align: "L"},
		{head: "Value", w: 18, align: "R"},
		{head: present.BasisHeading, w: 9.5, align: "C", tight: true},
	}
	if activity {
		cols[1].head = "Activity indicator"
		cols = append(cols, column{head: present.ExpectedHeading, w: 34, align: "R"})
	} else {
		cols = append(cols, column{head: present.TargetHeading, w: 16, align: "R"}, column{head: present.FloorHeading, w: 16, align: "R"})
	}
	cols = append(cols, column{head: present.StatusHeading(activity), w: 18, align: "L"}, column{head: "Direction", w: 20, align: "L"})
	for _, p := range prev {
		y, q := present.ShortLines(p)
		cols = append(cols, column{head: y + "\n" + q, w: prevW, align: "C", tight: true})
	}
	used := 0.0
	for _, c := range cols {
		used += c.w
	}
	cols[1].w = contentW - used
	t := table{size: d.st.Fonts.Small, cols: cols}
	var rows []row
	for _, in := range list {
		value := present.Value(in).Text
		if q := present.ValueQualifier(in); q != "" {
			value += "\n" + q
		}
		cells := []cell{{text: in.Code}, {text: in.Name}, {text: value}, {text: present.Basis(in)}}
		for _, th := range present.ThresholdCells(in) {
			cells = append(cells, cell{text: th})
		}
		status, dir := present.StatusOf(in), present.DirectionOf(in)
		cells = append(cells, cell{status: status, text: status.Word()}, cell{status: dir, text: dir.Word()})
		for _, p := range prev {
			c := present.HistoryCell(d.r, in, p)
			cells = append(cells, cell{status: c.Status, short: true, note: c.ShortNote()})
		}
		rows = append(rows, row{cells: cells})
	}
	d.table(t, rows)
}

// indicator is one indicator's page block: heading, status line, chart, trend, projection
// and commentary.
func (d *doc) indicator(in *report.Indicator) {
	p := d.pdf
	size := d.st.Fonts.Body
	lh := lineH(size)
	head := in.Code + "  " + in.Name
	d.font("B", d.st.Fonts.Subheading)
	headLines := d.wrap(head, contentW)
	d.ensure(float64(len(headLines))*lineH(d.st.Fonts.Subheading) + 3*lh + chartH + 10)
	p.Ln(2)
	d.artifact(func() {
		d.drawColour(d.st.Colours.Rule)
		p.SetLineWidth(0.2)
		p.Line(marginL, p.GetY(), pageW-marginR, p.GetY())
	})
	p.Ln(2)
	p.Bookmark(in.Code+" "+in.Name, 1, -1)
	d.textColour(d.st.Colours.Accent)
	d.font("B", d.st.Fonts.Subheading)
	d.tag(pdfpost.H2, func() { p.MultiCell(contentW, lineH(d.st.Fonts.Subheading), head, "", "L", false) })
	p.Ln(0.5)

	// status line: rating and direction as marks and words
	y := p.GetY()
	status, dir := present.StatusOf(in), present.DirectionOf(in)
	d.font("B", size)
	d.tag(pdfpost.P, func() {
		x := marginL
		x += d.label(present.StatusLabel(in)+": ", x, y, lh)
		x += d.badge(status, status.Word(), x, y, lh, true) + 4
		x += d.label(present.DirectionHeading+": ", x, y, lh)
		d.badge(dir, dir.Word(), x, y, lh, true)
	})
	p.SetXY(marginL, y+lh)
	d.font("", size)
	d.textColour(d.st.Colours.Text)
	d.tag(pdfpost.P, func() { p.MultiCell(contentW, lh, present.FactsLine(in), "", "L", false) })
	if in.Description != "" {
		d.font("I", size-0.5)
		d.textColour(d.st.Colours.Muted)
		d.tag(pdfpost.P, func() { p.MultiCell(contentW, lineH(size-0.5), in.Description, "", "L", false) })
	}
	p.Ln(1.5)
	d.chart(in)
	d.textColour(d.st.Colours.Text)
	if in.Trend != nil && in.Trend.Sentence != "" {
		d.labelled(present.DirectionHeading, in.Trend.Sentence)
	}
	if s := present.ProjectionSentence(in); s != "" {
		d.labelled(present.ProjectionHeading, s)
	}
	if in.Commentary != nil {
		if in.Commentary.Context != "" {
			d.labelled(present.ContextHeading, in.Commentary.Context)
		}
		if in.Commentary.Actions != "" {
			d.labelled(present.ActionsHeading, in.Commentary.Actions)
		}
	}
	p.Ln(2)
}

// label writes muted text inline and returns its width.
func (d *doc) label(text string, x, y, lh float64) float64 {
	d.font("", d.st.Fonts.Body)
	d.textColour(d.st.Colours.Muted)
	w := d.pdf.GetStringWidth(text) + 2*d.pdf.GetCellMargin()
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, lh, text, "", 0, "L", false, 0, "")
	return w - d.pdf.GetCellMargin()
}

// labelled writes a bold run-in label, the heading of an indicator's part, and its
// paragraphs.
func (d *doc) labelled(label, text string) {
	size := d.st.Fonts.Body
	lh := lineH(size)
	d.ensure(lh * 2)
	d.font("B", size)
	d.textColour(d.st.Colours.Text)
	d.tag(pdfpost.H3, func() { d.pdf.CellFormat(contentW, lh, label, "", 1, "L", false, 0, "") })
	d.paragraphs(text, "", size)
}
