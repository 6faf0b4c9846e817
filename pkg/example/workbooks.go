package example

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
)

type sheetLayout int

const (
	longLayout sheetLayout = iota // code, period, value[, note]: one row per value
	wideLayout                    // code, then one column per quarter
)

// sheetSpec is one data sheet of a directorate's workbook. Between them the workbooks show
// every way of laying out data that the contract accepts.
type sheetSpec struct {
	Name         string
	Layout       sheetLayout
	Percent      bool // long: the value column holds fractions formatted as percentages
	DateMonths   bool // long: the period column holds date cells
	QuarterFirst bool // wide: quarters headed "Q2 2023/24" rather than "2023/24 Q2"
	Notes        bool // long: a note column
}

var workbookSheets = map[string][]sheetSpec{
	"CED":  {{Name: "KPIs", Layout: wideLayout}},
	"DCED": {{Name: "Quarterly", Layout: longLayout}, {Name: "Monthly", Layout: longLayout, DateMonths: true}},
	"GET":  {{Name: "Highways", Layout: wideLayout}, {Name: "Waste and Planning", Layout: longLayout, Notes: true}},
	"ASCH": {{Name: "Percentages", Layout: longLayout, Percent: true}, {Name: "Rates", Layout: longLayout}},
	"CYPE": {{Name: "Dashboard", Layout: wideLayout, QuarterFirst: true}},
	"PH":   {{Name: "Data", Layout: longLayout}},
}

// arrearsNote explains the n/a of an indicator reported a quarter in arrears.
const arrearsNote = "Reported a quarter in arrears: figure due with next quarter's return"

// docTime is the fixed date every workbook carries, so regenerating gives the same bytes.
const docTime = "2023-10-31T00:00:00Z"

// column is one indicator's data as a sheet shows it.
type column struct {
	Code    string
	Unit    catalogue.Unit
	Monthly bool
	Places  int
	Data    series
}

// onSheet lists the indicators whose data a sheet holds, in catalogue order.
func onSheet(dir, sheet string, all map[string]series) []column {
	var out []column
	for _, k := range kpis {
		if k.Directorate == dir && k.Sheet == sheet {
			out = append(out, column{k.Code, k.Unit, k.monthly(), dataPlaces(k.Unit, k.Decimals), all[k.Code]})
		}
	}
	if councilTax.Directorate == dir && councilTax.Sheet == sheet {
		out = append(out, column{councilTax.Code, catalogue.Percent, false, dataPlaces(catalogue.Percent, 1), all[councilTax.Code]})
	}
	for _, a := range activities {
		if a.Directorate == dir && a.Sheet == sheet {
			out = append(out, column{a.Code, a.Unit, a.monthly(), 0, all[a.Code]})
		}
	}
	return out
}

// workbook writes one directorate's workbook: its data sheets, then its commentary.
func workbook(d directorate, all map[string]series) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	w := &sheetWriter{f: f}
	if err := w.styles(); err != nil {
		return nil, err
	}
	for i, spec := range workbookSheets[d.Code] {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", spec.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(spec.Name); err != nil {
			return nil, err
		}
		cols := onSheet(d.Code, spec.Name, all)
		if spec.Layout == wideLayout {
			w.wide(spec, cols)
		} else {
			w.long(spec, cols)
		}
	}
	if _, err := f.NewSheet("Commentary"); err != nil {
		return nil, err
	}
	w.commentary(d.Code)
	if w.err != nil {
		return nil, w.err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: organisation, LastModifiedBy: organisation, Created: docTime, Modified: docTime,
		Title: "Performance data - " + d.Name, Language: "en-GB",
	}); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheetWriter keeps the first error so the writing code reads straight through.
type sheetWriter struct {
	f                                       *excelize.File
	err                                     error
	header, percent, date, count, wrap, txt int
}

func (w *sheetWriter) styles() error {
	newStyle := func(s *excelize.Style) int {
		id, err := w.f.NewStyle(s)
		if err != nil && w.err == nil {
			w.err = err
		}
		return id
	}
	pct, month, thousands := "0.0%", "mmm yyyy", "#,##0"
	w.header = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	w.percent = newStyle(&excelize.Style{CustomNumFmt: &pct})
	w.date = newStyle(&excelize.Style{CustomNumFmt: &month, Alignment: &excelize.Alignment{Horizontal: "left"}})
	w.count = newStyle(&excelize.Style{CustomNumFmt: &thousands})
	w.wrap = newStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	w.txt = newStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	return w.err
}

