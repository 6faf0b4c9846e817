package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/data/internal/xlsxread"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/inputfile"
	"github.com/example/qpr/pkg/period"
)

// workbook is one xlsx file being read.
type workbook struct {
	path    string
	cal     period.Calendar
	lim     Limits
	file    *os.File
	x       *xlsxread.Workbook
	formats []formatKind // by cell style index
	row     []cell       // the row being handed to the table, reused
	// formulas is what has been told of the workbook's formulas: the first of a kind is,
	// since every formula of a workbook is in the same state.
	formulas formulaNotes
}

// readXLSX reads every worksheet of a workbook; each holds one table. The problems are those
// of each sheet in sheet order, except that a workbook with no cells at all is one error.
func readXLSX(path string, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	defer func() {
		// The reader is written to return every problem as an error; a panic is a bug in it,
		// and must still end as a message naming the file.
		if r := recover(); r != nil {
			probs.Errorf(diag.Place{File: path}, "cannot read the workbook: the xlsx reader failed (%v); open the file in Excel, save it again and retry", r)
		}
	}()
	wb, ok := openWorkbook(path, cal, lim, probs)
	if !ok {
		return
	}
	defer wb.file.Close()
	sheets := make([]sheetResult, 0, len(wb.x.Sheets))
	anyCells, anyErrors, anyTable := false, false, false
	isReturn := wb.isReturn()
	for i := range wb.x.Sheets {
		if isReturn && wb.returnOnly(i) {
			continue
		}
		r := wb.readSheet(i, ds)
		sheets = append(sheets, r)
		anyCells = anyCells || r.cells
		anyErrors = anyErrors || r.probs.HasErrors()
		anyTable = anyTable || r.table
		if r.stop {
			break
		}
	}
	if !anyCells && !anyErrors {
		probs.Errorf(diag.Place{File: path}, "the workbook is empty: no sheet has any data; a data sheet starts with a header row such as code, period, value")
		return
	}
	// A sheet without a table is skipped with a warning beside a sheet with one (a lookup or
	// notes sheet); when no sheet has one, the file was meant to give data and gives none.
	noData := !anyTable
	if isReturn {
		returnProbs := &diag.List{}
		wb.readReturn(ds, returnProbs)
		probs.AddAll(returnProbs.Problems())
	}
	for _, r := range sheets {
		probs.AddAll(r.probs.Problems())
		if r.skip == "" {
			continue
		}
		at := diag.Place{File: path, Sheet: wb.x.Sheets[r.index].Name}
		if noData {
			probs.Errorf(at, "%s", r.skip)
		} else {
			probs.Warnf(at, "skipped: %s", r.skip)
		}
	}
}

// sheetResult is what reading one sheet gave besides its values.
type sheetResult struct {
	index int
	probs *diag.List
	skip  string // why the sheet's table was skipped; "" if it was not
	cells bool   // whether the sheet has any cells
	table bool   // whether the sheet has a table qpr reads (values or not)
	stop  bool   // whether a limit was met that every later sheet would meet again
}

// openWorkbook opens the file and reads the workbook's structure, styles and shared strings.
func openWorkbook(path string, cal period.Calendar, lim Limits, probs *diag.List) (*workbook, bool) {
	at := diag.Place{File: path}
	// The size is checked below, against the bytes the workbook holds.
	f, _, err := inputfile.Open(path, 0)
	if !reportOpen(path, err, lim, probs) {
		return nil, false
	}
	opened := false
	defer func() {
		if !opened {
			f.Close()
		}
	}()
	info, err := f.Stat()
	if err != nil {
		probs.Errorf(at, "cannot read the file: %s", describeOSError(err))
		return nil, false
	}
	if lim.FileSize > 0 && info.Size() > lim.FileSize {
		probs.Errorf(at, "the file is %s bytes, more than qpr reads; %s", groupThousands(info.Size()), lim.exceeded("file_size"))
		return nil, false
	}
	x, err := xlsxread.Open(f, info.Size(), lim.xlsx())
	if err != nil {
		var xe *xlsxread.Error
		var le *xlsxread.LimitError
		var ns *xlsxread.NotSpreadsheet
		switch {
		case errors.As(err, &ns):
			probs.Errorf(at, "%s; save the data from Excel as an .xlsx workbook", ns.What)
		case errors.As(err, &le), errors.As(err, &xe):
			wb := &workbook{path: path, lim: lim}
			wb.report(err, -1, probs)
		default:
			probs.Errorf(at, "%s", describeOpenError(f, info.Size(), err))
		}
		return nil, false
	}
	opened = true
	wb := &workbook{path: path, cal: cal, lim: lim, file: f, x: x, formats: make([]formatKind, len(x.NumFmts))}
	for i, nf := range x.NumFmts {
		if nf.Code != "" {
			wb.formats[i] = classifyFormatCode(nf.Code)
		} else {
			wb.formats[i] = classifyBuiltInFormat(nf.ID)
		}
	}
	return wb, true
}

