package xlsx

import (
	"fmt"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/xuri/excelize/v2"
)

const (
	dataSheet = "Data"
	dataTable = "QPRData"
)

// dataColumns are the long table's headers. They are the JSON's key names and hold the
// contract's status codes, because scripts and pivot tables read this sheet.
var dataColumns = []column{
	{"code", 10, false},
	{"directorate", 12, false},
	{"period", 12, false},
	{"value", 12, false},
	{"unit", 10, false},
	{"value_period", 14, false},
	{"rating", 11, false},
	{"target", 11, false},
	{"floor", 11, false},
	{"expected_lower", 15, false},
	{"expected_upper", 15, false},
	{"stale", 8, false},
	{"partial", 9, false},
}

// dataRow is one indicator in one history quarter.
type dataRow struct {
	period, valuePeriod, status string
	value                       *float64
	displayText                 *string
	target, floor, lower, upper *float64
	stale, partial              bool
}

// dataRows lists an indicator's history quarters. The report quarter carries the headline
// figure the report shows (which may be an older value standing in, flagged stale); every
// other quarter carries its own actual value rated with its own year's thresholds.
func dataRows(r *report.Report, ind *report.Indicator) []dataRow {
	rows := make([]dataRow, 0, len(r.HistoryPeriods))
	for _, p := range r.HistoryPeriods {
		d := dataRow{period: p.String()}
		if p == r.Period {
			d.value = ind.Value
			d.displayText = ind.Display
			if ind.ValuePeriod != nil {
				d.valuePeriod = ind.ValuePeriod.String()
			}
			d.status = string(present.StatusOf(ind))
			d.target, d.floor = ind.Target, ind.Floor
			d.lower, d.upper = expectedLower(ind), expectedUpper(ind)
			d.stale, d.partial = ind.Stale, ind.Partial
			rows = append(rows, d)
			continue
		}
		if hp := present.HistoryPoint(ind, p); hp != nil {
			d.value = hp.Value
			d.displayText = hp.Display
			if number(d.value) != nil {
				d.valuePeriod = p.String()
			}
			d.status = string(present.HistoryCell(r, ind, p).Status)
			d.partial = hp.Partial
			d.target, d.floor = hp.Target, hp.Floor
			if hp.Expected != nil {
				d.lower, d.upper = hp.Expected.Lower, hp.Expected.Upper
			}
		}
		rows = append(rows, d)
	}
	return rows
}

// writeData streams the long table, one row per indicator per history quarter, as an Excel
// table so it arrives filtered and ready for a pivot table.
func writeData(f *excelize.File, st *styles, r *report.Report) error {
	sw, err := f.NewStreamWriter(dataSheet)
	if err != nil {
		return err
	}
	for i, c := range dataColumns {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	headerID, err := st.id(cellStyle{header: true})
	if err != nil {
		return err
	}
	header := make([]interface{}, len(dataColumns))
	for i, c := range dataColumns {
		header[i] = excelize.Cell{StyleID: headerID, Value: c.header}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	rowNum := 1
	cells := make([]interface{}, len(dataColumns))
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		for _, d := range dataRows(r, ind) {
			rowNum++
			if err := d.cells(st, ind, cells); err != nil {
				return err
			}
			ref, _ := excelize.CoordinatesToCellName(1, rowNum)
			if err := sw.SetRow(ref, cells); err != nil {
				return fmt.Errorf("sheet %s, indicator %s: %w", dataSheet, ind.Code, err)
			}
		}
	}
	last, err := excelize.CoordinatesToCellName(len(dataColumns), rowNum)
	if err != nil {
		return err
	}
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: dataTable, StyleName: "TableStyleLight9"}); err != nil {
		return err
	}
	return sw.Flush()
}

// cells fills out with the row's values, each with its style.
func (d dataRow) cells(st *styles, ind *report.Indicator, out []interface{}) error {
	styled := func(v interface{}, c cellStyle) (interface{}, error) {
		id, err := st.id(c)
		if err != nil {
			return nil, err
		}
		return excelize.Cell{StyleID: id, Value: v}, nil
	}
	threshold := func(v *float64) cellStyle {
		if v == nil {
			return cellStyle{}
		}
		return cellStyle{format: shownFormat(ind.Unit, present.Threshold(ind, v))}
	}
	values := []interface{}{
		text(ind.Code), text(ind.Directorate), text(d.period), number(d.value), text(string(ind.Unit)),
		text(d.valuePeriod), text(d.status), number(d.target), number(d.floor),
		number(d.lower), number(d.upper), d.stale, d.partial,
	}
	formats := []cellStyle{
		{}, {}, {}, {format: numberFormat(ind.Unit, present.DisplayPlaces(ind.Decimals, d.displayText))}, {},
		{}, {}, threshold(d.target), threshold(d.floor),
		threshold(d.lower), threshold(d.upper), {}, {},
	}
	for i := range values {
		v, err := styled(values[i], formats[i])
		if err != nil {
			return err
		}
		out[i] = v
	}
	return nil
}
