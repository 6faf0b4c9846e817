package acceptance_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
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

// renderWorkbook renders r as qpr build does, with the templates t, and opens it again.
func renderWorkbook(t *testing.T, r *report.Report, tmpl *templates.Set) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Render(&buf, r, tmpl); err != nil {
		t.Fatalf("rendering the workbook: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestExampleWorkbookMatchesJSON reads the example's workbook back with excelize and checks
// it cell by cell against the report the JSON is made from, so the two formats cannot drift.
func TestExampleWorkbookMatchesJSON(t *testing.T) {
	r := loadExample(t).build(t, "qpr")
	f := renderWorkbook(t, r, templates.Default())

	// The sheets a reader finds: the cover, the notes, the summary, the counts by directorate,
	// one per directorate named by its code (none is longer than Excel's 31 characters or
	// clashes), the comparisons with other councils (the example compares five indicators), the
	// history grid, the Making Data Count summary, the definitions and the long table. No name
	// has a space.
	wantSheets := []string{"Cover", "Notes", "Summary", "Directorates", "CED", "DCED", "GET", "ASCH", "CYPE", "PH", "Comparators", "KPI_history", "MDC_summary", "Definitions", "Data"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets %v, want %v", got, wantSheets)
	}

	t.Run("directorate sheets", func(t *testing.T) { checkDirectorateSheets(t, f, r) })
	t.Run("Data sheet", func(t *testing.T) { checkDataSheet(t, f, r) })
	t.Run("Summary counts", func(t *testing.T) { checkSummarySheet(t, f, r) })
	t.Run("Summary narrative", func(t *testing.T) { checkSummaryNarrative(t, f, r) })
	t.Run("tables", func(t *testing.T) { checkTables(t, f) })
	t.Run("cover contents", func(t *testing.T) { checkCoverContents(t, f) })
}

// tableStart is the header row of each directorate, history and Data sheet: under the title
// in A1 and the line saying what the sheet holds in A2.
const tableStart = 2 // 0-based index into GetRows

func checkDirectorateSheets(t *testing.T, f *excelize.File, r *report.Report) {
	for _, d := range r.Directorates {
		rows := rawRows(t, f, d.Code)
		var members []report.Indicator
		for _, ind := range r.Indicators {
			if ind.Directorate == d.Code {
				members = append(members, ind)
			}
		}
		if len(rows) != tableStart+1+len(members) {
			t.Errorf("sheet %s has %d rows, want a title, a line, a header and %d indicators", d.Code, len(rows), len(members))
			continue
		}
		var periods []string
		for _, p := range r.HistoryPeriods {
			periods = append(periods, p.String())
		}
		col := columnsOf(t, d.Code, rows[tableStart], append([]string{"Code", "Value [note 4]", "Target [note 1]", "Floor [note 1]",
			"Expected range lower [note 2]", "Expected range upper [note 2]", "Rating [note 1] [note 2]"}, periods...))
		for i, ind := range members {
			row := rows[tableStart+1+i]
			at := func(name string) string { return cellAt(row, col[name]) }
			if at("Code") != ind.Code {
				t.Errorf("sheet %s row %d: code %q, want %s", d.Code, tableStart+2+i, at("Code"), ind.Code)
				continue
			}
			activity := ind.Type == "activity"
			// A column that does not apply to the kind of indicator is [z]; a figure that was
			// not supplied is [x].
			kpiOnly, activityOnly := "[z]", "[x]"
			if activity {
				kpiOnly, activityOnly = "[x]", "[z]"
			}
			checkNumberCell(t, d.Code+" "+ind.Code+" value", at("Value [note 4]"), ind.Value, "[x]")
			checkNumberCell(t, d.Code+" "+ind.Code+" target", at("Target [note 1]"), ind.Target, activityOnly)
			checkNumberCell(t, d.Code+" "+ind.Code+" floor", at("Floor [note 1]"), ind.Floor, activityOnly)
			var lower, upper *float64
			if ind.Expected != nil {
				lower, upper = ind.Expected.Lower, ind.Expected.Upper
			}
			checkNumberCell(t, d.Code+" "+ind.Code+" expected lower", at("Expected range lower [note 2]"), lower, kpiOnly)
			checkNumberCell(t, d.Code+" "+ind.Code+" expected upper", at("Expected range upper [note 2]"), upper, kpiOnly)
			if activity && (at("Target [note 1]") != "[z]" || at("Floor [note 1]") != "[z]") {
				t.Errorf("sheet %s %s: an activity indicator shows %q and %q under Target and Floor; its range belongs under its own heading",
					d.Code, ind.Code, at("Target [note 1]"), at("Floor [note 1]"))
			}
			if want := ratingWords[statusOf(&ind)]; at("Rating [note 1] [note 2]") != want {
				t.Errorf("sheet %s %s: rating %q, want %q", d.Code, ind.Code, at("Rating [note 1] [note 2]"), want)
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
		"target", "floor", "expected_lower", "expected_upper", "stale", "partial", "basis", "type"}
	if len(rows) <= tableStart || !slices.Equal(rows[tableStart], want) {
		t.Fatalf("Data header %v, want %v", rows[min(tableStart, len(rows)-1)], want)
	}
	if n := len(r.Indicators) * len(r.HistoryPeriods); len(rows) != tableStart+1+n {
		t.Errorf("Data has %d rows below its header, want %d indicators × %d quarters = %d", len(rows)-tableStart-1, len(r.Indicators), len(r.HistoryPeriods), n)
	}
	next := tableStart + 1
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
			checkNumberCell(t, where+" value", cellAt(row, 3), value, "")
			if cellAt(row, 6) != status {
				t.Errorf("%s: rating %q, want %q", where, cellAt(row, 6), status)
			}
			if got := cellAt(row, 11) == "1"; got != stale {
				t.Errorf("%s: stale %q, want %v", where, cellAt(row, 11), stale)
			}
			// the kind of indicator says which thresholds apply; those that do not are blank
			if cellAt(row, 14) != string(ind.Type) {
				t.Errorf("%s: type %q, want the JSON's %q", where, cellAt(row, 14), ind.Type)
			}
			if ind.Type == "activity" && (cellAt(row, 7) != "" || cellAt(row, 8) != "") {
				t.Errorf("%s: an activity indicator has target %q and floor %q, want blank", where, cellAt(row, 7), cellAt(row, 8))
			}
			if cellAt(row, 13) != string(ind.Basis) {
				t.Errorf("%s: basis %q, want the JSON's %q", where, cellAt(row, 13), ind.Basis)
			}
		}
	}
	// The one stale figure in the example, spelled out.
	for _, row := range rows[tableStart+1:] {
		if cellAt(row, 0) == "WM01" && cellAt(row, 2) == "2023/24 Q2" {
			if cellAt(row, 3) != "50.3" || cellAt(row, 5) != "2023/24 Q1" || cellAt(row, 11) != "1" {
				t.Errorf("WM01 2023/24 Q2 on the Data sheet: %v; want 50.3 from 2023/24 Q1, stale", row)
			}
		}
	}
}

// checkSummarySheet finds each comparison table by its heading in column A and reads the
// counts beside each label, below the table's header row.
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
		{"Ratings of KPIs [note 1]", []line{
			{"Green", s.RAG.Green, s.RAGPrevious.Green}, {"Amber", s.RAG.Amber, s.RAGPrevious.Amber},
			{"Red", s.RAG.Red, s.RAGPrevious.Red}, {"Not rated", s.RAG.NotRated, s.RAGPrevious.NotRated},
			{"No data", s.RAG.NoData, s.RAGPrevious.NoData}, {"Total", s.KPIs, s.KPIs},
		}},
		{"Direction of travel of KPIs [note 3]", []line{
			{"Improving", s.Trend.Improving, s.TrendPrevious.Improving}, {"Stable", s.Trend.Stable, s.TrendPrevious.Stable},
			{"Worsening", s.Trend.Worsening, s.TrendPrevious.Worsening}, {"Insufficient data", s.Trend.Insufficient, s.TrendPrevious.Insufficient},
		}},
		{"Activity indicators against their expected range [note 2]", []line{
			{"Above", s.Activity.Above, s.ActivityPrevious.Above},
			{"Within", s.Activity.Within, s.ActivityPrevious.Within},
			{"Below", s.Activity.Below, s.ActivityPrevious.Below},
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
			row := rowAt(rows, at+2+i)
			this, prior, change := strconv.Itoa(l.this), strconv.Itoa(l.prior), strconv.Itoa(l.this-l.prior)
			if cellAt(row, 0) != l.label || cellAt(row, 1) != this || cellAt(row, 2) != prior || cellAt(row, 3) != change {
				t.Errorf("Summary %s: row %v, want %s %s %s %s", title, row, l.label, this, prior, change)
			}
		}
	}
	// The headline counts, as worked out by hand from the data (see TestExampleReportGolden).
	rag := slices.IndexFunc(rows, func(row []string) bool { return cellAt(row, 0) == "Ratings of KPIs [note 1]" })
	if green, amber, red := rowAt(rows, rag+2), rowAt(rows, rag+3), rowAt(rows, rag+4); rag < 0 ||
		cellAt(green, 1) != "15" || cellAt(amber, 1) != "15" || cellAt(red, 1) != "8" {
		t.Errorf("Summary RAG counts %v %v %v, want 15 green, 15 amber, 8 red", green, amber, red)
	}

	counts := rawRows(t, f, "Directorates")
	first := slices.IndexFunc(counts, func(row []string) bool { return cellAt(row, 0) == "Directorate" })
	if first < 0 {
		t.Fatalf("the Directorates sheet has no counts table")
	}
	for i, d := range r.Directorates {
		row := rowAt(counts, first+1+i)
		want := []string{d.Name, d.Code, strconv.Itoa(d.KPIs), strconv.Itoa(d.RAG.Green), strconv.Itoa(d.RAG.Amber), strconv.Itoa(d.RAG.Red)}
		if !slices.Equal(row[:min(len(row), len(want))], want) {
			t.Errorf("counts for %s: %v, want %v", d.Code, row, want)
		}
	}
}

// checkSummaryNarrative: the narrative says the KPIs rated Red are "listed below"; the
// list must be on the Summary, below that sentence, naming exactly the red KPIs.
func checkSummaryNarrative(t *testing.T, f *excelize.File, r *report.Report) {
	rows := rawRows(t, f, "Summary")
	said := slices.IndexFunc(rows, func(row []string) bool { return strings.Contains(cellAt(row, 0), "listed below") })
	if said < 0 {
		t.Fatalf("the example's narrative (8 red KPIs) has no sentence pointing to the list of red KPIs")
	}
	var want []string
	for _, ind := range r.Indicators {
		if ind.RAG != nil && *ind.RAG == "red" {
			want = append(want, ind.Code)
		}
	}
	tables, err := f.GetTables("Summary")
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Name != "Summary_red_KPIs" {
			continue
		}
		_, top, _ := excelize.CellNameToCoordinates(strings.Split(tb.Range, ":")[0])
		_, bottom, _ := excelize.CellNameToCoordinates(strings.Split(tb.Range, ":")[1])
		if top <= said+1 {
			t.Errorf("the red KPIs table starts at row %d, not below the sentence on row %d", top, said+1)
		}
		var got []string
		for _, row := range rows[top:bottom] {
			got = append(got, cellAt(row, 1))
			if cellAt(row, 7) == "" {
				t.Errorf("red KPI %s has no management action cell", cellAt(row, 1))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("red KPIs listed %v, want %v", got, want)
		}
		return
	}
	t.Errorf("the narrative points to a list of red KPIs, but the Summary has no such table (tables %+v)", tables)
}

// checkTables is what the Analysis Function's guidance asks of every sheet: a title in A1;
// no merged cells; no blank rows; every table an Excel table with a unique valid name and
// one header row of unique names; no blank cell inside a table; and nothing outside a table
// but lines of text in column A.
func checkTables(t *testing.T, f *excelize.File) {
	names := map[string]string{}
	validName := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*$`)
	for _, sheet := range f.GetSheetList() {
		if strings.ContainsAny(sheet, " \t") {
			t.Errorf("sheet name %q has a space", sheet)
		}
		rows := rawRows(t, f, sheet)
		if len(rows) == 0 || cellAt(rows[0], 0) == "" {
			t.Errorf("sheet %s has no title in A1", sheet)
			continue
		}
		if merged, err := f.GetMergeCells(sheet); err != nil || len(merged) != 0 {
			t.Errorf("sheet %s has %d merged cells (err %v)", sheet, len(merged), err)
		}
		tables, err := f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		inTable := make([]bool, len(rows))
		for _, tb := range tables {
			if other, dup := names[strings.ToLower(tb.Name)]; dup {
				t.Errorf("table %s on %s has the name of a table on %s", tb.Name, sheet, other)
			}
			names[strings.ToLower(tb.Name)] = sheet
			if !validName.MatchString(tb.Name) {
				t.Errorf("table %s on %s: not a valid name", tb.Name, sheet)
			}
			refs := strings.Split(tb.Range, ":")
			c1, r1, _ := excelize.CellNameToCoordinates(refs[0])
			c2, r2, _ := excelize.CellNameToCoordinates(refs[1])
			if c1 != 1 {
				t.Errorf("table %s on %s starts in column %d, not A", tb.Name, sheet, c1)
			}
			if r2 <= r1 {
				t.Errorf("table %s on %s has no rows below its header", tb.Name, sheet)
			}
			header := rowAt(rows, r1-1)
			seen := map[string]bool{}
			for c := c1; c <= c2; c++ {
				h := cellAt(header, c-1)
				if h == "" || seen[strings.ToLower(h)] {
					t.Errorf("table %s on %s: header %q in column %d is blank or repeated", tb.Name, sheet, h, c)
				}
				seen[strings.ToLower(h)] = true
			}
			for rn := r1; rn <= r2 && rn <= len(rows); rn++ {
				inTable[rn-1] = true
				for c := c1; c <= c2; c++ {
					// The Data table is for pivot tables and scripts: there a column of figures
					// (or a code the JSON may have as null) is blank rather than holding a
					// marker, as docs/workbook.md says; every other table has no blank cell.
					if tb.Name == "QPRData" && dataBlankable[cellAt(header, c-1)] {
						continue
					}
					if cellAt(rows[rn-1], c-1) == "" {
						t.Errorf("table %s on %s: cell %d,%d is blank", tb.Name, sheet, c, rn)
					}
				}
				if len(rows[rn-1]) > c2 {
					t.Errorf("table %s on %s: row %d has cells beyond the table", tb.Name, sheet, rn)
				}
			}
		}
		for i, row := range rows {
			if inTable[i] {
				continue
			}
			if cellAt(row, 0) == "" {
				t.Errorf("sheet %s row %d is blank", sheet, i+1)
			}
			if len(row) > 1 {
				t.Errorf("sheet %s row %d has data outside any table: %q", sheet, i+1, row)
			}
		}
	}
}

// dataBlankable are the Data table's columns that may be blank: those the JSON has as null.
var dataBlankable = map[string]bool{"value": true, "value_period": true, "rating": true,
	"target": true, "floor": true, "expected_lower": true, "expected_upper": true}

// checkCoverContents: the Cover's contents table lists every sheet in order, each linked,
// each with what it holds.
func checkCoverContents(t *testing.T, f *excelize.File) {
	tables, err := f.GetTables("Cover")
	if err != nil {
		t.Fatal(err)
	}
	idx := slices.IndexFunc(tables, func(tb excelize.Table) bool { return tb.Name == "Contents" })
	if idx < 0 {
		t.Fatalf("the Cover has no Contents table: %+v", tables)
	}
	refs := strings.Split(tables[idx].Range, ":")
	_, top, _ := excelize.CellNameToCoordinates(refs[0])
	_, bottom, _ := excelize.CellNameToCoordinates(refs[1])
	rows := rawRows(t, f, "Cover")
	var listed []string
	for rn := top + 1; rn <= bottom; rn++ {
		row := rows[rn-1]
		listed = append(listed, cellAt(row, 0))
		if len(cellAt(row, 1)) < 20 {
			t.Errorf("contents row %d says too little of what %s holds: %q", rn, cellAt(row, 0), cellAt(row, 1))
		}
		cell := "A" + strconv.Itoa(rn)
		if ok, target, err := f.GetCellHyperLink("Cover", cell); err != nil || !ok || target != "'"+cellAt(row, 0)+"'!A1" {
			t.Errorf("Cover!%s links to %q (%v %v), want its sheet", cell, target, ok, err)
		}
	}
	if !slices.Equal(listed, f.GetSheetList()) {
		t.Errorf("contents lists %v, want every sheet %v", listed, f.GetSheetList())
	}
	// Without --as-at the report is dated the quarter's last day, 30 September 2023: day 45199
	// counting from Excel's day 0, 30 December 1899.
	want := map[string]string{"Data as at": "45199"}
	for _, row := range rows {
		if w, ok := want[cellAt(row, 0)]; ok && cellAt(row, 1) != w {
			t.Errorf("Cover %s = %q, want %s", cellAt(row, 0), cellAt(row, 1), w)
		}
	}
}

// TestWorkbookTakesTheUserStyle renders the example with a user's style.yaml and finds its
// colours, not the built-in ones, on every rating cell: the colours come from the templates.
func TestWorkbookTakesTheUserStyle(t *testing.T) {
	dir := t.TempDir()
	style := "colours:\n  green: \"#1B5E20\"\n  amber: \"#8C4A00\"\n  red: \"#9E1B12\"\n"
	if err := os.WriteFile(filepath.Join(dir, templates.StyleFile), []byte(style), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := loadExample(t).build(t, "qpr")
	f := renderWorkbook(t, r, tmpl)
	want := map[string]string{"Green": "1B5E20", "Amber": "8C4A00", "Red": "9E1B12"}
	checked := 0
	for _, d := range r.Directorates {
		rows := rawRows(t, f, d.Code)
		col := columnsOf(t, d.Code, rows[tableStart], []string{"Rating [note 1] [note 2]"})["Rating [note 1] [note 2]"]
		for i := tableStart + 1; i < len(rows); i++ {
			fill, ok := want[cellAt(rows[i], col)]
			if !ok {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(col+1, i+1)
			id, err := f.GetCellStyle(d.Code, cell)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(st.Fill.Color) != 1 || st.Fill.Color[0] != fill {
				t.Errorf("%s!%s (%s) fill %v, want the user's %s", d.Code, cell, cellAt(rows[i], col), st.Fill.Color, fill)
			}
			checked++
		}
	}
	if checked != r.Summary.KPIs-r.Summary.RAG.NotRated-r.Summary.RAG.NoData {
		t.Errorf("checked %d rated cells, want the %d KPIs rated green, amber or red", checked, r.Summary.KPIs-r.Summary.RAG.NotRated-r.Summary.RAG.NoData)
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

// checkNumberCell compares a raw cell with an optional figure: the marker for none, else
// the same float64 exactly.
func checkNumberCell(t *testing.T, what, cell string, want *float64, marker string) {
	t.Helper()
	if want == nil {
		if cell != marker {
			t.Errorf("%s: %q, want %s", what, cell, marker)
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
