package xlsx

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/xuri/excelize/v2"
)

const (
	summarySheet = "Summary"
	// The narrative spans these columns; their widths add up to narrativeWidth characters.
	narrativeLastCol = "F"
	labelWidth       = 38.0
	countWidth       = 13.0
	valueWidth       = 18.0
	narrativeWidth   = labelWidth + valueWidth + 4*countWidth
)

// summaryWriter lays the Summary sheet out from the top down.
type summaryWriter struct {
	f     *excelize.File
	st    *styles
	r     *report.Report
	next  int // the next row to write
	sheet string
}

func writeSummary(f *excelize.File, st *styles, r *report.Report, asAt time.Time, narrative string, groups []*directorateSheet) error {
	w := &summaryWriter{f: f, st: st, r: r, next: 1, sheet: summarySheet}
	if err := f.SetColWidth(summarySheet, "A", "A", labelWidth); err != nil {
		return err
	}
	if err := f.SetColWidth(summarySheet, "B", "P", countWidth); err != nil {
		return err
	}
	// Column B also holds the pack, period and date under the title.
	if err := f.SetColWidth(summarySheet, "B", "B", valueWidth); err != nil {
		return err
	}
	if err := w.heading(asAt); err != nil {
		return err
	}
	if strings.TrimSpace(narrative) == "" {
		narrative = countsSentence(r)
	}
	if err := w.paragraph(narrative); err != nil {
		return err
	}
	s := r.Summary
	if err := w.comparison("RAG rating", []countLine{
		{present.Green, s.RAG.Green, s.RAGPrevious.Green},
		{present.Amber, s.RAG.Amber, s.RAGPrevious.Amber},
		{present.Red, s.RAG.Red, s.RAGPrevious.Red},
		{present.NotRated, s.RAG.NotRated, s.RAGPrevious.NotRated},
		{present.NoData, s.RAG.NoData, s.RAGPrevious.NoData},
	}); err != nil {
		return err
	}
	if err := w.comparison("Direction of travel", []countLine{
		{present.Improving, s.Trend.Improving, s.TrendPrevious.Improving},
		{present.Stable, s.Trend.Stable, s.TrendPrevious.Stable},
		{present.Worsening, s.Trend.Worsening, s.TrendPrevious.Worsening},
		{present.Insufficient, s.Trend.Insufficient, s.TrendPrevious.Insufficient},
	}); err != nil {
		return err
	}
	if err := w.comparison("Activity indicators", []countLine{
		{present.Above, s.Activity.Above, s.ActivityPrevious.Above},
		{present.Within, s.Activity.Within, s.ActivityPrevious.Within},
		{present.Below, s.Activity.Below, s.ActivityPrevious.Below},
		{present.NotRated, s.Activity.NotRated, s.ActivityPrevious.NotRated},
		{present.NoData, s.Activity.NoData, s.ActivityPrevious.NoData},
	}); err != nil {
		return err
	}
	return w.byDirectorate(groups)
}

func (w *summaryWriter) cell(col int) string {
	name, _ := excelize.CoordinatesToCellName(col, w.next)
	return name
}

func (w *summaryWriter) put(values []interface{}, styles []cellStyle) error {
	x := row{values: values, styles: styles}
	err := x.write(w.f, w.st, w.sheet, w.next)
	w.next++
	return err
}

func (w *summaryWriter) heading(asAt time.Time) error {
	r := w.r
	title := r.Title
	if title == "" {
		title = r.Pack.Title
	}
	label := cellStyle{bold: true}
	lines := []struct {
		values []interface{}
		styles []cellStyle
	}{
		{[]interface{}{title}, []cellStyle{{bold: true, size: 16}}},
		{[]interface{}{text(r.Organisation)}, []cellStyle{{size: 12}}},
		{[]interface{}{"Pack", packName(r.Pack)}, []cellStyle{label, {}}},
		{[]interface{}{"Period", present.Label(r.Period)}, []cellStyle{label, {}}},
		{[]interface{}{"Previous period", present.Label(r.PreviousPeriod)}, []cellStyle{label, {}}},
		{[]interface{}{"As at", asAt}, []cellStyle{label, {date: true}}},
	}
	for _, l := range lines {
		if err := w.put(l.values, l.styles); err != nil {
			return err
		}
	}
	if err := w.f.SetRowHeight(w.sheet, 1, 24); err != nil {
		return err
	}
	w.next++ // a blank row sets the heading apart
	return nil
}

func packName(p report.PackRef) string {
	switch {
	case p.Title != "" && p.ID != "":
		return fmt.Sprintf("%s (%s)", p.Title, p.ID)
	case p.Title != "":
		return p.Title
	default:
		return p.ID
	}
}

