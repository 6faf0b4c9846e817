package present

import (
	"fmt"
	"iter"
	"math"

	"github.com/example/qpr/pkg/report"
)

// The sheets with a row per indicator (or per indicator and quarter) make their rows as they
// are read, so a report of tens of thousands of indicators is never held as cells.

// workbookActivity says whether an indicator is compared with an expected range rather than
// rated, on the workbook's sheets: by its type, or by a status or range only activity
// indicators have.
func workbookActivity(in *report.Indicator) bool {
	return IsActivity(in) || in.Activity != nil || in.Expected != nil
}

func expectedLower(in *report.Indicator) *float64 {
	if in.Expected == nil {
		return nil
	}
	return in.Expected.Lower
}

func expectedUpper(in *report.Indicator) *float64 {
	if in.Expected == nil {
		return nil
	}
	return in.Expected.Upper
}

// indicatorColumns are a directorate sheet's columns.
func indicatorColumns(historyPeriods []report.Period) []SheetColumn {
	cols := []SheetColumn{
		{Header: "Code", Width: 10},
		{Header: "Indicator", Width: 45, Wrap: true},
		{Header: withNote("Value", noteValues), Width: 12, Numeric: true},
		{Header: "Unit", Width: 9},
		{Header: withNote(BasisHeading, noteBasis), Width: 9},
		{Header: withNote("Value period", noteStale), Width: 12},
		{Header: withNote("Stale", noteStale), Width: 9},
		{Header: withNote("Partial", notePartial), Width: 11},
		{Header: withNote("Months of the quarter", notePartial), Width: 11, Numeric: true, Wrap: true},
		{Header: withNote("Target", noteRatings), Width: 11, Numeric: true},
		{Header: withNote("Floor", noteRatings), Width: 11, Numeric: true},
		{Header: withNote("Expected range lower", noteActivity), Width: 13, Numeric: true},
		{Header: withNote("Expected range upper", noteActivity), Width: 13, Numeric: true},
		{Header: withNote("Rating", noteRatings, noteActivity), Width: 11},
		{Header: withNote("Previous rating", noteRatings), Width: 11},
		{Header: withNote(DirectionHeading, noteDirection), Width: 14},
		{Header: "Trend", Width: 40, Wrap: true},
	}
	for _, p := range historyPeriods {
		cols = append(cols, SheetColumn{Header: Label(p), Width: 11})
	}
	return append(cols, SheetColumn{Header: ContextHeading, Width: 50, Wrap: true}, SheetColumn{Header: "Actions", Width: 50, Wrap: true})
}

// directorate is one directorate's sheet: a row per indicator.
func (b *workbookBuilder) directorate(g *directorateGroup) Sheet {
	r := b.r
	cols := uniqueHeaders(indicatorColumns(r.HistoryPeriods))
	s := Sheet{
		Name:  g.sheet,
		Title: DirectorateTitle(g.directorate) + ", " + Label(r.Period),
		Lines: []string{
			"This worksheet contains one table, one row per indicator: its value, thresholds, rating, direction of travel, " +
				"its rating in each recent quarter " + noteRef(noteHistory) + " and the service's commentary. " +
				"Blank cells are shown as " + NotAvailable + " or " + NotApplicable + " " + noteRef(noteShorthand) + ".",
		},
		Widths:     widths(cols),
		FreezeCols: 2,
	}
	if len(g.indicators) == 0 {
		s.Parts = []Part{{Sentence: "There are no indicators for this directorate in this report."}}
		return s
	}
	rows := func(yield func([]SheetCell) bool) {
		buf := make([]SheetCell, 0, len(cols))
		for _, in := range g.indicators {
			if !yield(indicatorRow(r, in, buf[:0])) {
				return
			}
		}
	}
	s.Parts = []Part{{Table: &SheetTable{Name: b.tables.name("Directorate", g.directorate.Code), Columns: cols, Len: len(g.indicators), Rows: rows}}}
	return s
}

