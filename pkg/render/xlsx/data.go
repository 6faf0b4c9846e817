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
	{"basis", 8, false}, // last: columns added since scripts first read this sheet go at the end
}

// dataRow is one indicator in one history quarter.
type dataRow struct {
	period, valuePeriod, status string
	value                       *float64
	displayText                 *string
	places                      int // decimal places of displayText
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
			d.displayText, d.places = ind.Display, ind.Places
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
			d.displayText, d.places = hp.Display, hp.Places
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

// dataHeaderRow is the Data table's header row, below the sheet's title and its line of
// explanation. Scripts can also find the table by its name, QPRData.
const dataHeaderRow = 3

// writeData streams the long table, one row per indicator per history quarter, as an Excel
// table so it arrives filtered and ready for a pivot table.
func writeData(f *excelize.File, st *styles, r *report.Report) error {
	// Set before streaming: the stream writer keeps the sheet's print settings, and setting
	// them afterwards would make excelize parse the whole streamed sheet back.
	if err := setPrintLayout(f, dataSheet, dataHeaderRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(dataSheet)
	if err != nil {
		return err
	}
	for i, c := range dataColumns {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	topLeft := "A" + itoa(dataHeaderRow+1)
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: dataHeaderRow, TopLeftCell: topLeft, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	styled := func(v interface{}, c cellStyle) (excelize.Cell, error) {
		id, err := st.id(c)
		return excelize.Cell{StyleID: id, Value: v}, err
	}
	title, err := styled(dataTitle(r), cellStyle{bold: true, size: titleSize})
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []interface{}{title}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	about, err := styled("This worksheet contains one table, named "+dataTable+", one row per indicator per quarter, in the codes of qpr's JSON output "+noteRef(noteCodes)+
		". The report quarter carries the figure the report shows, which may be an earlier quarter's value standing in "+noteRef(noteStale)+
		"; earlier quarters carry their own values and thresholds "+noteRef(noteHistory)+". Blank cells are shown as "+notAvailable+" or "+notApplicable+" "+noteRef(noteShorthand)+".", cellStyle{})
	if err != nil {
		return err
	}
	if err := sw.SetRow("A2", []interface{}{about}); err != nil {
		return err
	}
	if len(r.Indicators) == 0 || len(r.HistoryPeriods) == 0 {
		none, err := styled("There are no indicators in this report.", cellStyle{})
		if err != nil {
			return err
		}
		if err := sw.SetRow("A"+itoa(dataHeaderRow), []interface{}{none}); err != nil {
			return err
		}
		return sw.Flush()
	}
	header := make([]interface{}, len(dataColumns))
	for i, c := range dataColumns {
		if header[i], err = styled(c.header, cellStyle{header: true}); err != nil {
			return err
		}
	}
	if err := sw.SetRow("A"+itoa(dataHeaderRow), header, excelize.RowOpts{Height: 2 * lineHeight}); err != nil {
		return err
	}
	rowNum := dataHeaderRow
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
	noStripes := false
	if err := sw.AddTable(&excelize.Table{Range: "A" + itoa(dataHeaderRow) + ":" + last, Name: dataTable, ShowRowStripes: &noStripes}); err != nil {
		return err
	}
	return sw.Flush()
}

// dataTitle names the quarters the long table covers.
func dataTitle(r *report.Report) string {
	p := r.HistoryPeriods
	if len(p) == 0 {
		return "Data for filtering and pivot tables"
	}
	return fmt.Sprintf("Data for filtering and pivot tables: each indicator in each quarter, %s to %s", present.Label(p[0]), present.Label(p[len(p)-1]))
}

// cells fills out with the row's values, each with its style; a missing figure or code
// gets its marker.
func (d dataRow) cells(st *styles, ind *report.Indicator, out []interface{}) error {
	styled := func(v interface{}, c cellStyle) (interface{}, error) {
		if v == nil {
			v, c = notAvailable, markerStyle(c)
		} else if s, ok := v.(string); ok && (s == notAvailable || s == notApplicable) {
			c = markerStyle(c)
		}
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
	activity := isActivity(ind)
	values := []interface{}{
		text(ind.Code), text(ind.Directorate), text(d.period), number(d.value), text(string(ind.Unit)),
		text(d.valuePeriod), text(d.status), orMarker(number(d.target), !activity), orMarker(number(d.floor), !activity),
		orMarker(number(d.lower), activity), orMarker(number(d.upper), activity), d.stale, d.partial, text(present.Basis(ind)),
	}
	formats := []cellStyle{
		{}, {}, {}, {format: numberFormat(ind.Unit, present.DisplayPlaces(ind.Decimals, d.places))}, {},
		{}, {}, threshold(d.target), threshold(d.floor),
		threshold(d.lower), threshold(d.upper), {}, {}, {},
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
