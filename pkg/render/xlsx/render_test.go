package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
	"github.com/xuri/excelize/v2"
)

// renderFixture renders the fixture and opens the result again with excelize.
func renderFixture(t *testing.T, r *report.Report, narrative string) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := render(&buf, r, templates.Default(), narrative); err != nil {
		t.Fatalf("Render: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("reading rendered workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// renderWithTemplate renders the fixture with a user's templates folder holding one file,
// name with content, and opens the result again with excelize.
func renderWithTemplate(t *testing.T, name, content string) *excelize.File {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := templates.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(&buf, fixtureReport(), set); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

const growthSheet = "GROWTH-ENVIRONMENT-TRANSPORT-DI"

func TestSheetsInOrder(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	want := []string{"Cover", "Notes", "Summary", "Directorates", "CED", "CYPE", growthSheet, "KPI_history", "Definitions", "Data"}
	got := f.GetSheetList()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0 (Cover)", f.GetActiveSheetIndex())
	}
}

// cellWant is a cell's value as shown (formatted; "*" = not checked) and as stored (raw;
// empty = not checked).
type cellWant struct {
	cell, shown, raw string
}

func checkCells(t *testing.T, f *excelize.File, sheet string, want []cellWant) {
	t.Helper()
	for _, w := range want {
		shown, err := f.GetCellValue(sheet, w.cell)
		if err != nil {
			t.Fatalf("%s!%s: %v", sheet, w.cell, err)
		}
		raw, _ := f.GetCellValue(sheet, w.cell, excelize.Options{RawCellValue: true})
		if w.shown != "*" && shown != w.shown {
			t.Errorf("%s!%s shown = %q, want %q", sheet, w.cell, shown, w.shown)
		}
		if w.raw != "" && raw != w.raw {
			t.Errorf("%s!%s raw = %q, want %q", sheet, w.cell, raw, w.raw)
		}
	}
}

// The directorate sheets' header is row 3, under the title (A1) and the line saying what
// the sheet holds (A2); indicators start on row 4.
func TestDirectorateSheetCells(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	rows, err := f.GetRows("CED")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "Chief Executive’s Department (CED), 2023/24 Q3" {
		t.Errorf("CED!A1 = %q, want the sheet's title", rows[0][0])
	}
	wantHeader := []string{"Code", "Indicator", "Value [note 4]", "Unit", "Basis [note 10]", "Value period [note 5]", "Stale [note 5]", "Partial [note 6]", "Months of the quarter [note 6]",
		"Target [note 1]", "Floor [note 1]", "Expected range lower [note 2]", "Expected range upper [note 2]",
		"Rating [note 1] [note 2]", "Previous rating [note 1]", "Direction of travel [note 3]", "Trend",
		"2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2", "2023/24 Q3", "Context", "Actions"}
	if strings.Join(rows[2], "|") != strings.Join(wantHeader, "|") {
		t.Fatalf("CED header = %q\nwant %q", rows[2], wantHeader)
	}
	checkCells(t, f, "CED", []cellWant{
		// CS01: percent held as 82.4, shown with one place and a literal %.
		{"A4", "CS01", ""}, {"B4", "Percentage of calls to Contact Point answered", ""},
		{"C4", "82.4%", "82.4"}, {"D4", "%", ""}, {"E4", "Q", ""}, {"F4", "2023/24 Q3", ""}, {"G4", "FALSE", "0"}, {"H4", "FALSE", "0"}, {"I4", "[z]", ""},
		// A KPI has no expected range: not applicable.
		{"J4", "85.0%", "85"}, {"K4", "75.0%", "75"}, {"L4", "[z]", ""}, {"M4", "[z]", ""},
		{"N4", "Amber", ""}, {"O4", "Green", ""}, {"P4", "Worsening", ""},
		{"Q4", "Falling by 1.1 points a quarter over the last 8 quarters.", ""},
		{"R4", "Green", ""}, {"S4", "Green", ""}, {"T4", "Green", ""}, {"U4", "Green", ""}, {"V4", "Amber", ""},
		{"W4", "High staff sickness – calls up 12%.", ""}, {"X4", "Recruiting eight call handlers.", ""},
		// CS02: 89.96 against 90 is shown with the engine's two places, not rounded to 90.0;
		// it has no commentary: not available.
		{"C5", "89.96%", "89.96"}, {"J5", "90.0%", "90"}, {"W5", "[x]", ""}, {"X5", "[x]", ""},
		// CS03: currency.
		{"C6", "£1,250,000", "1250000"}, {"D6", "£", ""}, {"N6", "Red", ""}, {"K6", "£1,200,000", "1200000"},
		// CS04: activity, with its expected range under its own headings and no target, floor
		// or previous rating (not applicable).
		{"C7", "115,000", "115000"}, {"J7", "[z]", ""}, {"K7", "[z]", ""}, {"L7", "100,000", "100000"}, {"M7", "130,000", "130000"},
		{"N7", "Within", ""}, {"O7", "[z]", ""}, {"P7", "Rising", ""}, {"R7", "Above", ""}, {"S7", "Within", ""},
		// CS05: days, not rated, no target this year: not available.
		// its basis in a column of its own, the value's format only its unit
		{"C8", "12.5 days", "12.5"}, {"E8", "R12M", ""}, {"J8", "[x]", ""}, {"N8", "Not rated", ""}, {"P8", "Insufficient data", ""}, {"R8", "No data", ""},
	})
	checkCells(t, f, "CYPE", []cellWant{
		// CY01: no value at all.
		{"A4", "CY01", ""}, {"C4", "[x]", ""}, {"F4", "[x]", ""}, {"N4", "No data", ""},
		// CY02: monthly, two months present; target 57.5 keeps its place though decimals is 0.
		{"B5", "Café referrals – families’ support within 28 days", ""},
		{"C5", "57%", "57"}, {"H5", "TRUE", "1"}, {"I5", "2", "2"}, {"J5", "57.5%", "57.5"}, {"K5", "50%", "50"},
		// CY03: a stale stand-in from the previous quarter; rate with two places. The report
		// quarter's grid cell shows the headline rating and where its value is from.
		{"C6", "30.00", "30"}, {"D6", "rate", ""}, {"F6", "2023/24 Q2", ""}, {"G6", "TRUE", "1"}, {"V6", "Green (from 2023/24 Q2)", ""},
	})
	checkCells(t, f, growthSheet, []cellWant{
		{"A4", "GE01", ""}, {"C4", "1,234", "1234"}, {"P4", "Improving", ""},
		{"A5", "GE02", ""}, {"C5", "98%", "98"}, {"R5", "Amber", ""},
	})
}

// The built-in style.yaml's colours, read off the file: green #00703C, amber #A35200, red
// #C0281C, grey #505A5F, activity #1D70B8, each dark enough for white text (at least 4.5:1).
func TestRatingFillsAreTheStyleColours(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	cases := []struct {
		sheet, cell, fill, font string
	}{
		{"CED", "N4", "A35200", "FFFFFF"},          // amber
		{"CED", "O4", "00703C", "FFFFFF"},          // green
		{"CED", "N6", "C0281C", "FFFFFF"},          // red
		{"CED", "N8", "505A5F", "FFFFFF"},          // not rated
		{"CYPE", "N4", "505A5F", "FFFFFF"},         // no data
		{"CED", "N7", "1D70B8", "FFFFFF"},          // within: an activity status, in the activity colour
		{"KPI_history", "L4", "A35200", "FFFFFF"},  // CS01 2023/24 Q3 rating
		{"Summary", "A5", "00703C", "FFFFFF"},      // the Green row's label
		{"Directorates", "F4", "C0281C", "FFFFFF"}, // CED's count of Red
	}
	for _, c := range cases {
		checkFill(t, f, c.sheet, c.cell, c.fill, c.font)
	}
	// The colour never stands alone: the cell says the rating in words.
	for _, c := range cases[:7] {
		if v, _ := f.GetCellValue(c.sheet, c.cell); v == "" || strings.HasPrefix(v, "[") {
			t.Errorf("%s!%s is coloured but says %q", c.sheet, c.cell, v)
		}
	}
}

// A user's style.yaml reaches the workbook: a lighter amber gets the dark text colour, which
// contrasts more with it than white does.
func TestUserStyleColoursTheWorkbook(t *testing.T) {
	style := "colours:\n  green: \"#005A30\"\n  amber: \"#B35C00\"\n  text: \"#000000\"\n"
	f := renderWithTemplate(t, templates.StyleFile, style)
	// #B35C00 has a contrast of 4.7:1 with white and 4.5:1 with black: white wins.
	checkFill(t, f, "CED", "O4", "005A30", "FFFFFF")
	checkFill(t, f, "CED", "N4", "B35C00", "FFFFFF")
	// Colours the file leaves out keep their built-in values.
	checkFill(t, f, "CED", "N6", "C0281C", "FFFFFF")
}

func checkFill(t *testing.T, f *excelize.File, sheet, cell, fill, font string) {
	t.Helper()
	st := cellStyleOf(t, f, sheet, cell)
	if len(st.Fill.Color) != 1 || st.Fill.Color[0] != fill || st.Fill.Pattern != 1 {
		t.Errorf("%s!%s fill = %+v, want solid %s", sheet, cell, st.Fill, fill)
	}
	if st.Font == nil || st.Font.Color != font {
		t.Errorf("%s!%s font = %+v, want colour %s", sheet, cell, st.Font, font)
	}
}

func cellStyleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s style: %v", sheet, cell, err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("%s!%s style %d: %v", sheet, cell, id, err)
	}
	return st
}