// xlsx is the part of the limits that bounds reading a workbook. A cell's length is limited
// in characters; the reader counts bytes, of which a character takes at most four.
func (l Limits) xlsx() xlsxread.Limits {
	cellBytes := 0
	if l.CellLength > 0 {
		cellBytes = int(min(l.CellLength*utf8.UTFMax, 1<<30))
	}
	return xlsxread.Limits{
		PartBytes:     l.XLSXPartSize,
		WorkbookBytes: l.XLSXTotalSize,
		Entries:       int(min(l.XLSXEntries, 1<<31-1)),
		Rows:          int(min(l.Rows, 1<<31-1)),
		Cells:         l.Cells,
		CellBytes:     cellBytes,
		StringsBytes:  l.XLSXStringsSize,
	}
}

// readSheet reads one worksheet's table.
func (wb *workbook) readSheet(i int, ds *Dataset) sheetResult {
	sheet := wb.x.Sheets[i]
	res := sheetResult{index: i, probs: &diag.List{}}
	probs := res.probs
	at := diag.Place{File: wb.path, Sheet: sheet.Name}
	if sheet.Kind != xlsxread.Worksheet {
		probs.Warnf(at, "skipped: it is a chart or dialog sheet, which holds no table")
		return res
	}
	// The sheet is read into a dataset of its own: if its rows turn out to be stored out of
	// order (rare), what it gave is dropped and it is read again, sorted, since the header is
	// the first row by number, not by storage.
	sheetDS, sheetProbs := &Dataset{}, &diag.List{}
	t, err := wb.readTable(i, false, sheetDS, sheetProbs)
	if errors.Is(err, xlsxread.ErrRowsOutOfOrder) {
		sheetDS, sheetProbs = &Dataset{}, &diag.List{}
		t, err = wb.readTable(i, true, sheetDS, sheetProbs)
	}
	if sheet.Hidden && sheetDS.Len() > 0 {
		// Values from a sheet nobody sees when they open the file would reach the report
		// unnoticed (an old quarter's copy, a working sheet).
		probs.Warnf(at, "the sheet is hidden in Excel, and its %s were read; unhide it to check them, or delete the sheet if it is not data", pluralValues(sheetDS.Len()))
	}
	appendSheet(ds, sheetDS)
	if merges := wb.x.Merges(); len(merges) > 0 && sheetProbs.HasErrors() {
		sheetProbs = nameMerges(sheetProbs, merges, wb.path, sheet.Name)
	}
	probs.AddAll(sheetProbs.Problems())
	if err != nil {
		wb.report(err, i, probs)
		var le *xlsxread.LimitError
		res.cells = true
		res.stop = errors.As(err, &le) && le.Limit == xlsxread.LimitWorkbookBytes
		return res
	}
	if !t.started() {
		probs.Warnf(at, "skipped: it is empty")
		return res
	}
	res.cells, res.skip, res.table = true, t.skip, !t.skipped()
	return res
}

// nameMerges rewrites the problems of cells inside merged ranges: a merged range keeps its
// content in its first cell only, so the cells below or beside it read blank, and a message
// about a blank code would hide the cause. Each range is told once, where its first problem
// was, naming the range.
func nameMerges(probs *diag.List, merges []xlsxread.Range, file, sheet string) *diag.List {
	out := &diag.List{}
	told := map[int]bool{}
	for _, p := range probs.Problems() {
		m := -1
		if p.Place.Sheet == sheet && p.Place.Col > 0 {
			for j, g := range merges {
				col, row := p.Place.Col-1, p.Place.Line
				if g.Contains(col, row) && (col != g.FromCol || row != g.FromRow) {
					m = j
					break
				}
			}
		}
		if m < 0 {
			out.Add(p)
			continue
		}
		if told[m] {
			continue
		}
		told[m] = true
		g := merges[m]
		first := xlsxread.ColumnName(g.FromCol) + fmt.Sprint(g.FromRow)
		out.Errorf(diag.CellAt(file, sheet, g.FromRow, g.FromCol+1), "cells %s are merged, and a merged cell holds its content in its first cell (%s) only, so the rest read as blank; unmerge them (Home > Merge & Center) and fill in every row", g, first)
	}
	return out
}

