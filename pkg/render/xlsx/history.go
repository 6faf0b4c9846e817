package xlsx

import (
	"fmt"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/xuri/excelize/v2"
)

// historySheet is not called "History": Excel reserves that name for change tracking.
const historySheet = "KPI history"

func historyColumns(periods []report.Period) []column {
	cols := []column{{"Code", 10, false}, {"Indicator", 45, true}}
	for _, p := range periods {
		l := present.Label(p)
		cols = append(cols, column{l + " value", 12, false}, column{l + " rating", 11, false})
	}
	return cols
}

// writeHistory writes every indicator against the history quarters: each earlier quarter's
// actual value and the rating it had with that quarter's own thresholds, and for the report
// quarter the headline value and rating, marked when stale (present.HistoryCells).
func writeHistory(f *excelize.File, st *styles, r *report.Report) error {
	cols := historyColumns(r.HistoryPeriods)
	if err := writeHeader(f, st, historySheet, cols, 2, len(r.Indicators)); err != nil {
		return fmt.Errorf("sheet %s: %w", historySheet, err)
	}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		var x row
		x.add(text(ind.Code), cellStyle{})
		x.add(text(ind.Name), cellStyle{wrap: true})
		for _, c := range present.HistoryCells(r, ind) {
			x.add(shownNumber(c.Value), cellStyle{format: shownFormat(ind.Unit, c.Value)})
			x.add(gridText(c), cellStyle{status: string(c.Status)})
		}
		if err := x.write(f, st, historySheet, i+2); err != nil {
			return fmt.Errorf("sheet %s, indicator %s: %w", historySheet, ind.Code, err)
		}
		if err := x.fitHeight(f, historySheet, i+2, cols); err != nil {
			return fmt.Errorf("sheet %s, indicator %s: %w", historySheet, ind.Code, err)
		}
	}
	return nil
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
