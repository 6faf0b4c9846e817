package data

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// workbook is one xlsx file being read.
type workbook struct {
	path     string
	cal      period.Calendar
	f        *excelize.File
	parts    *workbookParts
	formats  *formatCache
	date1904 bool
}

// readXLSX reads every worksheet of a workbook; each holds one table. The problems are those
// of each sheet in sheet order, except that a workbook with no cells at all is one error.
func readXLSX(path string, cal period.Calendar, ds *Dataset, probs *diag.List) {
	defer func() {
		// excelize is a large parser of untrusted input; a panic in it must still end as a
		// message naming the file.
		if r := recover(); r != nil {
			probs.Errorf(diag.Place{File: path}, "cannot read the workbook: the xlsx reader failed (%v); open the file in Excel, save it again and retry", r)
		}
	}()
	f, err := excelize.OpenFile(path)
	if err != nil {
		probs.Errorf(diag.Place{File: path}, "%s", describeOpenError(path, err))
		return
	}
	defer f.Close()
	parts, err := openWorkbookParts(path)
	if err != nil {
		probs.Errorf(diag.Place{File: path}, "cannot read the workbook's structure (%v); open the file in Excel, save it again and retry", err)
		return
	}
	defer parts.Close()
	wb := &workbook{path: path, cal: cal, f: f, parts: parts, formats: newFormatCache(f)}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}

	sheetProbs := &diag.List{}
	anyCells := false
	for _, sheet := range f.GetSheetList() {
		if wb.readSheet(sheet, ds, sheetProbs) {
			anyCells = true
		}
	}
	if !anyCells && !sheetProbs.HasErrors() {
		probs.Errorf(diag.Place{File: path}, "the workbook is empty: no sheet has any data; a data sheet starts with a header row such as code, period, value")
		return
	}
	probs.AddAll(sheetProbs.Problems())
}

// readSheet reads one worksheet's table and reports whether the sheet has any cells.
func (wb *workbook) readSheet(sheet string, ds *Dataset, probs *diag.List) bool {
	at := diag.Place{File: wb.path, Sheet: sheet}
	rows, err := wb.f.Rows(sheet)
	if err != nil {
		probs.Errorf(at, "cannot read the sheet: %v", err)
		return false
	}
	defer rows.Close()
	meta, err := wb.parts.scanner(sheet)
	if err != nil {
		probs.Errorf(at, "cannot read the sheet: %v", err)
		return false
	}
	defer meta.Close()

	t := &table{file: wb.path, sheet: sheet, cal: wb.cal, ds: ds, probs: probs, commaIsThousands: true}
	var (
		cells []cell
		metas []cellMeta
	)
	rowNum := 0
	for rows.Next() {
		rowNum++
		values, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			probs.Errorf(at, "cannot read row %d: %v", rowNum, err)
			return true
		}
		if len(values) == 0 {
			continue
		}
		if metas, err = meta.row(rowNum, metas); err != nil {
			probs.Errorf(at, "cannot read row %d: %v", rowNum, err)
			return true
		}
		cells = wb.cells(values, metas, cells)
		if !t.add(rowNum, cells) {
			break
		}
	}
	if err := rows.Error(); err != nil {
		probs.Errorf(at, "cannot read the sheet: %v", err)
	}
	// excelize ends a cut-short worksheet quietly, as if the data stopped there; reading the
	// metadata pass to its end tells the difference.
	if _, err := meta.row(math.MaxInt, nil); err != nil {
		probs.Errorf(at, "the sheet is damaged (%v); open the workbook in Excel and save it again", err)
		return true
	}
	if !t.started() {
		probs.Warnf(at, "skipped: it is empty")
		return false
	}
	return true
}

// cells joins a row's values (index = column - 1) with the cells' metadata.
func (wb *workbook) cells(values []string, metas []cellMeta, buf []cell) []cell {
	buf = buf[:0]
	for _, v := range values {
		buf = append(buf, cell{text: v})
	}
	for _, m := range metas {
		i := m.col - 1
		if i < 0 || i >= len(buf) {
			continue
		}
		buf[i] = wb.typed(buf[i].text, m)
	}
	return buf
}

// typed gives a cell its kind from its type attribute and number format.
func (wb *workbook) typed(v string, m cellMeta) cell {
	c := cell{text: v}
	if m.formula && !m.hasValue {
		c.kind = kindNoResult
		return c
	}
	switch m.typ {
	case "s", "str", "inlineStr":
		return c
	case "e":
		c.kind = kindError
	case "b":
		c.kind = kindBool
		c.text = "FALSE"
		if strings.TrimSpace(v) == "1" {
			c.text = "TRUE"
		}
	case "d":
		c.kind = kindDate
		c.date = parseISODate(v)
	default:
		num, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return c // an unreadable number is reported as the text it is
		}
		c.num = num
		switch wb.formats.kind(m.style) {
		case formatPercent:
			c.kind = kindPercent
		case formatDate:
			c.kind = kindDate
			if t, err := excelize.ExcelDateToTime(num, wb.date1904); err == nil && num < 2958466 {
				c.date = t
			}
		default:
			c.kind = kindNumber
		}
	}
	return c
}

func parseISODate(v string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			return t
		}
	}
	return time.Time{}
}

// describeOpenError explains why a workbook would not open, from what the file starts with.
func describeOpenError(path string, err error) string {
	head := make([]byte, 8)
	file, openErr := os.Open(path)
	if openErr != nil {
		return "cannot read the file: " + describeOSError(openErr)
	}
	defer file.Close()
	n, _ := io.ReadFull(file, head)
	head = head[:n]
	switch {
	case n == 0:
		return "the file is empty (0 bytes), not an xlsx workbook"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "the workbook is password-protected or is an old-style .xls file; remove the password, or save it from Excel as .xlsx"
	case bytes.HasPrefix(head, []byte("PK")):
		return fmt.Sprintf("the workbook is damaged or incomplete (%v); open it in Excel and save it again, or copy it again if it was cut short", err)
	}
	return "the file is not an xlsx workbook (an xlsx file is a zip archive); save it from Excel as .xlsx, or as .csv with a .csv name"
}
