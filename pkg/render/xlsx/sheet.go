package xlsx

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/xuri/excelize/v2"
)

// Font sizes and heights of a sheet's title (in A1) and of the headings above the tables on
// a sheet that holds more than one.
const (
	titleSize   = 16
	titleHeight = 24
	headingSize = 12
	headingRow  = 30 // points: space above a heading, made with height rather than a blank row
)

// cellOf is a model cell's value and style in a column; nil for a blank cell.
func cellOf(c present.SheetCell, col present.SheetColumn) (interface{}, cellStyle) {
	s := cellStyle{bold: c.Bold, status: c.Status}
	switch c.Kind {
	case present.Text:
		s.wrap = col.Wrap
		s.link = c.Link != ""
		return c.Text, s
	case present.Number:
		s.format = formatCode(c.Format)
		return c.Number, s
	case present.Bool:
		return c.Bool, s
	case present.Date:
		s.date = true
		return c.Date, s
	case present.Marker:
		s.right, s.wrap = true, col.Wrap
		return c.Text, s
	}
	return nil, cellStyle{}
}

// streamable says whether a sheet is written with excelize's stream writer: one that holds a
// single table and no links (the stream writer can add one table and no hyperlinks). These
// are the sheets that grow with the report: one per directorate, the history and the Data.
func streamable(s *present.Sheet) bool {
	t := s.OneTable()
	if t == nil {
		return false
	}
	for _, c := range t.Columns {
		if c.Links {
			return false
		}
	}
	return true
}

// writeSheet lays a sheet out cell by cell from the top down: title, lines, then each part.
func writeSheet(f *excelize.File, st *styles, s *present.Sheet) error {
	if err := setColumnWidths(f, s.Name, s.Widths); err != nil {
		return err
	}
	next := 1
	put := func(v interface{}, c cellStyle, height float64) error {
		if err := writeRow(f, st, s.Name, next, []interface{}{v}, []cellStyle{c}); err != nil {
			return err
		}
		if height > 0 {
			if err := f.SetRowHeight(s.Name, next, height); err != nil {
				return err
			}
		}
		next++
		return nil
	}
	if err := put(s.Title, cellStyle{bold: true, size: titleSize}, titleHeight); err != nil {
		return err
	}
	for _, l := range s.Lines {
		if err := put(l, cellStyle{wrap: s.WrapLines}, lineHeightOf(s, l)); err != nil {
			return err
		}
	}
	headerRow := 0
	for _, p := range s.Parts {
		if p.Heading != "" {
			if err := put(p.Heading, cellStyle{bold: true, size: headingSize, bottom: true}, headingRow); err != nil {
				return err
			}
		}
		if p.Table == nil {
			if err := put(p.Sentence, cellStyle{}, 0); err != nil {
				return err
			}
			continue
		}
		headerRow = next
		end, err := writeTable(f, st, s.Name, next, p.Table)
		if err != nil {
			return err
		}
		next = end
	}
	if s.OneTable() == nil {
		headerRow = 0
	}
	if headerRow > 0 {
		if err := freezeHeader(f, s.Name, headerRow, s.FreezeCols); err != nil {
			return err
		}
	}
	return setPrintLayout(f, s.Name, headerRow)
}

// lineHeightOf is the height of a line of explanation: tall enough for its wrapped text
// where the sheet's lines wrap in column A, else the default.
func lineHeightOf(s *present.Sheet, line string) float64 {
	if !s.WrapLines || len(s.Widths) == 0 {
		return 0
	}
	return rowHeight([]present.SheetCell{{Kind: present.Text, Text: line}}, []present.SheetColumn{{Width: s.Widths[0], Wrap: true}})
}

// writeTable puts the table at row top, marks it up as an Excel table and returns the next
// free row.
func writeTable(f *excelize.File, st *styles, sheet string, top int, t *present.SheetTable) (int, error) {
	values := make([]interface{}, len(t.Columns))
	styles := make([]cellStyle, len(t.Columns))
	for i, c := range t.Columns {
		values[i], styles[i] = c.Header, cellStyle{header: true, right: c.Numeric}
	}
	if err := writeRow(f, st, sheet, top, values, styles); err != nil {
		return 0, err
	}
	if err := f.SetRowHeight(sheet, top, headerHeight(t.Columns)); err != nil {
		return 0, err
	}
	n := top
	for cells := range t.Rows {
		n++
		for i := range values {
			values[i], styles[i] = nil, cellStyle{}
			if i < len(cells) {
				values[i], styles[i] = cellOf(cells[i], t.Columns[i])
			}
		}
		if err := writeRow(f, st, sheet, n, values, styles); err != nil {
			return 0, err
		}
		if h := rowHeight(cells, t.Columns); h > 0 {
			if err := f.SetRowHeight(sheet, n, h); err != nil {
				return 0, err
			}
		}
		for i, c := range cells {
			if c.Link == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, n)
			if err := f.SetCellHyperLink(sheet, cell, sheetRef(c.Link)+"!A1", "Location"); err != nil {
				return 0, err
			}
		}
	}
	if err := addTable(f, sheet, top, n, t); err != nil {
		return 0, err
	}
	return n + 1, nil
}

// addTable marks rows top (the header) to last up as the Excel table t.
func addTable(f *excelize.File, sheet string, top, last int, t *present.SheetTable) error {
	ref, err := tableRange(top, last, t)
	if err != nil {
		return err
	}
	noStripes := false
	if err := f.AddTable(sheet, &excelize.Table{Range: ref, Name: t.Name, ShowRowStripes: &noStripes}); err != nil {
		return fmt.Errorf("table %s: %w", t.Name, err)
	}
	return nil
}

