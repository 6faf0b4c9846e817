package xlsx

import (
	"fmt"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/xuri/excelize/v2"
)

// directorateSheet is one directorate's indicators and the sheet they go on.
type directorateSheet struct {
	directorate report.Directorate
	sheet       string
	indicators  []*report.Indicator
}

// groupByDirectorate keeps the report's directorate order. An indicator whose directorate
// the report does not list still gets a sheet, after the listed ones, rather than vanishing.
func groupByDirectorate(r *report.Report, namer *sheetNamer) []*directorateSheet {
	var groups []*directorateSheet
	byCode := map[string]*directorateSheet{}
	add := func(d report.Directorate) *directorateSheet {
		g := &directorateSheet{directorate: d}
		groups = append(groups, g)
		byCode[d.Code] = g
		return g
	}
	for _, d := range r.Directorates {
		if _, dup := byCode[d.Code]; !dup {
			add(d)
		}
	}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		g, ok := byCode[ind.Directorate]
		if !ok {
			g = add(report.Directorate{Code: ind.Directorate, Name: ind.Directorate})
		}
		g.indicators = append(g.indicators, ind)
	}
	for i, g := range groups {
		g.sheet = namer.name(fmt.Sprintf("Directorate_%d", i+1), g.directorate.Code, g.directorate.Name)
	}
	return groups
}

func directorateColumns(historyPeriods []report.Period) []column {
	cols := []column{
		{"Code", 10, false},
		{"Indicator", 45, true},
		{withNote("Value", noteValues), 12, false},
		{"Unit", 9, false},
		{withNote(present.BasisHeading, noteBasis), 9, false},
		{withNote("Value period", noteStale), 12, false},
		{withNote("Stale", noteStale), 9, false},
		{withNote("Partial", notePartial), 11, true},
		{withNote("Target", noteRatings), 11, false},
		{withNote("Floor", noteRatings), 11, false},
		{withNote("Expected range lower", noteActivity), 13, false},
		{withNote("Expected range upper", noteActivity), 13, false},
		{withNote("Rating", noteRatings, noteActivity), 11, false},
		{withNote("Previous rating", noteRatings), 11, false},
		{withNote("Direction", noteDirection), 14, false},
		{"Trend", 40, true},
	}
	for _, p := range historyPeriods {
		cols = append(cols, column{present.Label(p), 11, false})
	}
	return append(cols, column{"Context", 50, true}, column{"Actions", 50, true})
}

// writeDirectorate writes one directorate's sheet: its title, a line saying what it holds
// and one table with a row per indicator.
func writeDirectorate(f *excelize.File, st *styles, names *tableNamer, r *report.Report, g *directorateSheet) error {
	cols := directorateColumns(r.HistoryPeriods)
	if err := setColumnWidths(f, g.sheet, cols); err != nil {
		return err
	}
	top, err := sheetTop(f, st, g.sheet, directorateTitle(g.directorate)+", "+present.Label(r.Period), []string{
		"This worksheet contains one table, one row per indicator: its value, thresholds, rating, direction of travel, " +
			"its rating in each recent quarter " + noteRef(noteHistory) + " and the service's commentary. " +
			"Blank cells are shown as " + notAvailable + " or " + notApplicable + " " + noteRef(noteShorthand) + ".",
	}, false, 0)
	if err != nil {
		return err
	}
	t := table{name: names.name("Directorate", g.directorate.Code), cols: cols}
	for _, ind := range g.indicators {
		t.rows = append(t.rows, indicatorRow(r, ind))
	}
	if len(t.rows) == 0 {
		return noTable(f, st, g.sheet, top, "There are no indicators for this directorate in this report.")
	}
	if _, err := t.write(f, st, g.sheet, top); err != nil {
		return err
	}
	if err := freezeHeader(f, g.sheet, top, 2); err != nil {
		return err
	}
	return setPrintLayout(f, g.sheet, top)
}

// directorateTitle is "Name (CODE)", or whichever of the two the report has.
func directorateTitle(d report.Directorate) string {
	switch {
	case d.Name != "" && d.Code != "" && d.Name != d.Code:
		return d.Name + " (" + d.Code + ")"
	case d.Name != "":
		return d.Name
	default:
		return d.Code
	}
}

// isActivity says whether an indicator is compared with an expected range rather than rated.
func isActivity(ind *report.Indicator) bool {
	return present.IsActivity(ind) || ind.Activity != nil || ind.Expected != nil
}

// orMarker is v, or the marker for a value that is missing: not applicable when the column
// does not apply to the indicator, else not available.
func orMarker(v interface{}, applies bool) interface{} {
	if v != nil {
		return v
	}
	if !applies {
		return notApplicable
	}
	return notAvailable
}

func indicatorRow(r *report.Report, ind *report.Indicator) *row {
	plain := cellStyle{}
	wrapped := cellStyle{wrap: true}
	activity := isActivity(ind)
	valueStyle := cellStyle{format: shownFormat(ind.Unit, present.Value(ind))}
	threshold := func(v *float64, applies bool) (interface{}, cellStyle) {
		if number(v) == nil {
			return orMarker(nil, applies), markerStyle(plain)
		}
		return number(v), cellStyle{format: shownFormat(ind.Unit, present.Threshold(ind, v))}
	}

	var x row
	x.add(text(ind.Code), plain)
	x.add(text(ind.Name), wrapped)
	x.add(number(ind.Value), valueStyle)
	x.add(text(present.UnitSymbol(ind.Unit)), plain)
	x.add(text(present.Basis(ind)), plain)
	x.add(text(label(ind.ValuePeriod)), plain)
	x.add(yesNo(ind.Stale), plain)
	x.add(partialWord(ind), wrapped)
	for _, th := range []struct {
		v       *float64
		applies bool
	}{{ind.Target, !activity}, {ind.Floor, !activity}, {expectedLower(ind), activity}, {expectedUpper(ind), activity}} {
		val, s := threshold(th.v, th.applies)
		x.add(val, s)
	}
	status := present.StatusOf(ind)
	x.add(status.Word(), cellStyle{status: string(status)})
	previous := ""
	if ind.RAGPrevious != nil {
		previous = string(*ind.RAGPrevious)
	}
	x.add(orMarker(text(present.Status(previous).Word()), !activity || previous != ""), cellStyle{status: previous, right: previous == ""})
	if ind.Trend != nil {
		x.add(present.DirectionOf(ind).Word(), plain)
		x.add(text(ind.Trend.Sentence), wrapped)
	} else {
		x.add(nil, plain)
		x.add(nil, wrapped)
	}
	for _, c := range present.HistoryCells(r, ind) {
		x.add(gridText(c), cellStyle{status: string(c.Status)})
	}
	if ind.Commentary != nil {
		x.add(text(ind.Commentary.Context), wrapped)
		x.add(text(ind.Commentary.Actions), wrapped)
	} else {
		x.add(nil, wrapped)
		x.add(nil, wrapped)
	}
	return &x
}

// partialWord says how much of a monthly indicator's quarter the value covers.
func partialWord(ind *report.Indicator) string {
	if !ind.Partial {
		return "No"
	}
	if ind.Months > 0 {
		return fmt.Sprintf("Yes (%d of 3 months)", ind.Months)
	}
	return "Yes"
}

func expectedLower(ind *report.Indicator) *float64 {
	if ind.Expected == nil {
		return nil
	}
	return ind.Expected.Lower
}

func expectedUpper(ind *report.Indicator) *float64 {
	if ind.Expected == nil {
		return nil
	}
	return ind.Expected.Upper
}
