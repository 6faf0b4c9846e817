package pdf

import (
	"fmt"
	"strconv"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

func (d *doc) summary() {
	p := d.pdf
	p.AddPage()
	d.heading(idSummary, d.title(idSummary), 0)
	text, ok := d.fromTemplate(d.t.Narrative(d.r))
	if !ok {
		return
	}
	d.textColour(d.st.Colours.Text)
	d.paragraphs(text, "", d.st.Fonts.Body)

	d.heading(idCounts, d.title(idCounts), 1)
	d.countsTables()
	d.heading(idByDir, d.title(idByDir), 1)
	d.byDirectorate()
	d.heading(idGrid, d.title(idGrid), 1)
	d.historyGrid()
	if reds := d.redKPIs(); len(reds) > 0 {
		d.heading(idRed, d.title(idRed), 1)
		d.redActions(reds)
	}
	if stale := d.staleOrPartial(); len(stale) > 0 {
		d.heading(idStale, d.title(idStale), 1)
		d.staleTable(stale)
	}
}

func change(now, before int) string {
	switch {
	case now > before:
		return "+" + strconv.Itoa(now-before)
	case now < before:
		return "-" + strconv.Itoa(before-now)
	}
	return "no change"
}

type countLine struct {
	status    string
	now, prev int
	always    bool
}

// countsTable compares this quarter's counts with the previous quarter's; rows that are
// nought in both quarters and not one of the main statuses are left out.
func (d *doc) countsTable(first string, lines []countLine) {
	r := d.r
	prevHead := "Previous quarter"
	if r.PreviousPeriod != "" {
		prevHead = r.PreviousPeriod
	}
	t := table{size: d.st.Fonts.Table, cols: []column{
		{head: first, w: 62, align: "L"},
		{head: r.Period, w: 30, align: "R"},
		{head: prevHead, w: 30, align: "R"},
		{head: "Change", w: 26, align: "R"},
	}}
	var rows []row
	for _, l := range lines {
		if !l.always && l.now == 0 && l.prev == 0 {
			continue
		}
		rows = append(rows, row{cells: []cell{
			{status: l.status, text: statusWord(l.status)},
			{text: strconv.Itoa(l.now)},
			{text: strconv.Itoa(l.prev)},
			{text: change(l.now, l.prev)},
		}})
	}
	d.table(t, rows)
}

func (d *doc) countsTables() {
	s := d.r.Summary
	if s.KPIs > 0 {
		d.countsTable(fmt.Sprintf("Rating (%d %s)", s.KPIs, templates.Plural(s.KPIs, "KPI", "KPIs")), []countLine{
			{"green", s.RAG.Green, s.RAGPrevious.Green, true},
			{"amber", s.RAG.Amber, s.RAGPrevious.Amber, true},
			{"red", s.RAG.Red, s.RAGPrevious.Red, true},
			{"not_rated", s.RAG.NotRated, s.RAGPrevious.NotRated, false},
			{"no_data", s.RAG.NoData, s.RAGPrevious.NoData, false},
		})
		d.countsTable("Direction of travel (KPIs)", []countLine{
			{"improving", s.Trend.Improving, s.TrendPrevious.Improving, true},
			{"stable", s.Trend.Stable, s.TrendPrevious.Stable, true},
			{"worsening", s.Trend.Worsening, s.TrendPrevious.Worsening, true},
			{"insufficient", s.Trend.Insufficient, s.TrendPrevious.Insufficient, false},
		})
	}
	if s.ActivityCount > 0 {
		d.countsTable(fmt.Sprintf("Activity (%d %s)", s.ActivityCount, templates.Plural(s.ActivityCount, "indicator", "indicators")), []countLine{
			{"above", s.Activity.Above, s.ActivityPrevious.Above, true},
			{"within", s.Activity.Within, s.ActivityPrevious.Within, true},
			{"below", s.Activity.Below, s.ActivityPrevious.Below, true},
			{"not_rated", s.Activity.NotRated, s.ActivityPrevious.NotRated, false},
			{"no_data", s.Activity.NoData, s.ActivityPrevious.NoData, false},
		})
	}
}

func (d *doc) byDirectorate() {
	t := table{size: d.st.Fonts.Table, cols: []column{
		{head: "Directorate", w: 48, align: "L"},
		{head: "KPIs", w: 10, align: "R"},
		{head: "Green", w: 12, align: "R"},
		{head: "Amber", w: 12, align: "R"},
		{head: "Red", w: 10, align: "R"},
		{head: "Not rated", w: 13, align: "R"},
		{head: "No data", w: 12, align: "R"},
		{head: "Improving", w: 20, align: "R"},
		{head: "Stable", w: 13, align: "R"},
		{head: "Worsening", w: 18, align: "R"},
	}}
	var rows []row
	for _, dir := range d.r.Directorates {
		rows = append(rows, row{cells: []cell{
			{text: dir.Name},
			{text: strconv.Itoa(dir.KPIs)},
			{text: strconv.Itoa(dir.RAG.Green)},
			{text: strconv.Itoa(dir.RAG.Amber)},
			{text: strconv.Itoa(dir.RAG.Red)},
			{text: strconv.Itoa(dir.RAG.NotRated)},
			{text: strconv.Itoa(dir.RAG.NoData)},
			{text: strconv.Itoa(dir.Trend.Improving)},
			{text: strconv.Itoa(dir.Trend.Stable)},
			{text: strconv.Itoa(dir.Trend.Worsening)},
		}})
	}
	s := d.r.Summary
	rows = append(rows, row{cells: []cell{
		{text: "All directorates", bold: true},
		{text: strconv.Itoa(s.KPIs), bold: true},
		{text: strconv.Itoa(s.RAG.Green), bold: true},
		{text: strconv.Itoa(s.RAG.Amber), bold: true},
		{text: strconv.Itoa(s.RAG.Red), bold: true},
		{text: strconv.Itoa(s.RAG.NotRated), bold: true},
		{text: strconv.Itoa(s.RAG.NoData), bold: true},
		{text: strconv.Itoa(s.Trend.Improving), bold: true},
		{text: strconv.Itoa(s.Trend.Stable), bold: true},
		{text: strconv.Itoa(s.Trend.Worsening), bold: true},
	}})
	d.table(t, rows)
}

// historyStatus finds an indicator's status in one quarter of its history.
func historyStatus(in *report.Indicator, period string) string {
	for _, h := range in.History {
		if h.Period == period {
			return ragOrActivity(h.RAG, h.Activity)
		}
	}
	return "no_data"
}

// historyGrid shows every indicator's rating in each of the last five quarters, grouped by
// directorate.
func (d *doc) historyGrid() {
	periods := d.r.HistoryPeriods
	if len(periods) == 0 {
		d.paragraphs("No earlier quarters are available.", "I", d.st.Fonts.Body)
		return
	}
	periodW := 20.0
	if n := float64(len(periods)); n*periodW > contentW-70 {
		periodW = (contentW - 70) / n
	}
	nameW := contentW - 14 - periodW*float64(len(periods))
	cols := []column{{head: "Code", w: 14, align: "L"}, {head: "Indicator", w: nameW, align: "L"}}
	for _, p := range periods {
		q, y := axisLabel(p)
		cols = append(cols, column{head: q + " " + y, w: periodW, align: "L"})
	}
	t := table{size: d.st.Fonts.Table, cols: cols}
	var rows []row
	for _, dir := range d.r.Directorates {
		group := d.indicatorsOf(dir.Code)
		if len(group) == 0 {
			continue
		}
		rows = append(rows, row{group: dir.Name})
		for _, in := range group {
			cells := []cell{{text: in.Code}, {text: in.Name}}
			for _, p := range periods {
				s := historyStatus(in, p)
				cells = append(cells, cell{status: s, text: statusWord(s)})
			}
			rows = append(rows, row{cells: cells})
		}
	}
	d.table(t, rows)
}

func (d *doc) indicatorsOf(code string) []*report.Indicator {
	var out []*report.Indicator
	for i := range d.r.Indicators {
		if d.r.Indicators[i].Directorate == code {
			out = append(out, &d.r.Indicators[i])
		}
	}
	return out
}

func (d *doc) redKPIs() []*report.Indicator {
	var out []*report.Indicator
	for _, dir := range d.r.Directorates {
		for _, in := range d.indicatorsOf(dir.Code) {
			if in.RAG != nil && *in.RAG == "red" {
				out = append(out, in)
			}
		}
	}
	return out
}

func (d *doc) staleOrPartial() []*report.Indicator {
	var out []*report.Indicator
	for _, dir := range d.r.Directorates {
		for _, in := range d.indicatorsOf(dir.Code) {
			if in.Stale || in.Partial {
				out = append(out, in)
			}
		}
	}
	return out
}

// againstThresholds is "82% against a target of 85% and a floor of 75%".
func againstThresholds(in *report.Indicator) string {
	s := indicatorValue(in)
	switch {
	case in.Target != nil && in.Floor != nil:
		s += " against a target of " + threshold(in.Target, in.Unit, in.Decimals) + " and a floor of " + threshold(in.Floor, in.Unit, in.Decimals)
	case in.Target != nil:
		s += " against a target of " + threshold(in.Target, in.Unit, in.Decimals)
	}
	return s
}

func (d *doc) redActions(reds []*report.Indicator) {
	p := d.pdf
	size := d.st.Fonts.Body
	lh := lineH(size)
	for _, in := range reds {
		actions := ""
		if in.Commentary != nil {
			actions = in.Commentary.Actions
		}
		d.font("B", size)
		head := d.wrap(in.Code+"  "+in.Name, contentW-8)
		d.font("", size)
		body := d.wrap(actions, contentW-8)
		d.ensure(float64(len(head)+len(body)+2)*lh + 4)
		y := p.GetY()
		d.mark("red", marginL+2.5, y+lh/2, lh*0.6)
		p.SetXY(marginL+6, y)
		d.font("B", size)
		d.textColour(d.st.Colours.Text)
		p.MultiCell(contentW-6, lh, in.Code+"  "+in.Name, "", "L", false)
		p.SetX(marginL + 6)
		d.font("", size)
		line := againstThresholds(in)
		if in.Trend != nil && in.Trend.Direction != "" {
			line += "; direction of travel " + statusWord(in.Trend.Direction)
		}
		p.MultiCell(contentW-6, lh, line+".", "", "L", false)
		p.SetX(marginL + 6)
		if actions == "" {
			d.font("I", size)
			d.textColour(d.st.Colours.Muted)
			p.MultiCell(contentW-6, lh, "No management action has been recorded for this quarter.", "", "L", false)
		} else {
			d.font("B", size)
			p.CellFormat(contentW-6, lh, "Management action", "", 1, "L", false, 0, "")
			for _, para := range templates.Paragraphs(actions) {
				p.SetX(marginL + 6)
				d.font("", size)
				p.MultiCell(contentW-6, lh, para, "", "L", false)
			}
		}
		d.textColour(d.st.Colours.Text)
		p.Ln(3)
	}
}

// valueNote says why a value is not a whole quarter's.
func valueNote(in *report.Indicator, period string) string {
	var s string
	if in.Stale {
		s = "No value for " + period + "; the latest available value is shown."
	}
	if in.Partial {
		if s != "" {
			s += " "
		}
		if in.Months > 0 {
			s += fmt.Sprintf("Part quarter: %d of 3 months.", in.Months)
		} else {
			s += "Part quarter: fewer than 3 months."
		}
	}
	return s
}

func (d *doc) staleTable(list []*report.Indicator) {
	t := table{size: d.st.Fonts.Table, cols: []column{
		{head: "Code", w: 14, align: "L"},
		{head: "Indicator", w: 60, align: "L"},
		{head: "Value", w: 22, align: "R"},
		{head: "Value is for", w: 24, align: "L"},
		{head: "Note", w: contentW - 120, align: "L"},
	}}
	var rows []row
	for _, in := range list {
		rows = append(rows, row{cells: []cell{
			{text: in.Code}, {text: in.Name}, {text: indicatorValue(in)},
			{text: deref(in.ValuePeriod, "–")}, {text: valueNote(in, d.r.Period)},
		}})
	}
	d.table(t, rows)
}
