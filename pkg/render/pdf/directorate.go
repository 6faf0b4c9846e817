package pdf

import (
	"fmt"

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

// previousPeriods are the history quarters before the report quarter, oldest first.
func (d *doc) previousPeriods() []string {
	var out []string
	for _, p := range d.r.HistoryPeriods {
		if p != d.r.Period {
			out = append(out, p)
		}
	}
	if len(out) > 4 {
		out = out[len(out)-4:]
	}
	return out
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
	list := d.indicatorsOf(dir.Code)
	if len(list) == 0 {
		d.paragraphs("This pack has no indicators from this directorate.", "I", d.st.Fonts.Body)
		return
	}
	d.directorateTable(list)
	for _, in := range list {
		d.indicator(in)
		if d.err != nil {
			return
		}
	}
}

func (d *doc) directorateTable(list []*report.Indicator) {
	prev := d.previousPeriods()
	prevW := 9.0
	cols := []column{
		{head: "Code", w: 11, align: "L"},
		{head: "Indicator", w: 0, align: "L"},
		{head: "Value", w: 19, align: "R"},
		{head: "Target", w: 17, align: "R"},
		{head: "Floor", w: 17, align: "R"},
		{head: "Rating", w: 18, align: "L"},
		{head: "Direction", w: 21, align: "L"},
	}
	for _, p := range prev {
		q, y := shortQuarter(p)
		cols = append(cols, column{head: q + "\n" + y, w: prevW, align: "C", tight: true})
	}
	used := 0.0
	for _, c := range cols {
		used += c.w
	}
	cols[1].w = contentW - used
	t := table{size: d.st.Fonts.Small, cols: cols}
	var rows []row
	for _, in := range list {
		status := ragOrActivity(in.RAG, in.Activity)
		dir := "insufficient"
		if in.Trend != nil && in.Trend.Direction != "" {
			dir = in.Trend.Direction
		}
		value := indicatorValue(in)
		if in.Stale {
			value += "\n(" + deref(in.ValuePeriod, "earlier") + ")"
		} else if in.Partial {
			value += "\n(part qtr)"
		}
		target, floor := threshold(in.Target, in.Unit, in.Decimals), threshold(in.Floor, in.Unit, in.Decimals)
		if in.Type == "activity" {
			target, floor = "Range", ""
			if in.Expected != nil {
				target = threshold(in.Expected.Lower, in.Unit, in.Decimals) + " to"
				floor = threshold(in.Expected.Upper, in.Unit, in.Decimals)
			}
		}
		cells := []cell{
			{text: in.Code},
			{text: in.Name},
			{text: value},
			{text: target},
			{text: floor},
			{status: status, text: statusWord(status)},
			{status: dir, text: statusWord(dir)},
		}
		for _, p := range prev {
			cells = append(cells, cell{status: historyStatus(in, p), short: true})
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
	d.drawColour(d.st.Colours.Rule)
	p.SetLineWidth(0.2)
	p.Line(marginL, p.GetY(), pageW-marginR, p.GetY())
	p.Ln(2)
	p.Bookmark(in.Code+" "+in.Name, 1, -1)
	d.textColour(d.st.Colours.Accent)
	d.font("B", d.st.Fonts.Subheading)
	p.MultiCell(contentW, lineH(d.st.Fonts.Subheading), head, "", "L", false)
	p.Ln(0.5)

	// status line: rating and direction as marks and words
	y := p.GetY()
	status := ragOrActivity(in.RAG, in.Activity)
	d.font("B", size)
	x := marginL
	label := "Rating: "
	if in.Type == "activity" {
		label = "Activity: "
	}
	x += d.label(label, x, y, lh)
	x += d.badge(status, statusWord(status), x, y, lh, true) + 4
	dir := "insufficient"
	if in.Trend != nil && in.Trend.Direction != "" {
		dir = in.Trend.Direction
	}
	x += d.label("Direction of travel: ", x, y, lh)
	d.badge(dir, statusWord(dir), x, y, lh, true)
	p.SetXY(marginL, y+lh)
	d.font("", size)
	d.textColour(d.st.Colours.Text)
	p.MultiCell(contentW, lh, d.factsLine(in), "", "L", false)
	if in.Description != "" {
		d.font("I", size-0.5)
		d.textColour(d.st.Colours.Muted)
		p.MultiCell(contentW, lineH(size-0.5), in.Description, "", "L", false)
	}
	p.Ln(1.5)
	d.chart(in)
	d.textColour(d.st.Colours.Text)
	if in.Trend != nil && in.Trend.Sentence != "" {
		d.labelled("Direction of travel", in.Trend.Sentence)
	}
	if in.Projection != nil {
		d.labelled("Projection", projectionSentence(in)+" "+in.Projection.Note)
	} else if in.ProjectionWithheld != nil {
		d.labelled("Projection", in.ProjectionWithheld.Sentence)
	}
	if in.Commentary != nil {
		if in.Commentary.Context != "" {
			d.labelled("Context", in.Commentary.Context)
		}
		if in.Commentary.Actions != "" {
			d.labelled("Management action", in.Commentary.Actions)
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

// labelled writes a bold run-in label and its paragraphs.
func (d *doc) labelled(label, text string) {
	size := d.st.Fonts.Body
	lh := lineH(size)
	d.ensure(lh * 2)
	d.font("B", size)
	d.textColour(d.st.Colours.Text)
	d.pdf.CellFormat(contentW, lh, label, "", 1, "L", false, 0, "")
	d.paragraphs(text, "", size)
}

// factsLine is "Value 82% (2023/24 Q2) · Target 85% · Floor 75%".
func (d *doc) factsLine(in *report.Indicator) string {
	s := "Value " + indicatorValue(in)
	if in.ValuePeriod != nil {
		s += " (" + *in.ValuePeriod
		if in.Stale {
			s += ", latest available"
		}
		if in.Partial {
			if in.Months > 0 {
				s += fmt.Sprintf(", %d of 3 months", in.Months)
			} else {
				s += ", part quarter"
			}
		}
		s += ")"
	}
	if in.Type == "activity" {
		if in.Expected != nil {
			s += " · Expected range " + threshold(in.Expected.Lower, in.Unit, in.Decimals) + " to " + threshold(in.Expected.Upper, in.Unit, in.Decimals)
		}
	} else {
		if in.Target != nil {
			s += " · Target " + threshold(in.Target, in.Unit, in.Decimals)
		}
		if in.Floor != nil {
			s += " · Floor " + threshold(in.Floor, in.Unit, in.Decimals)
		}
		if in.Polarity != nil {
			if *in.Polarity == "lower" {
				s += " · Lower is better"
			} else {
				s += " · Higher is better"
			}
		}
	}
	return s
}

// projectionSentence is "Projected for 2023/24 Q3: 80% (95% prediction interval 76% to
// 84%), which would be rated Amber against a target of 85% and a floor of 75%."
func projectionSentence(in *report.Indicator) string {
	pr := in.Projection
	f := func(v float64) string { return formatValue(v, in.Unit, in.Decimals) }
	s := fmt.Sprintf("Projected for %s: %s (95%% prediction interval %s to %s)", pr.Period, f(pr.Value), f(pr.Lower), f(pr.Upper))
	if pr.RAG != nil && *pr.RAG != "" && *pr.RAG != "not_rated" && *pr.RAG != "no_data" {
		s += ", which would be rated " + statusWord(*pr.RAG)
		switch {
		case pr.Target != nil && pr.Floor != nil:
			s += " against a target of " + threshold(pr.Target, in.Unit, in.Decimals) + " and a floor of " + threshold(pr.Floor, in.Unit, in.Decimals)
		case pr.Target != nil:
			s += " against a target of " + threshold(pr.Target, in.Unit, in.Decimals)
		}
	} else if in.Type != "activity" {
		s += "; no thresholds are set for that quarter"
	}
	return s + "."
}