func TestNumberFormatsApplied(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	cases := []struct{ sheet, cell, format string }{
		{"CED", "C4", `#,##0.0"%"`},
		{"CED", "C5", `#,##0.00"%"`},
		{"CED", "C6", `"£"#,##0`},
		{"CED", "C7", `#,##0`},
		{"CED", "C8", `#,##0.0 "days"`},
		{"CYPE", "C6", `#,##0.00`},
		{"KPI_history", "C4", `#,##0.0"%"`},
		{"Data", "D4", `#,##0.0"%"`},
		{"Summary", "D28", `"£"#,##0`},
		{"Cover", "B10", dateFormat},
	}
	for _, c := range cases {
		st := cellStyleOf(t, f, c.sheet, c.cell)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != c.format {
			t.Errorf("%s!%s format = %v, want %s", c.sheet, c.cell, st.CustomNumFmt, c.format)
		}
	}
}

func TestSheetLayout(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	// Title, explanation, header, then one row per indicator (per quarter on Data).
	rowsWanted := map[string]int{"CED": 8, "CYPE": 6, growthSheet: 5, "KPI_history": 13, "Data": 53}
	for sheet, n := range rowsWanted {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n {
			t.Errorf("%s has %d rows, want %d", sheet, len(rows), n)
		}
	}
	tables := map[string]string{
		"CED": "A3:X8", "CYPE": "A3:X6", growthSheet: "A3:X5", "KPI_history": "A3:L13", "Data": "A3:O53",
		"Notes": "A3:B13", "Directorates": "A3:P7",
	}
	for sheet, ref := range tables {
		got, err := f.GetTables(sheet)
		if err != nil || len(got) != 1 || got[0].Range != ref {
			t.Errorf("%s tables = %+v (%v), want one over %s", sheet, got, err, ref)
		}
	}
	panes := map[string]excelize.Panes{
		"CED":         {Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4"},
		growthSheet:   {Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4"},
		"KPI_history": {Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4"},
		"Data":        {Freeze: true, XSplit: 0, YSplit: 3, TopLeftCell: "A4"},
	}
	for sheet, want := range panes {
		got, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if got.Freeze != want.Freeze || got.XSplit != want.XSplit || got.YSplit != want.YSplit || got.TopLeftCell != want.TopLeftCell {
			t.Errorf("%s panes = %+v, want %+v", sheet, got, want)
		}
	}
	width, err := f.GetColWidth("CED", "B")
	if err != nil || width != 45 {
		t.Errorf("CED column B width = %v (%v), want 45", width, err)
	}
	if st := cellStyleOf(t, f, "CED", "Q4"); st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("CED!Q4 (trend sentence) does not wrap")
	}
}

// Every sheet prints landscape on A4, fitted to the page's width, with a single table's
// header repeated on each page.
func TestPrintFitsThePageWidth(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
			layout.FitToHeight == nil || *layout.FitToHeight != 0 || layout.Orientation == nil || *layout.Orientation != "landscape" {
			t.Errorf("%s: fit to page %v, width %v, height %v, orientation %v; want fitted one page wide, landscape",
				sheet, props.FitToPage, layout.FitToWidth, layout.FitToHeight, layout.Orientation)
		}
	}
	for _, sheet := range []string{"CED", "KPI_history", "Data", "Notes", "Directorates"} {
		if want := "'" + sheet + "'!$3:$3"; titles[sheet] != want {
			t.Errorf("%s print titles = %q, want %q", sheet, titles[sheet], want)
		}
	}
}

func TestHistorySheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	rows, err := f.GetRows("KPI_history")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := "Code|Indicator|2022/23 Q3 value|2022/23 Q3 rating|2022/23 Q4 value|2022/23 Q4 rating|" +
		"2023/24 Q1 value|2023/24 Q1 rating|2023/24 Q2 value|2023/24 Q2 rating|2023/24 Q3 value|2023/24 Q3 rating"
	if got := strings.Join(rows[2], "|"); got != wantHeader {
		t.Fatalf("header = %s\nwant %s", got, wantHeader)
	}
	checkCells(t, f, "KPI_history", []cellWant{
		{"A1", "Values and ratings by quarter, 2022/23 Q3 to 2023/24 Q3", ""},
		{"A4", "CS01", ""}, {"C4", "86.0%", "86"}, {"D4", "Green", ""}, {"E4", "87.5%", "87.5"}, {"K4", "82.4%", "82.4"}, {"L4", "Amber", ""},
		// CS02's history carries no shown form: 89.96 keeps its places rather than becoming 90.0%.
		{"A5", "CS02", ""}, {"K5", "89.96%", "89.96"}, {"E5", "89.0%", "89"},
		{"A7", "CS04", ""}, {"C7", "140,000", "140000"}, {"D7", "Above", ""},
		// CY03's report quarter has no actual value: the grid shows the headline the summary
		// counts, 2023/24 Q2's value standing in, and says where it is from (issue 8.6).
		{"A11", "CY03", ""}, {"I11", "30.00", "30"}, {"K11", "30.00", "30"}, {"L11", "Green (from 2023/24 Q2)", ""},
	})
}

func TestDataSheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	rows, err := f.GetRows("Data")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := "code|directorate|period|value|unit|value_period|rating|target|floor|expected_lower|expected_upper|stale|partial|basis|type"
	if got := strings.Join(rows[2], "|"); got != wantHeader {
		t.Fatalf("header = %s\nwant %s", got, wantHeader)
	}
	// Rows run indicator by indicator, five quarters each: CS01 is rows 4-8, CY02 rows 34-38.
	raw := func(cell string) string {
		v, _ := f.GetCellValue("Data", cell, excelize.Options{RawCellValue: true})
		return v
	}
	cases := []struct{ row, want string }{
		{"4", "CS01|CED|2022/23 Q3|86|percent|2022/23 Q3|green|80|70|||0|0"},
		{"8", "CS01|CED|2023/24 Q3|82.4|percent|2023/24 Q3|amber|85|75|||0|0"},
		// CS04 2023/24 Q2: an activity quarter takes its expected range from the chart; the
		// quarters the chart does not reach have none to show.
		{"22", "CS04|CED|2023/24 Q2|133000|number|2023/24 Q2|above|||100000|130000|0|0"},
		{"21", "CS04|CED|2023/24 Q1|131000|number|2023/24 Q1|above|||||0|0"},
		// CY01 has no data in any quarter: blank cells, as the JSON's null, so the columns of
		// figures hold only numbers.
		{"29", "CY01|CYPE|2022/23 Q3||percent||no_data|||||0|0"},
		// CY02 is monthly: 2022/23 Q4 takes January 2023's thresholds; the report quarter is partial.
		{"35", "CY02|CYPE|2022/23 Q4|60|percent|2022/23 Q4|green|55|45|||0|0"},
		{"38", "CY02|CYPE|2023/24 Q3|57|percent|2023/24 Q3|amber|57.5|50|||0|1"},
		// CY03's report quarter is the stale stand-in from 2023/24 Q2, as the report shows it.
		{"43", "CY03|CYPE|2023/24 Q3|30|rate|2023/24 Q2|green|35|40|||1|0"},
		{"44", "GE01|" + longDirectorateCode + "|2022/23 Q3|1000|number|2022/23 Q3|green|||||0|0"},
	}
	for _, c := range cases {
		var got []string
		for col := 'A'; col <= 'M'; col++ {
			got = append(got, raw(string(col)+c.row))
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("Data row %s = %s\nwant         %s", c.row, strings.Join(got, "|"), c.want)
		}
	}
	// basis, the last column: CS01 (rows 4-8) covers the quarter, CS05 (rows 24-28) the
	// rolling 12 months
	for cell, want := range map[string]string{"A4": "CS01", "N4": "Q", "A28": "CS05", "N28": "R12M"} {
		if got := raw(cell); got != want {
			t.Errorf("Data!%s = %q, want %q", cell, got, want)
		}
	}
	if shown, _ := f.GetCellValue("Data", "L43"); shown != "TRUE" {
		t.Errorf("Data!L43 stale = %q, want TRUE (a boolean cell)", shown)
	}
}

