package xlsx

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// column is one column of a sheet people read: its header, width and whether long text
// wraps in it.
type column struct {
	header string
	width  float64
	wrap   bool
}

// row gathers one sheet row's values with each cell's style before it is written in one go.
type row struct {
	values []interface{}
	styles []cellStyle
}

func (r *row) add(v interface{}, s cellStyle) {
	r.values = append(r.values, v)
	r.styles = append(r.styles, s)
}

// write puts the row at the given 1-based row number, styling runs of equal cells together.
func (r *row) write(f *excelize.File, st *styles, sheet string, rowNum int) error {
	start, err := excelize.CoordinatesToCellName(1, rowNum)
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, start, &r.values); err != nil {
		return err
	}
	for first := 0; first < len(r.styles); {
		last := first
		for last+1 < len(r.styles) && r.styles[last+1] == r.styles[first] {
			last++
		}
		id, err := st.id(r.styles[first])
		if err != nil {
			return err
		}
		from, _ := excelize.CoordinatesToCellName(first+1, rowNum)
		to, _ := excelize.CoordinatesToCellName(last+1, rowNum)
		if err := f.SetCellStyle(sheet, from, to, id); err != nil {
			return err
		}
		first = last + 1
	}
	return nil
}

// Line metrics of the default font (Calibri 11): a line is 15 points high, and a column
// width of w holds about 1.2·w characters of ordinary text (the unit is the width of "0").
const (
	lineHeight    = 15
	charsPerWidth = 1.2
	maxRowHeight  = 409 // Excel's limit
)

// fitHeight sets the row tall enough for its wrapped text, since neither Excel nor
// LibreOffice grows a row to fit when opening a file; rows with nothing to wrap keep the
// default height.
func (r *row) fitHeight(f *excelize.File, sheet string, rowNum int, cols []column) error {
	lines := 1
	for i, v := range r.values {
		s, ok := v.(string)
		if !ok || i >= len(cols) || !cols[i].wrap {
			continue
		}
		lines = max(lines, wrappedLines(s, cols[i].width))
	}
	if lines == 1 {
		return nil
	}
	return f.SetRowHeight(sheet, rowNum, math.Min(float64(lines*lineHeight), maxRowHeight))
}

// wrappedLines estimates how many lines s takes in a column of the given width.
func wrappedLines(s string, width float64) int {
	perLine := max(1, int(width*charsPerWidth))
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
	}
	return n
}

// number turns an optional figure into a cell value; a missing or non-finite figure is
// nil (a table writes its marker there), since Excel cannot hold NaN or infinity.
func number(p *float64) interface{} {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return nil
	}
	return *p
}

// text turns an optional string into a cell value, nil when absent.
func text(s string) interface{} {
	if s == "" {
		return nil
	}
	return s
}
