// Package xlsx renders a report as a workbook laid out as the Analysis Function's guidance
// for releasing statistics in spreadsheets asks: a Cover with the contents, a Notes sheet,
// the executive Summary, counts by directorate, one sheet per directorate, a KPI history
// sheet and a long Data table. Every table is an Excel table with one header row and no
// blank cells; ratings are words as well as the colours of the templates' style. The same
// report always gives the same bytes.
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

// Render writes r as an XLSX workbook to w, worded and coloured by t (templates.Default()
// when nil): the Summary opens with t's narrative and the Notes sheet takes t's key. The
// workbook is built whole in memory and written with a single Write, so w never receives
// half a file from a failed render.
func Render(w io.Writer, r *report.Report, t *templates.Set) error {
	if r == nil {
		return errors.New("xlsx: no report to render")
	}
	if t == nil {
		t = templates.Default()
	}
	narrative, err := t.Narrative(r)
	if err != nil {
		return err
	}
	return render(w, r, t, narrative)
}

// render is Render with the narrative already worded; when it is blank a sentence of the
// headline counts is written instead.
func render(w io.Writer, r *report.Report, t *templates.Set, narrative string) error {
	if r == nil {
		return errors.New("xlsx: no report to render")
	}
	asAt, err := time.Parse("2006-01-02", r.AsAt)
	if err != nil {
		return fmt.Errorf("xlsx: report as_at %q is not a date written as 2006-01-02", r.AsAt)
	}
	notes, err := noteTexts(t, r)
	if err != nil {
		return err
	}
	raw, err := build(r, t.Style(), asAt, narrative, notes)
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
func build(r *report.Report, style templates.Style, asAt time.Time, narrative string, notes []string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st := newStyles(f, style)
	tables := newTableNamer()
	tables.used[strings.ToLower(dataTable)] = true

	if err := f.SetSheetName("Sheet1", coverSheet); err != nil {
		return nil, err
	}
	namer := newSheetNamer(coverSheet, notesSheet, summarySheet, directoratesSheet, historySheet, dataSheet)
	groups := groupByDirectorate(r, namer)
	contents := workbookContents(r, groups)
	for _, e := range contents[1:] {
		if _, err := f.NewSheet(e.sheet); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", e.sheet, err)
		}
	}
	// Set while the sheets are still empty: excelize re-reads every sheet to do it, and
	// would parse the whole streamed Data sheet back if it were done at the end.
	f.SetActiveSheet(0)

	if err := writeCover(f, st, tables, r, asAt, contents); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", coverSheet, err)
	}
	if err := writeNotes(f, st, tables, notes); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", notesSheet, err)
	}
	if err := writeSummary(f, st, tables, r, narrative); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", summarySheet, err)
	}
	if err := writeDirectorates(f, st, tables, r, groups); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", directoratesSheet, err)
	}
	for _, g := range groups {
		if err := writeDirectorate(f, st, tables, r, g); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", g.sheet, err)
		}
	}
	if err := writeHistory(f, st, tables, r); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", historySheet, err)
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

// summaryContents is what the Cover says the Summary holds: its list of red KPIs only when
// there is one, as the Summary sheet has that table only then.
func summaryContents(r *report.Report) string {
	const counts = "The executive summary: the counts of ratings, directions of travel and activity statuses against the previous quarter"
	if len(redKPIs(r)) == 0 {
		return counts + "."
	}
	return counts + ", and the KPIs rated Red with the management action being taken."
}

// workbookContents lists every sheet in order with what it holds, for the Cover.
func workbookContents(r *report.Report, groups []*directorateSheet) []sheetEntry {
	list := []sheetEntry{
		{coverSheet, "This sheet: what these statistics are, their period, date and source, the shorthand used, and this list of sheets."},
		{notesSheet, "Notes explaining the ratings, activity statuses, directions of travel, how values are shown, stale and part-quarter values, the rating grid, the shorthand and the basis codes."},
		{summarySheet, summaryContents(r)},
		{directoratesSheet, "Counts of ratings, directions of travel and activity statuses for each directorate, with a link to its sheet."},
	}
	for _, g := range groups {
		list = append(list, sheetEntry{g.sheet, directorateTitle(g.directorate) + ": each indicator's value, thresholds, rating, direction of travel, recent ratings and commentary."})
	}
	return append(list,
		sheetEntry{historySheet, "Every indicator's value and rating in each quarter of the history, " + periodSpan(r.HistoryPeriods) + "."},
		sheetEntry{dataSheet, "The long table for filtering and pivot tables: one row per indicator per quarter, in the codes of qpr's JSON output."},
	)
}

// periodSpan is "2022/23 Q3 to 2023/24 Q3".
func periodSpan(periods []report.Period) string {
	switch len(periods) {
	case 0:
		return "none"
	case 1:
		return present.Label(periods[0])
	}
	return present.Label(periods[0]) + " to " + present.Label(periods[len(periods)-1])
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