// The Summary: title, what the sheet holds, the narrative a paragraph a row, then each
// table under its own heading with no blank rows between.
func TestSummarySheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "Performance held up this quarter.\n\nThe KPI rated Red is listed below.")
	checkCells(t, f, "Summary", []cellWant{
		{"A1", "Executive summary, 2023/24 Q3", ""},
		{"A3", "Performance held up this quarter.", ""},
		{"A4", "The KPI rated Red is listed below.", ""},
		{"A5", "Ratings of KPIs [note 1]", ""},
		{"A6", "Rating", ""}, {"B6", "This quarter (2023/24 Q3)", ""}, {"C6", "Previous quarter (2023/24 Q2)", ""}, {"D6", "Change", ""},
		{"A7", "Green", ""}, {"B7", "3", ""}, {"C7", "4", ""}, {"D7", "-1", "-1"},
		{"A8", "Amber", ""}, {"B8", "3", ""}, {"C8", "2", ""}, {"D8", "+1", "1"},
		// excelize's own formatter shows zero as "+0"; Excel and LibreOffice use the zero section.
		{"A9", "Red", ""}, {"B9", "1", ""}, {"D9", "*", "0"},
		{"A10", "Not rated", ""}, {"B10", "1", ""},
		{"A11", "No data", ""}, {"B11", "1", ""},
		{"A12", "Total", ""}, {"B12", "9", ""}, {"C12", "9", ""},
		{"A13", "Direction of travel of KPIs [note 3]", ""},
		{"A14", "Direction of travel", ""},
		{"A15", "Improving", ""}, {"B15", "2", ""}, {"C15", "1", ""}, {"D15", "+1", "1"},
		{"A16", "Stable", ""}, {"B16", "3", ""}, {"C16", "5", ""}, {"D16", "-2", "-2"},
		{"A17", "Worsening", ""}, {"B17", "2", ""},
		{"A18", "Insufficient data", ""}, {"B18", "2", ""},
		{"A19", "Total", ""}, {"B19", "9", ""},
		{"A20", "Activity indicators against their expected range [note 2]", ""},
		{"A22", "Above", ""}, {"B22", "0", ""}, {"C22", "1", ""},
		{"A23", "Within", ""}, {"B23", "1", ""}, {"C23", "0", ""},
		{"A25", "Not rated", ""}, // the word every format uses for an activity indicator without a range
		{"A27", "Total", ""}, {"B27", "1", ""}, {"C27", "1", ""},
		{"A28", "KPIs rated Red and management action [note 1]", ""},
		{"A29", "Indicator", ""}, {"H29", "Management action", ""},
		{"A30", "Cost of agency staff", ""}, {"B30", "CS03", ""}, {"C30", "Chief Executive’s Department", ""},
		{"D30", "£1,250,000", "1250000"}, {"E30", "£1,000,000", "1000000"}, {"F30", "£1,200,000", "1200000"},
		{"G30", "Stable", ""}, {"H30", "No management action has been recorded for this quarter.", ""},
	})
	got, err := f.GetTables("Summary")
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, tb := range got {
		refs = append(refs, tb.Name+" "+tb.Range)
	}
	want := "Summary_ratings A6:D12|Summary_direction A14:D19|Summary_activity A21:D27|Summary_red_KPIs A29:H30"
	if strings.Join(refs, "|") != want {
		t.Errorf("Summary tables = %s\nwant %s", strings.Join(refs, "|"), want)
	}
	if merged, _ := f.GetMergeCells("Summary"); len(merged) != 0 {
		t.Errorf("Summary has merged cells %v", merged)
	}
}