func pluralValues(n int) string {
	if n == 1 {
		return "1 value"
	}
	return groupThousands(int64(n)) + " values"
}

// appendSheet adds what one sheet gave to what the file has given.
func appendSheet(ds, sheet *Dataset) { ds.append(sheet) }

// readTable feeds the sheet's rows to a new table.
func (wb *workbook) readTable(i int, sorted bool, ds *Dataset, probs *diag.List) (*table, error) {
	sheet := wb.x.Sheets[i].Name
	t := &table{file: wb.path, sheet: sheet, cal: wb.cal, ds: ds, probs: probs, formulas: &wb.formulas}
	var tooLong error
	err := wb.x.ReadSheet(i, sorted, func(row int, cells []xlsxread.Cell) bool {
		if tooLong = wb.cells(row, cells); tooLong != nil {
			return false
		}
		return t.add(row, wb.row)
	})
	if err == nil {
		err = tooLong
	}
	t.finish()
	return t, err
}

// cellTooLong is a cell with more characters than the cell_length limit.
type cellTooLong struct{ row, col int }

func (e *cellTooLong) Error() string { return "a cell is too long" }

// cells lays a row's cells out by column (index = column), blanks between, in wb.row.
func (wb *workbook) cells(row int, cells []xlsxread.Cell) error {
	buf := wb.row[:0]
	for _, c := range cells {
		for len(buf) < c.Col {
			buf = append(buf, cell{})
		}
		if limit := wb.lim.CellLength; limit > 0 && int64(len(c.Text)) > limit && int64(utf8.RuneCountInString(c.Text)) > limit {
			return &cellTooLong{row: row, col: c.Col}
		}
		buf = append(buf, cell{})
		wb.setCell(&buf[len(buf)-1], c) // in place: a cell is too large to copy row after row
	}
	wb.row = buf
	return nil
}

// cell gives a cell its kind from its type and number format.
func (wb *workbook) cell(x xlsxread.Cell) cell {
	var c cell
	wb.setCell(&c, x)
	return c
}

// setCell is cell, made in *c, which is blank.
func (wb *workbook) setCell(c *cell, x xlsxread.Cell) {
	c.text, c.formula = x.Text, x.Formula
	if x.Formula && wb.x.RecalcOnOpen && x.Type != xlsxread.NoResult {
		c.kind = kindUncalculated
		return
	}
	switch x.Type {
	case xlsxread.Text:
	case xlsxread.Bool:
		c.kind = kindBool
	case xlsxread.ErrorValue:
		c.kind = kindError
	case xlsxread.NoResult:
		c.kind = kindNoResult
	case xlsxread.ISODate:
		c.kind = kindDate
		c.date = parseISODate(x.Text)
	case xlsxread.Number:
		c.num = x.Num
		format := formatPlain
		if x.Style < len(wb.formats) {
			format = wb.formats[x.Style]
		}
		switch format {
		case formatPercent:
			c.kind = kindPercent
		case formatDate:
			c.kind = kindDate
			if t, err := excelize.ExcelDateToTime(x.Num, wb.x.Date1904); err == nil && x.Num < 2958466 {
				c.date = t
			}
		default:
			c.kind = kindNumber
		}
	}
}

func parseISODate(v string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			return t
		}
	}
	return time.Time{}
}

