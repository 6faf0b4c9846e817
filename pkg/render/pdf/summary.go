package pdf

import (
	"math"
	"strconv"

	"github.com/example/qpr/pkg/present"
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
	if reds := present.RedKPIs(d.r); len(reds) > 0 {
		d.heading(idRed, d.title(idRed), 1)
		d.redActions(reds)
	}
	if stale := present.StaleOrPartial(d.r); len(stale) > 0 {
		d.heading(idStale, d.title(idStale), 1)
		d.staleTable(stale)
	}
}

// countsTable compares this quarter's counts with the previous quarter's.
func (d *doc) countsTable(ct present.CountTable) {
	r := d.r
	t := table{size: d.st.Fonts.Table, cols: []column{
		{head: ct.Heading, w: 62, align: "L"},
		{head: present.Label(r.Period), w: 30, align: "R"},
		{head: present.Label(r.PreviousPeriod), w: 30, align: "R"},
		{head: "Change", w: 26, align: "R"},
	}}
	var rows []row
	for _, l := range ct.Shown() {
		rows = append(rows, row{cells: []cell{
			{status: l.Status, text: l.Status.Word()},
			{text: strconv.Itoa(l.Now)},
			{text: strconv.Itoa(l.Prev)},
			{text: present.Change(l.Now, l.Prev)},
		}})
	}
	d.table(t, rows)
}

func (d *doc) countsTables() {
	for _, ct := range present.CountTables(d.r.Summary) {
		d.countsTable(ct)
	}
}

func (d *doc) byDirectorate() {
	t := table{size: d.st.Fonts.Table, cols: []column{
		{head: "Directorate", w: 38, align: "L"},
		{head: "KPIs", w: 10, align: "R"},
		{head: "Green", w: 12, align: "R"},
		{head: "Amber", w: 12, align: "R"},
		{head: "Red", w: 10, align: "R"},
		{head: "Not rated", w: 13, align: "R"},
		{head: "No data", w: 12, align: "R"},
		{head: "Improving", w: 18, align: "R"},
		{head: "Stable", w: 13, align: "R"},
		{head: "Worsening", w: 18, align: "R"},
		{head: present.Insufficient.Word(), w: 24, align: "R"},
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
			{text: strconv.Itoa(dir.Trend.Insufficient)},
		}})
	}
	s := d.r.Summary
	rows = append(rows, row{cells: []cell{
		{text: present.AllDirectorates, bold: true},
		{text: strconv.Itoa(s.KPIs), bold: true},
		{text: strconv.Itoa(s.RAG.Green), bold: true},
		{text: strconv.Itoa(s.RAG.Amber), bold: true},
		{text: strconv.Itoa(s.RAG.Red), bold: true},
		{text: strconv.Itoa(s.RAG.NotRated), bold: true},
		{text: strconv.Itoa(s.RAG.NoData), bold: true},
		{text: strconv.Itoa(s.Trend.Improving), bold: true},
		{text: strconv.Itoa(s.Trend.Stable), bold: true},
		{text: strconv.Itoa(s.Trend.Worsening), bold: true},
		{text: strconv.Itoa(s.Trend.Insufficient), bold: true},
	}})
	d.table(t, rows)
}

// historyGrid shows every indicator's rating in each of the last five quarters, grouped by
// directorate.
func (d *doc) historyGrid() {
	periods := d.r.HistoryPeriods
	if len(periods) == 0 {
		d.paragraphs(present.NoHistoryText, "I", d.st.Fonts.Body)
		return
	}
	// the report quarter's column is wider: a stale headline names the quarter it is from
	lastW := 30.0
	periodW := 17.5
	if n := float64(len(periods) - 1); n*periodW+lastW > contentW-70 {
		periodW = (contentW - 70 - lastW) / math.Max(n, 1)
	}
	nameW := contentW - 14 - periodW*float64(len(periods)-1) - lastW
	cols := []column{{head: "Code", w: 14, align: "L"}, {head: "Indicator", w: nameW, align: "L"}}
	for i, p := range periods {
		w := periodW
		if i == len(periods)-1 {
			w = lastW
		}
		cols = append(cols, column{head: present.Label(p), w: w, align: "L"})
	}
	t := table{size: d.st.Fonts.Table, cols: cols}
	var rows []row
	for _, dir := range d.r.Directorates {
		group := present.IndicatorsOf(d.r, dir.Code)
		if len(group) == 0 {
			continue
		}
		rows = append(rows, row{group: dir.Name})
		for _, in := range group {
			cells := []cell{{text: in.Code}, {text: in.Name}}
			for _, c := range present.HistoryCells(d.r, in) {
				text := c.Status.Word()
				if n := c.Note(); n != "" {
					text += "\n" + n
				}
				cells = append(cells, cell{status: c.Status, text: text})
			}
			rows = append(rows, row{cells: cells})
		}
	}
	d.table(t, rows)
}

func (d *doc) redActions(reds []*report.Indicator) {
	p := d.pdf
	size := d.st.Fonts.Body
	lh := lineH(size)
	for _, in := range reds {
		actions := present.Actions(in)
		d.font("B", size)
		head := d.wrap(in.Code+"  "+in.Name, contentW-8)
		d.font("", size)
		body := d.wrap(actions, contentW-8)
		d.ensure(float64(len(head)+len(body)+2)*lh + 4)
		y := p.GetY()
		d.mark(present.Red, marginL+2.5, y+lh/2, lh*0.6)
		p.SetXY(marginL+6, y)
		d.font("B", size)
		d.textColour(d.st.Colours.Text)
		p.MultiCell(contentW-6, lh, in.Code+"  "+in.Name, "", "L", false)
		p.SetX(marginL + 6)
		d.font("", size)
		p.MultiCell(contentW-6, lh, present.RedLine(in), "", "L", false)
		p.SetX(marginL + 6)
		if actions == "" {
			d.font("I", size)
			d.textColour(d.st.Colours.Muted)
			p.MultiCell(contentW-6, lh, present.NoActionText, "", "L", false)
		} else {
			d.font("B", size)
			p.CellFormat(contentW-6, lh, present.ActionsHeading, "", 1, "L", false, 0, "")
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
			{text: in.Code}, {text: in.Name}, {text: present.Value(in).Text},
			{text: valueFrom(in)}, {text: present.ValueNote(d.r, in)},
		}})
	}
	d.table(t, rows)
}

func valueFrom(in *report.Indicator) string {
	if in.ValuePeriod == nil {
		return "–"
	}
	return present.Label(*in.ValuePeriod)
}