func TestSummaryRedTableCarriesTheActions(t *testing.T) {
	r := fixtureReport()
	r.Indicators[2].Commentary = &report.Commentary{Actions: "Cutting agency use.\n\nReviewing rates."}
	f := renderFixture(t, r, "")
	checkCells(t, f, "Summary", []cellWant{{"H28", "Cutting agency use.\nReviewing rates.", ""}})
	if got := coverContentsLine(t, f, "Summary"); !strings.HasSuffix(got, ", and the KPIs rated Red with the management action being taken.") {
		t.Errorf("Cover's line for the Summary = %q, want it to name the list of red KPIs", got)
	}
}

func TestSummaryWithoutRedKPIsHasNoRedTable(t *testing.T) {
	r := fixtureReport()
	r.Indicators[2].RAG = rt("amber")
	f := renderFixture(t, r, "")
	got, _ := f.GetTables("Summary")
	if len(got) != 3 {
		t.Errorf("Summary tables = %+v, want the three count tables only", got)
	}
	if v, _ := f.GetCellValue("Summary", "A2"); !strings.Contains(v, "three tables") {
		t.Errorf("Summary!A2 = %q, want it to say the sheet holds three tables", v)
	}
	// The Cover's contents must not promise the Summary a list of red KPIs it lacks.
	if got, want := coverContentsLine(t, f, "Summary"), "The executive summary: the counts of ratings, directions of travel and activity statuses against the previous quarter."; got != want {
		t.Errorf("Cover's line for the Summary = %q, want %q", got, want)
	}
}

