// Package xlsx renders a report as a workbook for analysts and services: a Summary sheet,
// one sheet per directorate, a KPI history sheet and a long Data table. The same report
// always gives the same bytes.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
	"github.com/xuri/excelize/v2"
)

// Render writes r as an XLSX workbook to w, its Summary opened by t's narrative
// (templates.Default() when t is nil). The workbook is built whole in memory and written with
// a single Write, so w never receives half a file from a failed render.
func Render(w io.Writer, r *report.Report, t *templates.Set) error {
	if r == nil {
		return errors.New("xlsx: no report to render")
	}
	if t == nil {
		t = templates.Default()
	}
	text, err := t.Narrative(r)
	if err != nil {
		return err
	}
	return renderWith(w, r, strings.Join(templates.Paragraphs(text), "\n\n"))
}

// renderWith writes the workbook with narrative as the Summary's opening paragraph; when it
// is blank a sentence of the headline counts is written instead.
func renderWith(w io.Writer, r *report.Report, narrative string) error {
	if r == nil {
		return errors.New("xlsx: no report to render")
	}
	asAt, err := time.Parse("2006-01-02", r.AsAt)
	if err != nil {
		return fmt.Errorf("xlsx: report as_at %q is not a date written as 2006-01-02", r.AsAt)
	}
	raw, err := build(r, asAt, narrative)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	b, err := normalizeZip(raw, asAt)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	_, err = w.Write(b)
	return err
}

// build lays the workbook out with excelize. Its zip may order parts by map iteration and
// so is re-packed by normalizeZip before anyone sees it.
func build(r *report.Report, asAt time.Time, narrative string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st := newStyles(f)

	if err := f.SetSheetName("Sheet1", summarySheet); err != nil {
		return nil, err
	}
	namer := newSheetNamer(summarySheet, historySheet, dataSheet)
	groups := groupByDirectorate(r, namer)
	for _, name := range append(sheetNames(groups), historySheet, dataSheet) {
		if _, err := f.NewSheet(name); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	// Set while the sheets are still empty: excelize re-reads every sheet to do it, and
	// would parse the whole streamed Data sheet back if it were done at the end.
	f.SetActiveSheet(0)

	if err := writeSummary(f, st, r, asAt, narrative, groups); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", summarySheet, err)
	}
	for _, g := range groups {
		if err := writeDirectorate(f, st, r, g); err != nil {
			return nil, err
		}
	}
	if err := writeHistory(f, st, r); err != nil {
		return nil, err
	}
	// The Data sheet is for filtering and pivoting, not printing, and is left as streamed.
	for _, name := range append([]string{summarySheet}, append(sheetNames(groups), historySheet)...) {
		if err := setPrintLayout(f, name, name != summarySheet); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	if err := writeData(f, st, r); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", dataSheet, err)
	}
	if err := setProperties(f, r, asAt); err != nil {
		return nil, err
	}
	var raw bytes.Buffer
	if err := f.Write(&raw); err != nil {
		return nil, err
	}
	return raw.Bytes(), nil
}

func sheetNames(groups []*directorateSheet) []string {
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.sheet
	}
	return names
}

// setProperties dates the workbook with the report's own date rather than the clock, so
// that the same report gives the same file.
func setProperties(f *excelize.File, r *report.Report, asAt time.Time) error {
	stamp := asAt.UTC().Format(time.RFC3339)
	title := strings.TrimSpace(r.Title + " " + present.Label(r.Period))
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        r.Pack.Title,
		Creator:        r.Organisation,
		LastModifiedBy: r.Organisation,
		Created:        stamp,
		Modified:       stamp,
		Identifier:     r.Pack.ID + "-" + r.FileLabel,
		Language:       "en-GB",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "qpr", Company: r.Organisation})
}