// indicatorRow is an indicator's row on its directorate's sheet, appended to x.
func indicatorRow(r *report.Report, in *report.Indicator, x []SheetCell) []SheetCell {
	activity := workbookActivity(in)
	valuePeriod := ""
	if in.ValuePeriod != nil {
		valuePeriod = Label(*in.ValuePeriod)
	}
	months := markerCell(false)
	if IsMonthly(in) {
		months = markerCell(true)
		if in.Months > 0 {
			months = countCell(in.Months)
		}
	}
	x = append(x,
		orText(in.Code, true), orText(in.Name, true), shownCell(Value(in), in.Unit, true),
		orText(UnitSymbol(in.Unit), true), textCell(Basis(in)), orText(valuePeriod, true),
		boolCell(in.Stale), boolCell(in.Partial), months,
		shownCell(Threshold(in, in.Target), in.Unit, !activity), shownCell(Threshold(in, in.Floor), in.Unit, !activity),
		shownCell(Threshold(in, expectedLower(in)), in.Unit, activity), shownCell(Threshold(in, expectedUpper(in)), in.Unit, activity),
	)
	status := StatusOf(in)
	x = append(x, statusCell(status))
	previous := markerCell(!activity)
	if in.RAGPrevious != nil && *in.RAGPrevious != "" {
		previous = statusCell(Status(*in.RAGPrevious))
	}
	x = append(x, previous)
	if in.Trend != nil {
		x = append(x, textCell(DirectionOf(in).Word()), orText(in.Trend.Sentence, true))
	} else {
		x = append(x, markerCell(true), markerCell(true))
	}
	for _, c := range HistoryCells(r, in) {
		x = append(x, sheetGridCell(c))
	}
	if in.Commentary != nil {
		x = append(x, orText(in.Commentary.Context, true), orText(in.Commentary.Actions, true))
	} else {
		x = append(x, markerCell(true), markerCell(true))
	}
	return x
}

// gridCell is a rating-grid cell: "Green", or "Red (from 2023/24 Q1)", filled with its
// status's colour.
func sheetGridCell(c GridCell) SheetCell {
	if c.Status == "" {
		return markerCell(true)
	}
	return SheetCell{Kind: Text, Text: c.Text(), Status: c.Status}
}

// historyTitle names the quarters the history covers.
func historyTitle(periods []report.Period) string {
	switch len(periods) {
	case 0:
		return "Values and ratings by quarter"
	case 1:
		return "Values and ratings, " + Label(periods[0])
	default:
		return fmt.Sprintf("Values and ratings by quarter, %s to %s", Label(periods[0]), Label(periods[len(periods)-1]))
	}
}

// history is every indicator against the history quarters: each earlier quarter's actual
// value and the rating it had with that quarter's own thresholds, and for the report
// quarter the headline value and rating, marked when stale (HistoryCells).
func (b *workbookBuilder) history() Sheet {
	r := b.r
	cols := []SheetColumn{{Header: "Code", Width: 10}, {Header: "Indicator", Width: 45, Wrap: true}}
	for _, p := range r.HistoryPeriods {
		l := Label(p)
		cols = append(cols, SheetColumn{Header: l + " value", Width: 12, Numeric: true}, SheetColumn{Header: l + " rating", Width: 11})
	}
	cols = uniqueHeaders(cols)
	s := Sheet{
		Name:  HistorySheet,
		Title: historyTitle(r.HistoryPeriods),
		Lines: []string{
			"This worksheet contains one table, one row per indicator: its value in each quarter " + noteRef(noteValues) +
				" and the rating or status it had against that quarter's own thresholds " + noteRef(noteHistory) + " " +
				noteRef(noteRatings) + " " + noteRef(noteActivity) + ". Blank cells are shown as " + NotAvailable + " " + noteRef(noteShorthand) + ".",
		},
		Widths:     widths(cols),
		FreezeCols: 2,
	}
	if len(r.Indicators) == 0 {
		s.Parts = []Part{{Sentence: "There are no indicators in this report."}}
		return s
	}
	rows := func(yield func([]SheetCell) bool) {
		x := make([]SheetCell, 0, len(cols))
		for i := range r.Indicators {
			in := &r.Indicators[i]
			x = append(x[:0], orText(in.Code, true), orText(in.Name, true))
			for _, c := range HistoryCells(r, in) {
				x = append(x, shownCell(c.Value, in.Unit, true), sheetGridCell(c))
			}
			if !yield(x) {
				return
			}
		}
	}
	s.Parts = []Part{{Table: &SheetTable{Name: b.tables.name("KPI_history", ""), Columns: cols, Len: len(r.Indicators), Rows: rows}}}
	return s
}

// dataColumns are the long table's headers. They are the JSON's key names and hold the
// contract's codes, because scripts and pivot tables read this sheet. Columns added since
// scripts first read it go at the end.
var dataColumns = []SheetColumn{
	{Header: "code", Width: 10},
	{Header: "directorate", Width: 12},
	{Header: "period", Width: 12},
	{Header: "value", Width: 12, Numeric: true},
	{Header: "unit", Width: 10},
	{Header: "value_period", Width: 14},
	{Header: "rating", Width: 11},
	{Header: "target", Width: 11, Numeric: true},
	{Header: "floor", Width: 11, Numeric: true},
	{Header: "expected_lower", Width: 15, Numeric: true},
	{Header: "expected_upper", Width: 15, Numeric: true},
	{Header: "stale", Width: 8},
	{Header: "partial", Width: 9},
	{Header: "basis", Width: 8},
	{Header: "type", Width: 9},
}