// coverContentsLine is what the Cover's contents says the sheet holds.
func coverContentsLine(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, _ := f.GetRows("Cover")
	for _, row := range rows {
		if len(row) > 1 && row[0] == sheet {
			return row[1]
		}
	}
	t.Errorf("the Cover's contents has no line for %s", sheet)
	return ""
}

func TestDirectoratesSheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	checkCells(t, f, "Directorates", []cellWant{
		{"A1", "Counts by directorate, 2023/24 Q3", ""},
		{"A3", "Directorate", ""}, {"P3", "Below", ""},
		{"A4", "Chief Executive’s Department", ""}, {"B4", "CED", ""}, {"C4", "4", ""},
		{"D4", "0", ""}, {"E4", "2", ""}, {"F4", "1", ""}, {"G4", "1", ""}, {"H4", "0", ""},
		{"J4", "2", ""}, {"K4", "1", ""}, {"L4", "1", ""}, {"M4", "1", ""}, {"O4", "1", ""},
		{"B6", growthSheet, ""}, {"D6", "2", ""},
		{"A7", "All directorates", ""}, {"B7", "[z]", ""}, {"C7", "9", ""}, {"D7", "3", ""}, {"F7", "1", ""}, {"M7", "1", ""},
	})
	for cell, sheet := range map[string]string{"B4": "CED", "B6": growthSheet} {
		ok, target, err := f.GetCellHyperLink("Directorates", cell)
		if err != nil || !ok || target != "'"+sheet+"'!A1" {
			t.Errorf("Directorates!%s link = %v %q %v, want '%s'!A1", cell, ok, target, err, sheet)
		}
	}
}

func TestCoverSheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	checkCells(t, f, "Cover", []cellWant{
		{"A1", "Quarterly Performance Report, 2023/24 Q3", ""},
		{"A4", "About these statistics", ""},
		{"A5", "Item", ""}, {"B5", "Details", ""},
		{"B8", "Quarterly Performance Report (qpr)", ""},
		{"B9", "2023/24 Q3: October to December 2023, compared with the previous quarter, 2023/24 Q2.", ""},
		{"A10", "Data as at", ""}, {"B10", "31 January 2024", "45322"},
		{"A11", "Source", ""},
		{"A14", "Contents", ""},
		{"A15", "Sheet", ""}, {"B15", "What it holds", ""},
		{"A16", "Cover", ""}, {"A17", "Notes", ""}, {"A18", "Summary", ""}, {"A19", "Directorates", ""},
		{"A20", "CED", ""}, {"A23", "KPI_history", ""}, {"A24", "Definitions", ""}, {"A25", "Data", ""},
	})
	for i, sheet := range f.GetSheetList() {
		cell := "A" + strconv.Itoa(16+i)
		ok, target, err := f.GetCellHyperLink("Cover", cell)
		if err != nil || !ok || target != "'"+sheet+"'!A1" {
			t.Errorf("Cover!%s link = %v %q %v, want '%s'!A1", cell, ok, target, err, sheet)
		}
	}
}

