package xlsx

import (
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
	"github.com/xuri/excelize/v2"
)

const summarySheet = "Summary"

// The Summary's column A holds the narrative's paragraphs, wrapped, and the first column of
// each table below them (the status, or the indicator's name).
const (
	summaryTextWidth = 60.0
	countWidth       = 16.0
	actionWidth      = 60.0
)

// summaryWriter lays the Summary sheet out from the top down.
type summaryWriter struct {
	f     *excelize.File
	st    *styles
	names *tableNamer
	r     *report.Report
	next  int // the next row to write
}

func writeSummary(f *excelize.File, st *styles, names *tableNamer, r *report.Report, narrative string) error {
	w := &summaryWriter{f: f, st: st, names: names, r: r}
	reds := redKPIs(r)
	tables := "three tables: the KPIs' ratings, their direction of travel and the activity indicators against their expected range"
	if len(reds) > 0 {
		tables = "four tables: the KPIs' ratings, their direction of travel, the activity indicators against their expected range, and the KPIs rated Red with the management action being taken"
	}
	paragraphs := templates.Paragraphs(narrative)
	if len(paragraphs) == 0 {
		paragraphs = []string{countsSentence(r)}
	}
	cols := []column{{"", summaryTextWidth, true}, {"", countWidth, true}, {"", countWidth, true}, {"", countWidth, true},
		{"", countWidth, true}, {"", countWidth, true}, {"", countWidth, true}, {"", actionWidth, true}}
	if err := setColumnWidths(f, summarySheet, cols); err != nil {
		return err
	}
	lines := append([]string{"This worksheet contains the executive summary and " + tables + ". Counts by directorate are on the Directorates sheet."}, paragraphs...)
	next, err := sheetTop(f, st, summarySheet, "Executive summary, "+present.Label(r.Period), lines, true, summaryTextWidth)
	if err != nil {
		return err
	}
	w.next = next
	s := r.Summary
	if err := w.comparison("Ratings of KPIs "+noteRef(noteRatings), "Rating", "Summary_ratings", []countLine{
		{present.Green.Word(), "green", s.RAG.Green, s.RAGPrevious.Green},
		{present.Amber.Word(), "amber", s.RAG.Amber, s.RAGPrevious.Amber},
		{present.Red.Word(), "red", s.RAG.Red, s.RAGPrevious.Red},
		{present.NotRated.Word(), "not_rated", s.RAG.NotRated, s.RAGPrevious.NotRated},
		{present.NoData.Word(), "no_data", s.RAG.NoData, s.RAGPrevious.NoData},
	}); err != nil {
		return err
	}
	if err := w.comparison("Direction of travel of KPIs "+noteRef(noteDirection), "Direction", "Summary_direction", []countLine{
		{present.Improving.Word(), "", s.Trend.Improving, s.TrendPrevious.Improving},
		{present.Stable.Word(), "", s.Trend.Stable, s.TrendPrevious.Stable},
		{present.Worsening.Word(), "", s.Trend.Worsening, s.TrendPrevious.Worsening},
		{present.Insufficient.Word(), "", s.Trend.Insufficient, s.TrendPrevious.Insufficient},
	}); err != nil {
		return err
	}
	if err := w.comparison("Activity indicators against their expected range "+noteRef(noteActivity), "Status", "Summary_activity", []countLine{
		{present.Above.Word(), "above", s.Activity.Above, s.ActivityPrevious.Above},
		{present.Within.Word(), "within", s.Activity.Within, s.ActivityPrevious.Within},
		{present.Below.Word(), "below", s.Activity.Below, s.ActivityPrevious.Below},
		{present.NotRated.Word(), "not_rated", s.Activity.NotRated, s.ActivityPrevious.NotRated},
		{present.NoData.Word(), "no_data", s.Activity.NoData, s.ActivityPrevious.NoData},
	}); err != nil {
		return err
	}
	if len(reds) > 0 {
		if err := w.redTable(reds); err != nil {
			return err
		}
	}
	return setPrintLayout(f, summarySheet, 0)
}