// DataTitle names the quarters the long table covers.
func dataTitle(r *report.Report) string {
	p := r.HistoryPeriods
	if len(p) == 0 {
		return "Data for filtering and pivot tables"
	}
	return fmt.Sprintf("Data for filtering and pivot tables: each indicator in each quarter, %s to %s", Label(p[0]), Label(p[len(p)-1]))
}

// data is the long table, one row per indicator per history quarter. It holds no markers:
// a figure or code the JSON has as null is a blank cell, so that its number columns hold
// only numbers for a pivot table (the notes say so).
func (b *workbookBuilder) data() Sheet {
	r := b.r
	s := Sheet{
		Name:  DataSheet,
		Title: dataTitle(r),
		Lines: []string{
			"This worksheet contains one table, named " + DataTable + ", one row per indicator per quarter, in the codes of qpr's JSON output " + noteRef(noteCodes) +
				". The report quarter carries the figure the report shows, which may be an earlier quarter's value standing in " + noteRef(noteStale) +
				"; earlier quarters carry their own values and thresholds " + noteRef(noteHistory) +
				". A blank cell is a figure or code that is not available or not applicable, as the JSON's null " + noteRef(noteShorthand) + ".",
		},
		Widths: widths(dataColumns),
	}
	if len(r.Indicators) == 0 || len(r.HistoryPeriods) == 0 {
		s.Parts = []Part{{Sentence: "There are no indicators in this report."}}
		return s
	}
	rows := func(yield func([]SheetCell) bool) {
		x := make([]SheetCell, 0, len(dataColumns))
		for i := range r.Indicators {
			in := &r.Indicators[i]
			for d := range dataRows(r, in) {
				if !yield(d.cells(in, x[:0])) {
					return
				}
			}
		}
	}
	s.Parts = []Part{{Table: &SheetTable{Name: DataTable, Columns: dataColumns, Len: len(r.Indicators) * len(r.HistoryPeriods), Rows: rows}}}
	return s
}

// dataRow is one indicator in one history quarter.
type dataRow struct {
	period, valuePeriod, status string
	value                       *float64
	places                      int // of the value as shown (the report model's Places)
	target, floor, lower, upper *float64
	stale, partial              bool
}

// dataRows lists an indicator's history quarters. The report quarter carries the headline
// figure the report shows (which may be an older value standing in, flagged stale); every
// other quarter carries its own actual value rated with its own year's thresholds.
func dataRows(r *report.Report, in *report.Indicator) iter.Seq[dataRow] {
	return func(yield func(dataRow) bool) {
		for _, p := range r.HistoryPeriods {
			d := dataRow{period: p.String()}
			if p == r.Period {
				d.value, d.places = in.Value, in.Places
				if in.ValuePeriod != nil {
					d.valuePeriod = in.ValuePeriod.String()
				}
				d.status = string(StatusOf(in))
				d.target, d.floor = in.Target, in.Floor
				d.lower, d.upper = expectedLower(in), expectedUpper(in)
				d.stale, d.partial = in.Stale, in.Partial
			} else if hp := HistoryPoint(in, p); hp != nil {
				d.value, d.places = hp.Value, hp.Places
				if finite(d.value) {
					d.valuePeriod = p.String()
				}
				d.status = string(HistoryCell(r, in, p).Status)
				d.partial = hp.Partial
				d.target, d.floor = hp.Target, hp.Floor
				if hp.Expected != nil {
					d.lower, d.upper = hp.Expected.Lower, hp.Expected.Upper
				}
			}
			if !yield(d) {
				return
			}
		}
	}
}

func finite(v *float64) bool { return v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0) }

// cells is the row's cells, appended to x: a figure or code that is missing is blank.
func (d dataRow) cells(in *report.Indicator, x []SheetCell) []SheetCell {
	code := func(s string) SheetCell {
		if s == "" {
			return SheetCell{}
		}
		return textCell(s)
	}
	measure := func(v *float64, places int) SheetCell {
		if !finite(v) {
			return SheetCell{}
		}
		return SheetCell{Kind: Number, Number: *v, Format: NumberFormat{Kind: MeasureNumber, Unit: in.Unit, Places: places}}
	}
	threshold := func(v *float64) SheetCell {
		if !finite(v) {
			return SheetCell{}
		}
		return measure(v, Threshold(in, v).Places)
	}
	return append(x,
		code(in.Code), code(in.Directorate), code(d.period), measure(d.value, DisplayPlaces(in.Decimals, d.places)), code(string(in.Unit)),
		code(d.valuePeriod), code(d.status), threshold(d.target), threshold(d.floor), threshold(d.lower), threshold(d.upper),
		boolCell(d.stale), boolCell(d.partial), code(Basis(in)), code(string(in.Type)),
	)
}