func TestNotesSheetTakesTheKey(t *testing.T) {
	key, err := os.ReadFile(filepath.Join("..", "..", "..", "templates", templates.KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	reworded := strings.Replace(string(key), "Green: achieved or exceeded the target.", "Green: on target.", 1)
	f := renderWithTemplate(t, templates.KeyFile, reworded)
	if v, _ := f.GetCellValue("Notes", "A4"); v != "[note 1]" {
		t.Errorf("Notes!A4 = %q, want [note 1]", v)
	}
	if v, _ := f.GetCellValue("Notes", "B4"); !strings.Contains(v, "Green: on target. Amber:") {
		t.Errorf("Notes!B4 = %q, want the reworded key", v)
	}
	if v, _ := f.GetCellValue("Notes", "B6"); !strings.Contains(v, "least-squares regression") || !strings.Contains(v, "Improving:") {
		t.Errorf("Notes!B6 = %q, want the method and the directions", v)
	}
}

// A blank narrative leaves the Summary without paragraphs, as in every other format: the
// workbook writes no words of its own in their place.
func TestSummaryWithoutNarrativeStartsWithItsTables(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "  \n")
	if got, _ := f.GetCellValue("Summary", "A3"); got != "Ratings of KPIs [note 1]" {
		t.Errorf("Summary!A3 = %q, want the first table's heading", got)
	}
}

func TestDocumentProperties(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Quarterly Performance Report 2023/24 Q3" || p.Creator != "Example County Council" ||
		p.Created != "2024-01-31T00:00:00Z" || p.Modified != "2024-01-31T00:00:00Z" {
		t.Errorf("doc props = %+v", p)
	}
}

func TestIndicatorOfUnlistedDirectorateGetsASheet(t *testing.T) {
	r := fixtureReport()
	r.Indicators[9].Directorate = "Data" // not listed, and its code is the Data sheet's name
	f := renderFixture(t, r, "")
	want := []string{"Cover", "Notes", "Summary", "Directorates", "CED", "CYPE", growthSheet, "Data_2", "KPI_history", "Definitions", "Data"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if v, _ := f.GetCellValue("Data_2", "A4"); v != "GE02" {
		t.Errorf("Data_2!A4 = %q, want GE02", v)
	}
}

func TestRenderRejectsBadInput(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, nil, nil); err == nil {
		t.Error("Render(nil) succeeded")
	}
	r := fixtureReport()
	r.AsAt = "31/01/2024"
	err := Render(&buf, r, nil)
	if err == nil || !strings.Contains(err.Error(), `"31/01/2024"`) || !strings.Contains(err.Error(), "2006-01-02") {
		t.Errorf("bad as_at error = %v, want it to name the value and the valid form", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a failed render wrote %d bytes", buf.Len())
	}
}

func TestNonFiniteValuesAreNotAvailable(t *testing.T) {
	r := fixtureReport()
	nan := 0.0
	nan = nan / nan
	r.Indicators[0].Value = &nan
	f := renderFixture(t, r, "")
	if v, _ := f.GetCellValue("CED", "C4"); v != "[x]" {
		t.Errorf("NaN value shown as %q, want [x]", v)
	}
}

func TestEmptyReportRenders(t *testing.T) {
	r := &report.Report{Organisation: "Example County Council", Title: "Quarterly Performance Report",
		Period: q("2023/24 Q3"), PreviousPeriod: q("2023/24 Q2"), AsAt: "2024-01-31"}
	f := renderFixture(t, r, "")
	want := []string{"Cover", "Notes", "Summary", "Directorates", "KPI_history", "Definitions", "Data"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if v, _ := f.GetCellValue("Summary", "B5"); v != "0" {
		t.Errorf("Summary!B5 = %q, want a count of 0 Green", v)
	}
	for _, sheet := range []string{"Data", "KPI_history"} {
		if v, _ := f.GetCellValue(sheet, "A3"); v != "There are no indicators in this report." {
			t.Errorf("%s!A3 = %q, want the sentence saying there is nothing to list", sheet, v)
		}
		if tables, _ := f.GetTables(sheet); len(tables) != 0 {
			t.Errorf("%s has tables %+v, want none (a table needs a row)", sheet, tables)
		}
	}
}

// A column of figures has its header aligned right, over the figures; a column of words
// keeps its header on the left.
func TestFigureHeadersAlignRight(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	for cell, right := range map[string]bool{"C3": true, "I3": true, "J3": true, "L3": true, "B3": false, "E3": false, "G3": false, "N3": false} {
		st := cellStyleOf(t, f, "CED", cell)
		if got := st.Alignment != nil && st.Alignment.Horizontal == "right"; got != right {
			t.Errorf("CED!%s header aligned right = %v, want %v", cell, got, right)
		}
	}
}
