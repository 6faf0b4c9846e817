package xlsx

import (
	"fmt"

	"github.com/example/qpr/pkg/report"
	"github.com/xuri/excelize/v2"
)

// historySheet is not called "History": Excel reserves that name for change tracking.
const historySheet = "KPI history"

func historyColumns(periods []string) []column {
	cols := []column{{"Code", 10, false}, {"Indicator", 45, true}}
	for _, p := range periods {
		cols = append(cols, column{p + " value", 12, false}, column{p + " rating", 11, false})
	}
	return cols
}

// writeHistory writes every indicator against the history quarters: each quarter's actual
// value (no stale stand-in) and the rating it had with that quarter's own thresholds.
func writeHistory(f *excelize.File, st *styles, r *report.Report) error {
	cols := historyColumns(r.HistoryPeriods)
	if err := writeHeader(f, st, historySheet, cols, 2, len(r.Indicators)); err != nil {
		return fmt.Errorf("sheet %s: %w", historySheet, err)
	}
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		history := historyByPeriod(ind)
		var x row
		x.add(text(ind.Code), cellStyle{})
		x.add(text(ind.Name), cellStyle{wrap: true})
		for _, p := range r.HistoryPeriods {
			hp := history[p]
			if hp == nil {
				x.add(nil, cellStyle{})
				x.add(nil, cellStyle{})
				continue
			}
			x.add(number(hp.Value), cellStyle{format: numberFormat(ind.Unit, displayPlaces(ind.Decimals, hp.Display, hp.Value))})
			s := historyStatus(hp)
			x.add(text(statusWordOrBlank(s)), cellStyle{status: s})
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
