package pack_test

import (
	"bytes"
	"slices"
	"strconv"
	"testing"

	"github.com/example/qpr/pkg/render/xlsx"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
	"github.com/xuri/excelize/v2"
)

// ratingWords are the words the directorate sheets show for the contract's status codes;
// the Data sheet keeps the codes themselves, for scripts.
var ratingWords = map[string]string{
	"green": "Green", "amber": "Amber", "red": "Red", "not_rated": "Not rated", "no_data": "No data",
	"above": "Above", "within": "Within", "below": "Below",
}

// TestExampleWorkbookMatchesJSON reads the example's workbook back with excelize and checks
// it cell by cell against the report the JSON is made from, so the two formats cannot drift.
func TestExampleWorkbookMatchesJSON(t *testing.T) {
	r := loadExample(t).build(t, "qpr")
	var buf bytes.Buffer
	if err := xlsx.Render(&buf, r, templates.Default()); err != nil {
		t.Fatalf("rendering the workbook: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	defer f.Close()

	// The sheets a reader finds: the summary, one per directorate named by its code (none
	// is longer than Excel's 31 characters or clashes), the history grid and the long table.
	wantSheets := []string{"Summary", "CED", "DCED", "GET", "ASCH", "CYPE", "PH", "KPI history", "Data"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets %v, want %v", got, wantSheets)
	}

	t.Run("directorate sheets", func(t *testing.T) { checkDirectorateSheets(t, f, r) })
	t.Run("Data sheet", func(t *testing.T) { checkDataSheet(t, f, r) })
	t.Run("Summary counts", func(t *testing.T) { checkSummarySheet(t, f, r) })
	t.Run("table layout", func(t *testing.T) { checkTableLayout(t, f, r) })
}

func checkDirectorateSheets(t *testing.T, f *excelize.File, r *report.Report) {
	for _, d := range r.Directorates {
		rows := rawRows(t, f, d.Code)
		var members []report.Indicator
		for _, ind := range r.Indicators {
			if ind.Directorate == d.Code {
				members = append(members, ind)
			}
		}
		if len(rows) != 1+len(members) {
			t.Errorf("sheet %s has %d rows, want a header and %d indicators", d.Code, len(rows), len(members))
			continue
		}
		var periods []string
		for _, p := range r.HistoryPeriods {
			periods = append(periods, p.String())
		}
		col := columnsOf(t, d.Code, rows[0], append([]string{"Code", "Value", "Target", "Floor", "Rating"}, periods...))
		for i, ind := range members {
			row := rows[i+1]
			at := func(name string) string { return cellAt(row, col[name]) }
			if at("Code") != ind.Code {
				t.Errorf("sheet %s row %d: code %q, want %s", d.Code, i+2, at("Code"), ind.Code)
				continue
			}
			checkNumberCell(t, d.Code+" "+ind.Code+" value", at("Value"), ind.Value)
			checkNumberCell(t, d.Code+" "+ind.Code+" target", at("Target"), ind.Target)
			checkNumberCell(t, d.Code+" "+ind.Code+" floor", at("Floor"), ind.Floor)
			if want := ratingWords[statusOf(&ind)]; at("Rating") != want {
				t.Errorf("sheet %s %s: rating %q, want %q", d.Code, ind.Code, at("Rating"), want)
			}
			// Earlier quarters show their own rating; the report quarter shows the headline
			// the summary counts, with the quarter a stale value is from (issue 8.6).
			for _, h := range ind.History {
				want := ratingWords[historyStatusOf(h)]
				if h.Period == r.Period {
					want = ratingWords[statusOf(&ind)]
					switch {
					case ind.Stale:
						want += " (from " + ind.ValuePeriod.String() + ")"
					case ind.Partial:
						want += " (part quarter)"
					}
				}
				if got := at(h.Period.String()); got != want {
					t.Errorf("sheet %s %s %s: %q, want %q", d.Code, ind.Code, h.Period, got, want)
				}
			}
		}
	}
}

// checkDataSheet walks the long table: each indicator in report order, one row per history
// quarter. Earlier quarters carry the history's own value and rating; the report quarter
// carries the headline the report shows, which for WM01 is 2023/24 Q1's value standing in,
// flagged stale (pkg/render/xlsx/data.go says so on purpose).
func checkDataSheet(t *testing.T, f *excelize.File, r *report.Report) {
	rows := rawRows(t, f, "Data")
	want := []string{"code", "directorate", "period", "value", "unit", "value_period", "rating",
		"target", "floor", "expected_lower", "expected_upper", "stale", "partial"}
	if len(rows) == 0 || !slices.Equal(rows[0], want) {
		t.Fatalf("Data header %v, want %v", rows[0:min(1, len(rows))], want)
	}
	if n := len(r.Indicators) * len(r.HistoryPeriods); len(rows) != n+1 {
		t.Errorf("Data has %d rows below its header, want %d indicators × %d quarters = %d", len(rows)-1, len(r.Indicators), len(r.HistoryPeriods), n)
	}
	next := 1
	for _, ind := range r.Indicators {
		for _, h := range ind.History {
			if next >= len(rows) {
				t.Fatalf("Data ends at row %d, before %s %s", next, ind.Code, h.Period.String())
			}
			row := rows[next]
			next++
			where := "Data row " + strconv.Itoa(next) + " (" + ind.Code + " " + h.Period.String() + ")"
			if cellAt(row, 0) != ind.Code || cellAt(row, 1) != ind.Directorate || cellAt(row, 2) != h.Period.String() {
				t.Errorf("%s: code, directorate, period = %q %q %q", where, cellAt(row, 0), cellAt(row, 1), cellAt(row, 2))
				continue
			}
			value, status, stale := h.Value, historyStatusOf(h), false
			if h.Period == r.Period {
				value, status, stale = ind.Value, statusOf(&ind), ind.Stale
			}
			checkNumberCell(t, where+" value", cellAt(row, 3), value)
			if cellAt(row, 6) != status {
				t.Errorf("%s: rating %q, want %q", where, cellAt(row, 6), status)
			}
			if got := cellAt(row, 11) == "1"; got != stale {
				t.Errorf("%s: stale %q, want %v", where, cellAt(row, 11), stale)
			}
		}
	}
	// The one stale figure in the example, spelled out.
	for _, row := range rows[1:] {
		if cellAt(row, 0) == "WM01" && cellAt(row, 2) == "2023/24 Q2" {
			if cellAt(row, 3) != "50.3" || cellAt(row, 5) != "2023/24 Q1" || cellAt(row, 11) != "1" {
				t.Errorf("WM01 2023/24 Q2 on the Data sheet: %v; want 50.3 from 2023/24 Q1, stale", row)
			}
		}
	}
}

// checkSummarySheet finds each comparison table by its title in column A and reads the
// counts beside each label.
func checkSummarySheet(t *testing.T, f *excelize.File, r *report.Report) {
	rows := rawRows(t, f, "Summary")
	s := r.Summary
	type line struct {
		label       string
		this, prior int
	}
	tables := []struct {
		title string
		lines []line
	}{
		{"RAG rating", []line{
			{"Green", s.RAG.Green, s.RAGPrevious.Green}, {"Amber", s.RAG.Amber, s.RAGPrevious.Amber},
			{"Red", s.RAG.Red, s.RAGPrevious.Red}, {"Not rated", s.RAG.NotRated, s.RAGPrevious.NotRated},
			{"No data", s.RAG.NoData, s.RAGPrevious.NoData}, {"Total", s.KPIs, s.KPIs},
		}},
		{"Direction of travel", []line{
			{"Improving", s.Trend.Improving, s.TrendPrevious.Improving}, {"Stable", s.Trend.Stable, s.TrendPrevious.Stable},
			{"Worsening", s.Trend.Worsening, s.TrendPrevious.Worsening}, {"Insufficient data", s.Trend.Insufficient, s.TrendPrevious.Insufficient},
		}},
		{"Activity indicators", []line{
			{"Above expected range", s.Activity.Above, s.ActivityPrevious.Above},
			{"Within expected range", s.Activity.Within, s.ActivityPrevious.Within},
			{"Below expected range", s.Activity.Below, s.ActivityPrevious.Below},
		}},
	}
	for _, table := range tables {
		title, lines := table.title, table.lines
		at := slices.IndexFunc(rows, func(row []string) bool { return cellAt(row, 0) == title })
		if at < 0 {
			t.Errorf("Summary has no %q table", title)
			continue
		}
		for i, l := range lines {
			row := rowAt(rows, at+1+i)
			this, prior, change := strconv.Itoa(l.this), strconv.Itoa(l.prior), strconv.Itoa(l.this-l.prior)
			if cellAt(row, 0) != l.label || cellAt(row, 1) != this || cellAt(row, 2) != prior || cellAt(row, 3) != change {
				t.Errorf("Summary %s: row %v, want %s %s %s %s", title, row, l.label, this, prior, change)
			}
		}
	}
	// The headline counts, as worked out by hand from the data (see TestExampleReportGolden).
	rag := slices.IndexFunc(rows, func(row []string) bool { return cellAt(row, 0) == "RAG rating" })
	if green, amber, red := rowAt(rows, rag+1), rowAt(rows, rag+2), rowAt(rows, rag+3); rag < 0 ||
		cellAt(green, 1) != "15" || cellAt(amber, 1) != "15" || cellAt(red, 1) != "8" {
		t.Errorf("Summary RAG counts %v %v %v, want 15 green, 15 amber, 8 red", green, amber, red)
	}

	first := slices.IndexFunc(rows, func(row []string) bool { return cellAt(row, 0) == "Directorate" })
	if first < 0 {
		t.Fatalf("Summary has no counts-by-directorate table")
	}
	for i, d := range r.Directorates {
		row := rowAt(rows, first+1+i)
		want := []string{d.Name, d.Code, strconv.Itoa(d.KPIs), strconv.Itoa(d.RAG.Green), strconv.Itoa(d.RAG.Amber), strconv.Itoa(d.RAG.Red)}
		if !slices.Equal(row[:min(len(row), len(want))], want) {
			t.Errorf("Summary counts for %s: %v, want %v", d.Code, row, want)
		}
	}
}

// checkTableLayout checks what makes a sheet sort, filter and pivot cleanly: a single header
// row, every row below it an indicator, and no merged cells.
func checkTableLayout(t *testing.T, f *excelize.File, r *report.Report) {
	codes := map[string]bool{}
	for _, ind := range r.Indicators {
		codes[ind.Code] = true
	}
	tableSheets := []string{"KPI history", "Data"}
	for _, d := range r.Directorates {
		tableSheets = append(tableSheets, d.Code)
	}
	for _, sheet := range tableSheets {
		rows := rawRows(t, f, sheet)
		if len(rows) < 2 || !slices.Contains([]string{"Code", "code"}, cellAt(rows[0], 0)) {
			t.Errorf("sheet %s does not start with a header row headed Code", sheet)
			continue
		}
		for i, row := range rows[1:] {
			if !codes[cellAt(row, 0)] {
				t.Errorf("sheet %s row %d starts with %q, not an indicator code: a second header or a blank row", sheet, i+2, cellAt(row, 0))
			}
		}
		merged, err := f.GetMergeCells(sheet)
		if err != nil || len(merged) != 0 {
			t.Errorf("sheet %s has %d merged cells (err %v); a table sheet must have none", sheet, len(merged), err)
		}
	}

	tables, err := f.GetTables("Data")
	wantRange := "A1:M" + strconv.Itoa(1+len(r.Indicators)*len(r.HistoryPeriods))
	if err != nil || len(tables) != 1 || tables[0].Range != wantRange {
		t.Errorf("Data sheet tables %+v (err %v), want one Excel table over %s", tables, err, wantRange)
	}
	panes, err := f.GetPanes("Data")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("Data sheet panes %+v (err %v), want the header row frozen", panes, err)
	}
}

func rawRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("reading sheet %s: %v", sheet, err)
	}
	return rows
}