func (w *sheetWriter) set(sheet string, col, row int, v any, style int) {
	if w.err != nil {
		return
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err == nil {
		err = w.f.SetCellValue(sheet, cell, v)
	}
	if err == nil && style != 0 {
		err = w.f.SetCellStyle(sheet, cell, cell, style)
	}
	w.err = err
}

func (w *sheetWriter) widths(sheet string, widths ...float64) {
	for i, width := range widths {
		if w.err != nil {
			return
		}
		name, err := excelize.ColumnNumberToName(i + 1)
		if err == nil {
			err = w.f.SetColWidth(sheet, name, name, width)
		}
		w.err = err
	}
}

func (w *sheetWriter) headers(sheet string, names ...string) {
	for i, name := range names {
		w.set(sheet, i+1, 1, name, w.header)
	}
}

// valueStyle shows counts and money with thousands separators.
func (w *sheetWriter) valueStyle(u catalogue.Unit) int {
	if u == catalogue.Number || u == catalogue.Currency {
		return w.count
	}
	return 0
}

func (w *sheetWriter) long(spec sheetSpec, cols []column) {
	names := []string{"code", "period", "value"}
	if spec.Notes {
		names = append(names, "note")
	}
	w.headers(spec.Name, names...)
	w.widths(spec.Name, 10, 12, 12, 60)
	row := 2
	for _, c := range cols {
		for _, p := range ownPeriods(c.Monthly) {
			v, ok := c.Data[p]
			if !ok {
				continue
			}
			w.set(spec.Name, 1, row, c.Code, 0)
			switch {
			case spec.DateMonths && c.Monthly:
				m := period.MonthFromIndex(p)
				w.set(spec.Name, 2, row, time.Date(m.Year, time.Month(m.Month), 1, 0, 0, 0, 0, time.UTC), w.date)
			case c.Monthly:
				w.set(spec.Name, 2, row, period.MonthFromIndex(p).String(), 0)
			default:
				w.set(spec.Name, 2, row, calendar.Label(period.FromIndex(p)), 0)
			}
			switch {
			case v.Missing:
				w.set(spec.Name, 3, row, "n/a", 0)
				if spec.Notes {
					w.set(spec.Name, 4, row, arrearsNote, 0)
				}
			case spec.Percent && c.Unit == catalogue.Percent:
				w.set(spec.Name, 3, row, fraction(v.V, c.Places), w.percent)
			default:
				w.set(spec.Name, 3, row, v.V, w.valueStyle(c.Unit))
			}
			row++
		}
	}
}

func (w *sheetWriter) wide(spec sheetSpec, cols []column) {
	quarters := ownPeriods(false)
	w.set(spec.Name, 1, 1, "code", w.header)
	for i, q := range quarters {
		label := calendar.Label(period.FromIndex(q))
		if spec.QuarterFirst {
			qq := period.FromIndex(q)
			label = fmt.Sprintf("Q%d %s", qq.Q, calendar.YearLabel(qq.Year))
		}
		w.set(spec.Name, i+2, 1, label, w.header)
	}
	widths := []float64{10}
	for range quarters {
		widths = append(widths, 11)
	}
	w.widths(spec.Name, widths...)
	for r, c := range cols {
		w.set(spec.Name, 1, r+2, c.Code, 0)
		for i, q := range quarters {
			v, ok := c.Data[q]
			switch {
			case !ok:
			case v.Missing:
				w.set(spec.Name, i+2, r+2, "n/a", 0)
			default:
				w.set(spec.Name, i+2, r+2, v.V, w.valueStyle(c.Unit))
			}
		}
	}
}

func (w *sheetWriter) commentary(dir string) {
	const sheet = "Commentary"
	w.headers(sheet, "code", "period", "context", "actions")
	w.widths(sheet, 10, 12, 80, 80)
	row := 2
	for _, k := range kpis {
		if k.Directorate != dir {
			continue
		}
		for _, n := range notes {
			if n.Code != k.Code {
				continue
			}
			w.set(sheet, 1, row, n.Code, w.txt)
			w.set(sheet, 2, row, calendar.Label(n.Quarter), w.txt)
			w.set(sheet, 3, row, n.Context, w.wrap)
			if n.Actions != "" {
				w.set(sheet, 4, row, n.Actions, w.wrap)
			}
			row++
		}
	}
}

// fraction is a percentage as a spreadsheet holds it in a cell formatted as a percentage:
// 87.4 becomes 0.874, by way of the decimal text so no binary noise is added.
func fraction(v float64, places int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v/100, 'f', places+2, 64), 64)
	return f
}
