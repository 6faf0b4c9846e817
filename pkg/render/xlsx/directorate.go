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
		g.sheet = namer.name(fmt.Sprintf("Directorate %d", i+1), g.directorate.Code, g.directorate.Name)
	}
	return groups
}

func directorateColumns(historyPeriods []report.Period) []column {
	cols := []column{
		{"Code", 10, false},
		{"Indicator", 45, true},
		{"Value", 12, false},
		{"Unit", 9, false},
		{"Value period", 12, false},
		{"Stale", 8, false},
		{"Partial", 10, true},
		{present.TargetHeading, 11, false},
		{present.FloorHeading, 11, false},
		{present.ExpectedHeading + ": lower", 12, false},
		{present.ExpectedHeading + ": upper", 12, false},
		{"Rating", 11, false},
		{"Previous rating", 11, false},
		{"Direction", 14, false},
		{"Trend", 50, true},
	}
	for _, p := range historyPeriods {
		cols = append(cols, column{present.Label(p), 11, false})
	}
	return append(cols, column{"Context", 60, true}, column{"Actions", 60, true})
}

// writeDirectorate writes one directorate's sheet: a single header row and one row per
// indicator, no merged cells and no blank rows, so that it sorts and filters cleanly.
func writeDirectorate(f *excelize.File, st *styles, r *report.Report, g *directorateSheet) error {
	cols := directorateColumns(r.HistoryPeriods)
	if err := writeHeader(f, st, g.sheet, cols, 2, len(g.indicators)); err != nil {
		return fmt.Errorf("sheet %s: %w", g.sheet, err)
	}
	for i, ind := range g.indicators {
		x := indicatorRow(r, ind)
		if err := x.write(f, st, g.sheet, i+2); err != nil {
			return fmt.Errorf("sheet %s, indicator %s: %w", g.sheet, ind.Code, err)
		}
		if err := x.fitHeight(f, g.sheet, i+2, cols); err != nil {
			return fmt.Errorf("sheet %s, indicator %s: %w", g.sheet, ind.Code, err)
		}
	}
	return nil
}

func indicatorRow(r *report.Report, ind *report.Indicator) *row {
	plain := cellStyle{}
	wrapped := cellStyle{wrap: true}
	valueStyle := cellStyle{format: shownFormat(ind.Unit, present.Value(ind))}
	threshold := func(v *float64) (interface{}, cellStyle) {
		if v == nil {
			return nil, plain
		}
		return number(v), cellStyle{format: shownFormat(ind.Unit, present.Threshold(ind, v))}
	}

	var x row
	x.add(text(ind.Code), plain)
	x.add(text(ind.Name), wrapped)
	x.add(number(ind.Value), valueStyle)
	x.add(text(present.UnitSymbol(ind.Unit)), plain)
	x.add(text(label(ind.ValuePeriod)), plain)
	x.add(yesNo(ind.Stale), plain)
	x.add(partialWord(ind), wrapped)
	for _, v := range []*float64{ind.Target, ind.Floor, expectedLower(ind), expectedUpper(ind)} {
		val, s := threshold(v)
		x.add(val, s)
	}
	status := present.StatusOf(ind)
	x.add(status.Word(), cellStyle{status: string(status)})
	if ind.RAGPrevious != nil {
		previous := present.RatingStatus(ind.RAGPrevious)
		x.add(previous.Word(), cellStyle{status: string(previous)})
	} else {
		x.add(nil, plain)
	}
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