// columnsOf finds each named header's column index, failing if one is missing.
func columnsOf(t *testing.T, sheet string, header []string, names []string) map[string]int {
	t.Helper()
	col := map[string]int{}
	for _, n := range names {
		i := slices.Index(header, n)
		if i < 0 {
			t.Fatalf("sheet %s has no %q column; header %v", sheet, n, header)
		}
		col[n] = i
	}
	return col
}

// rowAt is a sheet's row, or nil past its end.
func rowAt(rows [][]string, i int) []string {
	if i >= 0 && i < len(rows) {
		return rows[i]
	}
	return nil
}

// cellAt is a row's cell, or "" past its end (GetRows drops trailing blanks).
func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// checkNumberCell compares a raw cell with an optional figure: blank for none, else the
// same float64 exactly.
func checkNumberCell(t *testing.T, what, cell string, want *float64) {
	t.Helper()
	if want == nil {
		if cell != "" {
			t.Errorf("%s: %q, want a blank cell", what, cell)
		}
		return
	}
	got, err := strconv.ParseFloat(cell, 64)
	if err != nil || got != *want {
		t.Errorf("%s: %q, want %v", what, cell, *want)
	}
}

// statusOf is a kpi's rating or an activity indicator's status; "" when it has neither.
func statusOf(ind *report.Indicator) string {
	if ind.RAG != nil {
		return string(*ind.RAG)
	}
	if ind.Activity != nil {
		return string(*ind.Activity)
	}
	return ""
}

func historyStatusOf(h report.HistoryPoint) string {
	if h.RAG != nil {
		return string(*h.RAG)
	}
	if h.Activity != nil {
		return string(*h.Activity)
	}
	return ""
}
