package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Shorthand for a table cell with nothing to show, as the Analysis Function's guidance
// for releasing statistics in spreadsheets asks: a table has no blank cells, and each
// marker is explained on the Cover and Notes sheets.
const (
	notAvailable  = "[x]" // no figure or text was supplied
	notApplicable = "[z]" // the column does not apply to this indicator
)

// Font sizes of a sheet's title (in A1) and of the headings above the tables on a sheet
// that holds more than one.
const (
	titleSize   = 16
	headingSize = 12
	headingRow  = 30 // points: space above a heading, made with height rather than a blank row
)

// sheetTop writes a sheet's title in A1 and its lines of explanation in column A below it,
// one line a row, and returns the next free row. The lines wrap in column A when wrap is
// set (sheets whose column A is wide); otherwise they run on across the empty cells beside.
func sheetTop(f *excelize.File, st *styles, sheet, title string, lines []string, wrap bool, width float64) (int, error) {
	next := 1
	put := func(text string, c cellStyle) error {
		x := row{values: []interface{}{text}, styles: []cellStyle{c}}
		if err := x.write(f, st, sheet, next); err != nil {
			return err
		}
		if wrap {
			if err := x.fitHeight(f, sheet, next, []column{{width: width, wrap: true}}); err != nil {
				return err
			}
		}
		next++
		return nil
	}
	if err := put(title, cellStyle{bold: true, size: titleSize}); err != nil {
		return 0, err
	}
	if err := f.SetRowHeight(sheet, 1, 24); err != nil {
		return 0, err
	}
	for _, l := range lines {
		if err := put(l, cellStyle{wrap: wrap}); err != nil {
			return 0, err
		}
	}
	return next, nil
}

// table is one Excel table: a single header row and a row per record below it.
type table struct {
	name string // the table's name in the workbook, unique and valid (see tableNamer)
	cols []column
	rows []*row
}

// write puts the table at row top of sheet, marks it up as an Excel table and returns the
// next free row. A cell left without a value gets the not-available marker, so the table
// has no blank cells. Rows are made tall enough for their wrapped text.
func (t *table) write(f *excelize.File, st *styles, sheet string, top int) (int, error) {
	var header row
	for i, h := range uniqueHeaders(t.cols) {
		header.add(h, cellStyle{header: true, right: t.numeric(i)})
	}
	if err := header.write(f, st, sheet, top); err != nil {
		return 0, err
	}
	lines := 2 // most headers wrap once in their narrow columns
	for i, c := range t.cols {
		// Bold text is wider, and wraps at a word rather than a character: allow a fifth more.
		lines = max(lines, wrappedLines(header.values[i].(string), c.width*0.8))
	}
	if err := f.SetRowHeight(sheet, top, float64(lines*lineHeight)); err != nil {
		return 0, err
	}
	for i, x := range t.rows {
		x.fillBlanks(len(t.cols))
		if err := x.write(f, st, sheet, top+1+i); err != nil {
			return 0, err
		}
		if err := x.fitHeight(f, sheet, top+1+i, t.cols); err != nil {
			return 0, err
		}
	}
	first, _ := excelize.CoordinatesToCellName(1, top)
	last, err := excelize.CoordinatesToCellName(len(t.cols), top+len(t.rows))
	if err != nil {
		return 0, err
	}
	noStripes := false
	if err := f.AddTable(sheet, &excelize.Table{Range: first + ":" + last, Name: t.name, ShowRowStripes: &noStripes}); err != nil {
		return 0, fmt.Errorf("table %s: %w", t.name, err)
	}
	return top + 1 + len(t.rows), nil
}

// numeric says whether column i holds figures (and markers standing for them) in every
// row, so that its header is aligned right above them.
func (t *table) numeric(i int) bool {
	figures := false
	for _, x := range t.rows {
		if i >= len(x.values) {
			continue
		}
		switch v := x.values[i].(type) {
		case float64, int:
			figures = true
		case nil:
		case string:
			if v != notAvailable && v != notApplicable {
				return false
			}
		default:
			return false
		}
	}
	return figures
}

// fillBlanks gives every empty cell of a table row the not-available marker, aligned right
// as the numbers it may stand among are.
func (r *row) fillBlanks(n int) {
	for len(r.values) < n {
		r.add(nil, cellStyle{})
	}
	for i, v := range r.values {
		if v == nil || v == "" {
			r.values[i] = notAvailable
			r.styles[i] = markerStyle(r.styles[i])
		}
	}
}

// markerStyle is the style of a marker standing where a value would be: the column's
// alignment and fill, right-aligned, without a number format.
func markerStyle(c cellStyle) cellStyle {
	c.format, c.date, c.link, c.right = "", false, false, true
	return c
}

// uniqueHeaders are the columns' headers, made unique as Excel requires of a table's
// (compared ignoring case) by numbering a repeat.
func uniqueHeaders(cols []column) []string {
	seen := map[string]bool{}
	out := make([]string, len(cols))
	for i, c := range cols {
		h := strings.TrimSpace(c.header)
		if h == "" {
			h = "Column " + strconv.Itoa(i+1)
		}
		name := h
		for n := 2; seen[strings.ToLower(name)]; n++ {
			name = h + " (" + strconv.Itoa(n) + ")"
		}
		seen[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// setColumnWidths sets each column's width from cols.
func setColumnWidths(f *excelize.File, sheet string, cols []column) error {
	for i, c := range cols {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, name, name, c.width); err != nil {
			return err
		}
	}
	return nil
}

// freezeHeader keeps the rows down to the header row and the first frozenCols columns in
// view while the rest scrolls.
func freezeHeader(f *excelize.File, sheet string, headerRow, frozenCols int) error {
	topLeft, err := excelize.CoordinatesToCellName(frozenCols+1, headerRow+1)
	if err != nil {
		return err
	}
	pane := "bottomLeft"
	if frozenCols > 0 {
		pane = "bottomRight"
	}
	return f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: frozenCols, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}},
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

// noTable says in place of a table that there is nothing to list, since an Excel table
// needs at least one row below its header.
func noTable(f *excelize.File, st *styles, sheet string, at int, sentence string) error {
	x := row{values: []interface{}{sentence}, styles: []cellStyle{{}}}
	if err := x.write(f, st, sheet, at); err != nil {
		return err
	}
	return setPrintLayout(f, sheet, 0)
}