// heading is a table's title on a sheet of several tables, with the space above it made by
// the row's height rather than a blank row.
func (w *summaryWriter) heading(title string) error {
	x := row{values: []interface{}{title}, styles: []cellStyle{{bold: true, size: headingSize, bottom: true}}}
	if err := x.write(w.f, w.st, summarySheet, w.next); err != nil {
		return err
	}
	if err := w.f.SetRowHeight(summarySheet, w.next, headingRow); err != nil {
		return err
	}
	w.next++
	return nil
}

// countLine is one status in a comparison table.
type countLine struct {
	label       string
	status      string // fills the label with the status colour; empty = no fill
	this, prior int
}

const changeFormat = `+0;-0;0`

// comparison is a table of counts this quarter against the previous quarter, with a total.
func (w *summaryWriter) comparison(title, first, name string, lines []countLine) error {
	if err := w.heading(title); err != nil {
		return err
	}
	previous := "Previous quarter"
	if !w.r.PreviousPeriod.IsZero() {
		previous += " (" + present.Label(w.r.PreviousPeriod) + ")"
	}
	t := table{name: w.names.name(name, ""), cols: []column{
		{first, summaryTextWidth, true}, {"This quarter (" + present.Label(w.r.Period) + ")", countWidth, true},
		{previous, countWidth, true}, {"Change", countWidth, false},
	}}
	thisTotal, priorTotal := 0, 0
	for _, l := range lines {
		thisTotal += l.this
		priorTotal += l.prior
		t.rows = append(t.rows, &row{values: []interface{}{l.label, l.this, l.prior, l.this - l.prior},
			styles: []cellStyle{{status: l.status}, {}, {}, {format: changeFormat}}})
	}
	bold := cellStyle{bold: true}
	t.rows = append(t.rows, &row{values: []interface{}{"Total", thisTotal, priorTotal, thisTotal - priorTotal},
		styles: []cellStyle{bold, bold, bold, {bold: true, format: changeFormat}}})
	next, err := t.write(w.f, w.st, summarySheet, w.next)
	w.next = next
	return err
}

// redKPIs are the KPIs rated Red, directorate by directorate, as every format lists them.
func redKPIs(r *report.Report) []*report.Indicator { return present.RedKPIs(r) }

// noActionRecorded stands in the Red table for a KPI whose service gave no action.
const noActionRecorded = present.NoActionText

// redTable lists the KPIs rated Red with the management action being taken: the list the
// narrative's closing sentence points to, so it is on this sheet.
func (w *summaryWriter) redTable(reds []*report.Indicator) error {
	if err := w.heading(withNote("KPIs rated Red, with the management action being taken", noteRatings)); err != nil {
		return err
	}
	directorates := map[string]string{}
	for _, d := range w.r.Directorates {
		directorates[d.Code] = d.Name
	}
	t := table{name: w.names.name("Summary_red_KPIs", ""), cols: []column{
		{"Indicator", summaryTextWidth, true}, {"Code", countWidth, false}, {"Directorate", countWidth, true},
		{withNote("Value", noteValues), countWidth, false}, {"Target", countWidth, false}, {"Floor", countWidth, false},
		{withNote("Direction", noteDirection), countWidth, true}, {"Management action", actionWidth, true},
	}}
	for _, ind := range reds {
		var x row
		x.add(text(ind.Name), cellStyle{wrap: true})
		x.add(text(ind.Code), cellStyle{})
		directorate := directorates[ind.Directorate]
		if directorate == "" {
			directorate = ind.Directorate
		}
		x.add(text(directorate), cellStyle{wrap: true})
		x.add(number(ind.Value), cellStyle{format: shownFormat(ind.Unit, present.Value(ind))})
		for _, v := range []*float64{ind.Target, ind.Floor} {
			if number(v) == nil {
				x.add(nil, cellStyle{})
			} else {
				x.add(*v, cellStyle{format: shownFormat(ind.Unit, present.Threshold(ind, v))})
			}
		}
		direction := ""
		if ind.Trend != nil {
			direction = present.DirectionOf(ind).Word()
		}
		x.add(text(direction), cellStyle{wrap: true})
		action := noActionRecorded
		if ind.Commentary != nil && strings.TrimSpace(ind.Commentary.Actions) != "" {
			action = strings.Join(templates.Paragraphs(ind.Commentary.Actions), "\n")
		}
		x.add(action, cellStyle{wrap: true})
		t.rows = append(t.rows, &x)
	}
	next, err := t.write(w.f, w.st, summarySheet, w.next)
	w.next = next
	return err
}