// paragraph writes the narrative across the first columns, with a row tall enough to show
// it, since Excel does not grow a merged row to fit its text.
func (w *summaryWriter) paragraph(s string) error {
	first := w.cell(1)
	last := narrativeLastCol + fmt.Sprint(w.next)
	if err := w.put([]interface{}{s}, []cellStyle{{wrap: true}}); err != nil {
		return err
	}
	if err := w.f.MergeCell(w.sheet, first, last); err != nil {
		return err
	}
	if err := w.f.SetRowHeight(w.sheet, w.next-1, paragraphHeight(s)); err != nil {
		return err
	}
	w.next++
	return nil
}

// paragraphHeight estimates the points a wrapped paragraph needs: about one character per
// unit of column width, 15 points a line, within Excel's 409-point limit.
func paragraphHeight(s string) float64 {
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines += int(math.Max(1, math.Ceil(float64(utf8.RuneCountInString(para))/(narrativeWidth*0.95))))
	}
	return math.Min(409, float64(lines)*15+4)
}

// countLine is one status in a comparison table.
type countLine struct {
	status      present.Status
	this, prior int
}

// label is the line's words: the status's word, and for an activity status against what.
func (l countLine) label() string {
	switch l.status {
	case present.Above, present.Within, present.Below:
		return l.status.Word() + " " + strings.ToLower(present.ExpectedHeading)
	}
	return l.status.Word()
}

// fill is the status whose colour fills the label: the ratings and the no-rating statuses.
func (l countLine) fill() string {
	switch l.status {
	case present.Green, present.Amber, present.Red, present.NotRated, present.NoData:
		return string(l.status)
	}
	return ""
}

const changeFormat = `+0;-0;0`

func (w *summaryWriter) comparison(title string, lines []countLine) error {
	header := cellStyle{header: true}
	if err := w.put([]interface{}{title, "This quarter (" + present.Label(w.r.Period) + ")", "Previous quarter (" + present.Label(w.r.PreviousPeriod) + ")", "Change"},
		[]cellStyle{header, header, header, header}); err != nil {
		return err
	}
	if err := w.f.SetRowHeight(w.sheet, w.next-1, headerHeight); err != nil {
		return err
	}
	thisTotal, priorTotal := 0, 0
	for _, l := range lines {
		thisTotal += l.this
		priorTotal += l.prior
		if err := w.put([]interface{}{l.label(), l.this, l.prior, l.this - l.prior},
			[]cellStyle{{status: l.fill()}, {}, {}, {format: changeFormat}}); err != nil {
			return err
		}
	}
	bold := cellStyle{bold: true}
	if err := w.put([]interface{}{"Total", thisTotal, priorTotal, thisTotal - priorTotal},
		[]cellStyle{bold, bold, bold, {bold: true, format: changeFormat}}); err != nil {
		return err
	}
	w.next++
	return nil
}

var directorateCountHeaders = []string{
	"Directorate", "Sheet", "KPIs", present.Green.Word(), present.Amber.Word(), present.Red.Word(), present.NotRated.Word(), present.NoData.Word(),
	present.Improving.Word(), present.Stable.Word(), present.Worsening.Word(), present.Insufficient.Word(),
	"Activity indicators", present.Above.Word(), present.Within.Word(), present.Below.Word(),
}

// byDirectorate is the counts table by directorate, each linked to its own sheet.
func (w *summaryWriter) byDirectorate(groups []*directorateSheet) error {
	if err := w.put([]interface{}{"Counts by directorate"}, []cellStyle{{bold: true, size: 12}}); err != nil {
		return err
	}
	var header row
	for _, h := range directorateCountHeaders {
		header.add(h, cellStyle{header: true})
	}
	if err := header.write(w.f, w.st, w.sheet, w.next); err != nil {
		return err
	}
	if err := w.f.SetRowHeight(w.sheet, w.next, headerHeight); err != nil {
		return err
	}
	w.next++
	colour := []string{"", "", "", "green", "amber", "red", "not_rated", "no_data"}
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
		// A count is coloured only when it is not zero, so the eye goes to what is there.
		for i := 3; i < len(colour); i++ {
			if n, _ := values[i].(int); n > 0 {
				styles[i] = cellStyle{status: colour[i]}
			}
		}
		linkCell := w.cell(2)
		if err := w.put(values, styles); err != nil {
			return err
		}
		if err := w.f.SetCellHyperLink(w.sheet, linkCell, sheetRef(g.sheet)+"!A1", "Location"); err != nil {
			return err
		}
	}
	s := w.r.Summary
	values := []interface{}{"All directorates", nil, s.KPIs, s.RAG.Green, s.RAG.Amber, s.RAG.Red, s.RAG.NotRated, s.RAG.NoData,
		s.Trend.Improving, s.Trend.Stable, s.Trend.Worsening, s.Trend.Insufficient,
		s.ActivityCount, s.Activity.Above, s.Activity.Within, s.Activity.Below}
	styles := make([]cellStyle, len(values))
	for i := range styles {
		styles[i] = cellStyle{bold: true}
	}
	return w.put(values, styles)
}

// sheetRef quotes a sheet name for use in a reference, as Excel does.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
