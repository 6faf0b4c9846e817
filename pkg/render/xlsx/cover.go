package xlsx

import (
	"strings"
	"time"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/xuri/excelize/v2"
)

const coverSheet = "Cover"

// sheetEntry is one line of the Cover's contents: a sheet and what it holds.
type sheetEntry struct {
	sheet, holds string
}

const (
	coverLabelWidth = 26.0
	coverTextWidth  = 100.0
)

// writeCover writes the sheet a reader opens on: the title, what the statistics are (period,
// date, source, shorthand) and the contents, each sheet linked, as two Excel tables.
func writeCover(f *excelize.File, st *styles, names *tableNamer, r *report.Report, asAt time.Time, contents []sheetEntry) error {
	cols := []column{{"", coverLabelWidth, true}, {"", coverTextWidth, true}}
	if err := setColumnWidths(f, coverSheet, cols); err != nil {
		return err
	}
	top, err := sheetTop(f, st, coverSheet, reportTitle(r)+", "+present.Label(r.Period), []string{
		strings.TrimSpace(r.Organisation + ": performance indicators for " + present.Label(r.Period) + ", with their ratings, direction of travel, history and commentary."),
		"This worksheet contains two tables: about these statistics, and the contents of the workbook.",
	}, false, 0)
	if err != nil {
		return err
	}
	about := table{name: names.name("Cover_about", ""), cols: []column{{"Item", coverLabelWidth, true}, {"Details", coverTextWidth, true}}}
	add := func(item string, v interface{}, c cellStyle) {
		about.rows = append(about.rows, &row{values: []interface{}{item, v}, styles: []cellStyle{{bold: true}, c}})
	}
	wrap := cellStyle{wrap: true}
	add("Title", reportTitle(r), wrap)
	add("Organisation", text(r.Organisation), wrap)
	add("Pack", text(packName(r.Pack)), wrap)
	add("Period covered", periodCovered(r), wrap)
	add("Data as at", asAt, cellStyle{date: true, right: false})
	add("Source", source(r), wrap)
	add("Shorthand", shorthandText, wrap)
	add("Notes", "The Notes sheet explains the ratings, statuses, directions of travel and the way values are shown; other sheets refer to its notes as [note 1], [note 2] and so on.", wrap)
	x := row{values: []interface{}{"About these statistics"}, styles: []cellStyle{{bold: true, size: headingSize, bottom: true}}}
	if err := x.write(f, st, coverSheet, top); err != nil {
		return err
	}
	if err := f.SetRowHeight(coverSheet, top, headingRow); err != nil {
		return err
	}
	next, err := about.write(f, st, coverSheet, top+1)
	if err != nil {
		return err
	}
	x = row{values: []interface{}{"Contents"}, styles: []cellStyle{{bold: true, size: headingSize, bottom: true}}}
	if err := x.write(f, st, coverSheet, next); err != nil {
		return err
	}
	if err := f.SetRowHeight(coverSheet, next, headingRow); err != nil {
		return err
	}
	list := table{name: names.name("Contents", ""), cols: []column{{"Sheet", coverLabelWidth, false}, {"What it holds", coverTextWidth, true}}}
	for _, e := range contents {
		list.rows = append(list.rows, &row{values: []interface{}{e.sheet, e.holds}, styles: []cellStyle{{link: true}, wrap}})
	}
	first := next + 2
	if _, err := list.write(f, st, coverSheet, next+1); err != nil {
		return err
	}
	for i, e := range contents {
		cell, _ := excelize.CoordinatesToCellName(1, first+i)
		if err := f.SetCellHyperLink(coverSheet, cell, sheetRef(e.sheet)+"!A1", "Location"); err != nil {
			return err
		}
	}
	return setPrintLayout(f, coverSheet, 0)
}

// reportTitle is the report's title, else its pack's.
func reportTitle(r *report.Report) string {
	if r.Title != "" {
		return r.Title
	}
	if r.Pack.Title != "" {
		return r.Pack.Title
	}
	return "Quarterly Performance Report"
}

func packName(p report.PackRef) string {
	switch {
	case p.Title != "" && p.ID != "":
		return p.Title + " (" + p.ID + ")"
	case p.Title != "":
		return p.Title
	default:
		return p.ID
	}
}

// periodCovered is "2023/24 Q3: October to December 2023, compared with 2023/24 Q2."
func periodCovered(r *report.Report) string {
	s := present.Label(r.Period)
	if months := present.MonthsCovered(r); months != "" {
		s += ": " + months
	}
	if !r.PreviousPeriod.IsZero() {
		s += ", compared with the previous quarter, " + present.Label(r.PreviousPeriod)
	}
	return s + "."
}

// source says where the figures come from, in the terms of the tool's inputs.
func source(r *report.Report) string {
	org := r.Organisation
	if org == "" {
		return "Figures returned each quarter by the organisation's services; targets, floors and expected ranges from its indicator catalogue. Compiled with qpr."
	}
	return "Figures returned each quarter by " + org + "'s services; targets, floors and expected ranges from " + org + "'s indicator catalogue. Compiled with qpr."
}