// report turns an error from the reader into a problem at its place: the file, the sheet or
// the cell. sheet is the index of the sheet being read, or -1.
func (wb *workbook) report(err error, sheet int, probs *diag.List) {
	at := diag.Place{File: wb.path}
	sheetName, sheetPart := "", ""
	if sheet >= 0 {
		sheetName, sheetPart = wb.x.Sheets[sheet].Name, wb.x.Sheets[sheet].Part
		at.Sheet = sheetName
	}
	// A cell's place is made as the table makes it, so both give the same form.
	cellPlace := func(a xlsxread.At) diag.Place {
		if !a.IsCell() || sheetName == "" {
			return at
		}
		return (&table{file: wb.path, sheet: sheetName}).place(a.Row, a.Col)
	}
	var (
		le  *xlsxread.LimitError
		xe  *xlsxread.Error
		ctl *cellTooLong
	)
	switch {
	case errors.As(err, &ctl):
		probs.Errorf(cellPlace(xlsxread.At{Row: ctl.row, Col: ctl.col}), "the cell holds more characters than qpr reads; %s", wb.lim.exceeded("cell_length"))
	case errors.As(err, &le):
		probs.Errorf(cellPlace(le.At), "%s", wb.limitMessage(le, sheetName))
	case errors.As(err, &xe):
		what := xe.Msg
		if !xe.At.IsCell() && xe.At.Row > 0 {
			what = xe.At.String() + ": " + what
		}
		if sheetName == "" || xe.Part != sheetPart {
			what = xe.Part + ": " + what
		}
		probs.Errorf(cellPlace(xe.At), "the workbook is damaged (%s); open it in Excel and save it again", what)
	default:
		probs.Errorf(at, "cannot read the sheet: %v", err)
	}
}

// limitMessage says which limit the workbook went over, where, and how to raise it.
func (wb *workbook) limitMessage(le *xlsxread.LimitError, sheet string) string {
	part := le.Part
	if sheet != "" {
		part = "the sheet's XML (" + part + ")"
	}
	switch le.Limit {
	case xlsxread.LimitPartBytes:
		return fmt.Sprintf("%s unpacks to more than %s; %s", part, formatLimit(le.Max, true), wb.lim.exceeded("xlsx_part_size"))
	case xlsxread.LimitWorkbookBytes:
		return fmt.Sprintf("the workbook's parts unpack to more than %s in all (reading %s); %s", formatLimit(le.Max, true), le.Part, wb.lim.exceeded("xlsx_total_size"))
	case xlsxread.LimitEntries:
		return fmt.Sprintf("the workbook's zip archive lists more than %s entries; %s", groupThousands(le.Max), wb.lim.exceeded("xlsx_entries"))
	case xlsxread.LimitRows:
		return fmt.Sprintf("the sheet has more than %s rows; %s", groupThousands(le.Max), wb.lim.exceeded("rows"))
	case xlsxread.LimitCells:
		if le.Item != "" {
			return fmt.Sprintf("%s holds more than %s %s (held in memory, each counts %d cells); %s", le.Part, groupThousands(le.Max), le.Item, xlsxread.SortingWeight, wb.lim.exceeded("cells"))
		}
		if le.Sorting {
			return fmt.Sprintf("the sheet's rows are stored out of order, so they are held in memory to be sorted, where each cell counts %d times: it has more than %s cells so counted; %s", xlsxread.SortingWeight, groupThousands(le.Max), wb.lim.exceeded("cells"))
		}
		return fmt.Sprintf("the sheet has more than %s cells; %s", groupThousands(le.Max), wb.lim.exceeded("cells"))
	case xlsxread.LimitStringsBytes:
		return fmt.Sprintf("the shared strings (%s) hold more than %s of text, all held in memory while the workbook is read; %s", le.Part, formatLimit(le.Max, true), wb.lim.exceeded("xlsx_strings_size"))
	case xlsxread.LimitCellBytes:
		if le.At.IsCell() {
			return fmt.Sprintf("the cell holds more characters than qpr reads; %s", wb.lim.exceeded("cell_length"))
		}
		if le.Item != "" {
			return fmt.Sprintf("%s of %s holds more characters than qpr reads; %s", le.Item, le.Part, wb.lim.exceeded("cell_length"))
		}
		return fmt.Sprintf("%s holds an XML tag longer than qpr reads; %s", le.Part, wb.lim.exceeded("cell_length"))
	}
	return le.Error()
}

// describeOpenError explains why a workbook would not open, from what the file starts with.
func describeOpenError(f io.ReaderAt, size int64, err error) string {
	head := make([]byte, min(size, 8))
	if _, err := f.ReadAt(head, 0); err != nil {
		return "cannot read the file: " + describeOSError(err)
	}
	switch {
	case size == 0:
		return "the file is empty (0 bytes), not an xlsx workbook"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "the workbook is password-protected or is an old-style .xls file; remove the password, or save it from Excel as .xlsx"
	case bytes.HasPrefix(head, []byte("PK")):
		return fmt.Sprintf("the workbook is damaged or incomplete (%v); open it in Excel and save it again, or copy it again if it was cut short", err)
	}
	return "the file is not an xlsx workbook (an xlsx file is a zip archive); save it from Excel as .xlsx, or as .csv with a .csv name"
}
