// Package xlsx paints the report's workbook (present.WorkbookOf) as an Excel file: every
// sheet, table, word and number form is decided in pkg/present; this package turns each
// typed cell into an excelize value and style, writes the large single-table sheets with
// excelize's stream writer, and re-packs the zip so that the same report always gives the
// same bytes.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
	"github.com/xuri/excelize/v2"
)

// Render writes r as an XLSX workbook to w, worded and coloured by t (templates.Default()
// when nil). The workbook is built whole in memory and written with a single Write, so w
// never receives half a file from a failed render.
func Render(w io.Writer, r *report.Report, t *templates.Set) error {
	if r == nil {
		return errors.New("xlsx: no report to render")
	}
	if t == nil {
		t = templates.Default()
	}
	wb, err := present.WorkbookOf(r, t)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return Paint(w, wb, t.Style())
}

// render is Render with the narrative already worded.
func render(w io.Writer, r *report.Report, t *templates.Set, narrative string) error {
	wb, err := present.WorkbookWith(r, t, narrative)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return Paint(w, wb, t.Style())
}

// Paint writes the workbook wb as an XLSX file to w, in the colours of style.
func Paint(w io.Writer, wb *present.Workbook, style templates.Style) error {
	raw, err := build(wb, style)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	b, err := normalizeZip(raw, wb.AsAt)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	_, err = w.Write(b)
	return err
}

// spliceRows is whether the large sheets' rows are written by rowXML (rowxml.go); the test
// that compares them with excelize's own turns it off.
var spliceRows = true

// build lays the workbook out with excelize. Its zip may order parts by map iteration and
// so is re-packed by normalizeZip before anyone sees it.
func build(wb *present.Workbook, style templates.Style) ([]byte, error) {
	if len(wb.Sheets) == 0 {
		return nil, errors.New("a workbook needs at least one sheet")
	}
	f := excelize.NewFile()
	defer f.Close()
	st := newStyles(f, style)
	if err := f.SetSheetName("Sheet1", wb.Sheets[0].Name); err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets[1:] {
		if _, err := f.NewSheet(s.Name); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s.Name, err)
		}
	}
	// Set while the sheets are still empty: excelize re-reads every sheet to do it, and
	// would parse the streamed sheets back if it were done at the end.
	f.SetActiveSheet(0)
	var runs *[]*run
	if spliceRows {
		runs = new([]*run)
		useSplicer(f, runs)
	}
	for i := range wb.Sheets {
		s := &wb.Sheets[i]
		var err error
		if streamable(s) {
			err = streamSheet(f, st, s, runs)
		} else {
			err = writeSheet(f, st, s)
		}
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	if err := setProperties(f, wb); err != nil {
		return nil, err
	}
	var raw bytes.Buffer
	if err := f.Write(&raw); err != nil {
		return nil, err
	}
	return raw.Bytes(), nil
}

// setProperties dates the workbook with the report's own date rather than the clock, so
// that the same report gives the same file.
func setProperties(f *excelize.File, wb *present.Workbook) error {
	stamp := wb.AsAt.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          wb.Title,
		Subject:        wb.Subject,
		Creator:        wb.Creator,
		LastModifiedBy: wb.Creator,
		Created:        stamp,
		Modified:       stamp,
		Identifier:     wb.Identifier,
		Language:       wb.Language,
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "qpr", Company: wb.Creator})
}
