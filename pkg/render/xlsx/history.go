package xlsx

import (
	"fmt"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/xuri/excelize/v2"
)

// historySheet is not called "History": Excel reserves that name for change tracking.
const historySheet = "KPI_history"

func historyColumns(periods []report.Period) []column {
	cols := []column{{"Code", 10, false}, {"Indicator", 45, true}}
	for _, p := range periods {
		l := present.Label(p)
		cols = append(cols, column{l + " value", 12, false}, column{l + " rating", 11, false})
	}
	return cols
}

// historyTitle names the quarters the history covers.
func historyTitle(periods []report.Period) string {
	switch len(periods) {
	case 0:
		return "Values and ratings by quarter"
	case 1:
		return "Values and ratings, " + present.Label(periods[0])
	default:
		return fmt.Sprintf("Values and ratings by quarter, %s to %s", present.Label(periods[0]), present.Label(periods[len(periods)-1]))
	}
}

// writeHistory writes every indicator against the history quarters: each earlier quarter's
// actual value and the rating it had with that quarter's own thresholds, and for the report
// quarter the headline value and rating, marked when stale (present.HistoryCells).
func writeHistory(f *excelize.File, st *styles, names *tableNamer, r *report.Report) error {
	cols := historyColumns(r.HistoryPeriods)
	if err := setColumnWidths(f, historySheet, cols); err != nil {
		return err
	}
	top, err := sheetTop(f, st, historySheet, historyTitle(r.HistoryPeriods), []string{
		"This worksheet contains one table, one row per indicator: its value in each quarter " + noteRef(noteValues) +
			" and the rating or status it had against that quarter's own thresholds " + noteRef(noteHistory) + " " +
			noteRef(noteRatings) + " " + noteRef(noteActivity) + ". Blank cells are shown as " + notAvailable + " " + noteRef(noteShorthand) + ".",
	}, false, 0)
	if err != nil {
		return err
	}
	if len(r.Indicators) == 0 {
		return noTable(f, st, historySheet, top, "There are no indicators in this report.")
	}
	t := table{name: names.name("KPI_history", ""), cols: cols}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		var x row
		x.add(text(ind.Code), cellStyle{})
		x.add(text(ind.Name), cellStyle{wrap: true})
		for _, c := range present.HistoryCells(r, ind) {
			x.add(shownNumber(c.Value), cellStyle{format: shownFormat(ind.Unit, c.Value)})
			x.add(gridText(c), cellStyle{status: string(c.Status)})
		}
		t.rows = append(t.rows, &x)
	}
	if _, err := t.write(f, st, historySheet, top); err != nil {
		return fmt.Errorf("sheet %s: %w", historySheet, err)
	}
	if err := freezeHeader(f, historySheet, top, 2); err != nil {
		return err
	}
	return setPrintLayout(f, historySheet, top)
}

// gridText is a rating-grid cell's words: "Green", or "Red (from 2023/24 Q1)".
func gridText(c present.GridCell) string { return c.Text() }

// shownNumber is a shown number's cell value, blank when there is none.
func shownNumber(s present.Shown) interface{} {
	if !s.OK {
		return nil
	}
	return s.Value
}