// sheetRef quotes a sheet name for use in a reference, as Excel does.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

var directorateCountHeaders = []string{
	"Directorate", "Sheet", "KPIs", present.Green.Word(), present.Amber.Word(), present.Red.Word(), present.NotRated.Word(), present.NoData.Word(),
	present.Improving.Word(), present.Stable.Word(), present.Worsening.Word(), present.Insufficient.Word(),
	"Activity indicators", present.Above.Word(), present.Within.Word(), present.Below.Word(),
}

const directoratesSheet = "Directorates"

// writeDirectorates is the counts by directorate, each linked to its own sheet, with a
// last row for all directorates together.
func writeDirectorates(f *excelize.File, st *styles, names *tableNamer, r *report.Report, groups []*directorateSheet) error {
	cols := make([]column, len(directorateCountHeaders))
	for i, h := range directorateCountHeaders {
		cols[i] = column{h, 11, true}
	}
	cols[0].width, cols[1].width = 38, 14
	if err := setColumnWidths(f, directoratesSheet, cols); err != nil {
		return err
	}
	top, err := sheetTop(f, st, directoratesSheet, "Counts by directorate, "+present.Label(r.Period), []string{
		"This worksheet contains one table, one row per directorate with a link to its sheet: its KPIs by rating " + noteRef(noteRatings) +
			" and by direction of travel " + noteRef(noteDirection) + ", and its activity indicators by status " + noteRef(noteActivity) +
			". The last row counts all directorates together.",
	}, false, 0)
	if err != nil {
		return err
	}
	t := table{name: names.name("Directorate_counts", ""), cols: cols}
	colour := []string{"", "", "", "green", "amber", "red", "not_rated", "no_data", "", "", "", "", "", "above", "within", "below"}
	var links []string
	for _, g := range groups {
		d := g.directorate
		name := d.Name
		if name == "" {
			name = d.Code
		}
		values := []interface{}{name, g.sheet, d.KPIs, d.RAG.Green, d.RAG.Amber, d.RAG.Red, d.RAG.NotRated, d.RAG.NoData,
			d.Trend.Improving, d.Trend.Stable, d.Trend.Worsening, d.Trend.Insufficient,
			d.ActivityCount, d.Activity.Above, d.Activity.Within, d.Activity.Below}
		styles := make([]cellStyle, len(values))
		styles[0] = cellStyle{wrap: true}
		styles[1] = cellStyle{link: true}
		// A count is coloured only when it is not zero, so the eye goes to what is there; the
		// column's header says what the colour means.
		for i := range colour {
			if n, _ := values[i].(int); n > 0 && colour[i] != "" {
				styles[i] = cellStyle{status: colour[i]}
			}
		}
		t.rows = append(t.rows, &row{values: values, styles: styles})
		links = append(links, g.sheet)
	}
	s := r.Summary
	values := []interface{}{"All directorates", notApplicable, s.KPIs, s.RAG.Green, s.RAG.Amber, s.RAG.Red, s.RAG.NotRated, s.RAG.NoData,
		s.Trend.Improving, s.Trend.Stable, s.Trend.Worsening, s.Trend.Insufficient,
		s.ActivityCount, s.Activity.Above, s.Activity.Within, s.Activity.Below}
	styles := make([]cellStyle, len(values))
	for i := range styles {
		styles[i] = cellStyle{bold: true}
	}
	styles[1].right = true
	t.rows = append(t.rows, &row{values: values, styles: styles})
	if _, err := t.write(f, st, directoratesSheet, top); err != nil {
		return err
	}
	for i, sheet := range links {
		cell, _ := excelize.CoordinatesToCellName(2, top+1+i)
		if err := f.SetCellHyperLink(directoratesSheet, cell, sheetRef(sheet)+"!A1", "Location"); err != nil {
			return err
		}
	}
	if err := freezeHeader(f, directoratesSheet, top, 1); err != nil {
		return err
	}
	return setPrintLayout(f, directoratesSheet, top)
}