func tableRange(top, last int, t *present.SheetTable) (string, error) {
	first, _ := excelize.CoordinatesToCellName(1, top)
	end, err := excelize.CoordinatesToCellName(len(t.Columns), last)
	if err != nil {
		return "", err
	}
	return first + ":" + end, nil
}

// writeRow puts values at the 1-based row number, styling runs of equal cells together.
func writeRow(f *excelize.File, st *styles, sheet string, rowNum int, values []interface{}, styles []cellStyle) error {
	start, err := excelize.CoordinatesToCellName(1, rowNum)
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, start, &values); err != nil {
		return err
	}
	for first := 0; first < len(styles); {
		last := first
		for last+1 < len(styles) && styles[last+1] == styles[first] {
			last++
		}
		id, err := st.id(styles[first])
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

// streamSheet writes a sheet of one table with excelize's stream writer, row by row, so
// that a large table is never held as excelize's cells: title, lines, header, rows. With
// runs non-nil, the rows rowXML can write go there instead, behind marker rows (rowxml.go).
func streamSheet(f *excelize.File, st *styles, s *present.Sheet, runs *[]*run) error {
	t := s.OneTable()
	headerRow := 2 + len(s.Lines)
	// Set before streaming: the stream writer keeps the sheet's print settings, and setting
	// them afterwards would make excelize parse the whole streamed sheet back.
	if err := setPrintLayout(f, s.Name, headerRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	for i, w := range s.Widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	topLeft, err := excelize.CoordinatesToCellName(s.FreezeCols+1, headerRow+1)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(panes(headerRow, s.FreezeCols, topLeft)); err != nil {
		return err
	}
	styled := func(v interface{}, c cellStyle) (interface{}, error) {
		if v == nil {
			return nil, nil
		}
		id, err := st.id(c)
		return excelize.Cell{StyleID: id, Value: v}, err
	}
	put := func(row int, cells []interface{}, height float64) error {
		ref, _ := excelize.CoordinatesToCellName(1, row)
		if height > 0 {
			return sw.SetRow(ref, cells, excelize.RowOpts{Height: height})
		}
		return sw.SetRow(ref, cells)
	}
	title, err := styled(s.Title, cellStyle{bold: true, size: titleSize})
	if err != nil {
		return err
	}
	if err := put(1, []interface{}{title}, titleHeight); err != nil {
		return err
	}
	for i, l := range s.Lines {
		line, err := styled(l, cellStyle{wrap: s.WrapLines})
		if err != nil {
			return err
		}
		if err := put(2+i, []interface{}{line}, lineHeightOf(s, l)); err != nil {
			return err
		}
	}
	cells := make([]interface{}, len(t.Columns))
	for i, c := range t.Columns {
		if cells[i], err = styled(c.Header, cellStyle{header: true, right: c.Numeric}); err != nil {
			return err
		}
	}
	if err := put(headerRow, cells, headerHeight(t.Columns)); err != nil {
		return err
	}
	// Each row's cells are pointers into one reused slice, so that no cell is boxed afresh.
	buf := make([]excelize.Cell, len(t.Columns))
	values := make([]rowCell, len(t.Columns))
	var open *run // the run of rows written by rowXML that the next row may join
	n := headerRow
	for row := range t.Rows {
		n++
		for i := range values {
			values[i] = rowCell{}
			if i >= len(row) {
				continue
			}
			v, c := cellOf(row[i], t.Columns[i])
			if v == nil {
				continue
			}
			id, err := st.id(c)
			if err != nil {
				return err
			}
			values[i] = rowCell{value: v, style: id}
		}
		height := rowHeight(row, t.Columns)
		if runs != nil && writable(n, values, height) {
			if open == nil {
				token := markerToken(len(*runs))
				open = &run{marker: markerRow(n, token), rows: &rowXML{}}
				*runs = append(*runs, open)
				if err := put(n, []interface{}{token}, 0); err != nil {
					return fmt.Errorf("table %s row %d: %w", t.Name, n-headerRow, err)
				}
			}
			open.rows.row(n, values, height)
			continue
		}
		open = nil
		for i, v := range values {
			cells[i] = nil
			if v.value != nil {
				buf[i] = excelize.Cell{StyleID: v.style, Value: v.value}
				cells[i] = &buf[i]
			}
		}
		if err := put(n, cells, height); err != nil {
			return fmt.Errorf("table %s row %d: %w", t.Name, n-headerRow, err)
		}
	}
	ref, err := tableRange(headerRow, n, t)
	if err != nil {
		return err
	}
	noStripes := false
	if err := sw.AddTable(&excelize.Table{Range: ref, Name: t.Name, ShowRowStripes: &noStripes}); err != nil {
		return fmt.Errorf("table %s: %w", t.Name, err)
	}
	return sw.Flush()
}

// sheetRef quotes a sheet name for use in a reference, as Excel does.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// setColumnWidths sets each column's width.
func setColumnWidths(f *excelize.File, sheet string, widths []float64) error {
	for i, w := range widths {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	return nil
}

// panes keeps the rows down to the header row and the first frozenCols columns in view
// while the rest scrolls.
func panes(headerRow, frozenCols int, topLeft string) *excelize.Panes {
	pane := "bottomLeft"
	if frozenCols > 0 {
		pane = "bottomRight"
	}
	return &excelize.Panes{
		Freeze: true, XSplit: frozenCols, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}},
	}
}

func freezeHeader(f *excelize.File, sheet string, headerRow, frozenCols int) error {
	topLeft, err := excelize.CoordinatesToCellName(frozenCols+1, headerRow+1)
	if err != nil {
		return err
	}
	return f.SetPanes(sheet, panes(headerRow, frozenCols, topLeft))
}
