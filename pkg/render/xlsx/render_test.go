package xlsx

import (
	"bytes"
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

const growthSheet = "GROWTH-ENVIRONMENT-TRANSPORT-DI"

func TestSheetsInOrder(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	want := []string{"Summary", "CED", "CYPE", growthSheet, "KPI history", "Data"}
	got := f.GetSheetList()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0 (Summary)", f.GetActiveSheetIndex())
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

func TestDirectorateSheetCells(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	header, err := f.GetRows("CED")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Code", "Indicator", "Value", "Unit", "Value period", "Stale", "Partial",
		"Target", "Floor", "Expected lower", "Expected upper", "Rating", "Previous rating", "Direction", "Trend",
		"2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2", "2023/24 Q3", "Context", "Actions"}
	if strings.Join(header[0], "|") != strings.Join(wantHeader, "|") {
		t.Fatalf("CED header = %q\nwant %q", header[0], wantHeader)
	}
	checkCells(t, f, "CED", []cellWant{
		// CS01: percent held as 82.4, shown with one place and a literal %.
		{"A2", "CS01", ""}, {"B2", "Percentage of calls to Contact Point answered", ""},
		{"C2", "82.4%", "82.4"}, {"D2", "%", ""}, {"E2", "2023/24 Q3", ""}, {"F2", "No", ""}, {"G2", "No", ""},
		{"H2", "85.0%", "85"}, {"I2", "75.0%", "75"}, {"J2", "", ""}, {"K2", "", ""},
		{"L2", "Amber", ""}, {"M2", "Green", ""}, {"N2", "Worsening", ""},
		{"O2", "Falling by 1.1 points a quarter over the last 8 quarters.", ""},
		{"P2", "Green", ""}, {"Q2", "Green", ""}, {"R2", "Green", ""}, {"S2", "Green", ""}, {"T2", "Amber", ""},
		{"U2", "High staff sickness – calls up 12%.", ""}, {"V2", "Recruiting eight call handlers.", ""},
		// CS02: 89.96 against 90 is shown with the engine's two places, not rounded to 90.0.
		{"C3", "89.96%", "89.96"}, {"H3", "90.0%", "90"},
		// CS03: currency.
		{"C4", "£1,250,000", "1250000"}, {"D4", "£", ""}, {"L4", "Red", ""}, {"I4", "£1,200,000", "1200000"},
		// CS04: activity, with its expected range and status, and no target or floor.
		{"C5", "115,000", "115000"}, {"H5", "", ""}, {"I5", "", ""}, {"J5", "100,000", "100000"}, {"K5", "130,000", "130000"},
		{"L5", "Within", ""}, {"M5", "", ""}, {"N5", "Rising", ""}, {"P5", "Above", ""}, {"Q5", "Within", ""},
		// CS05: days, not rated.
		{"C6", "12.5 days", "12.5"}, {"L6", "Not rated", ""}, {"N6", "Insufficient data", ""}, {"P6", "No data", ""},
	})
	checkCells(t, f, "CYPE", []cellWant{
		// CY01: no value at all.
		{"A2", "CY01", ""}, {"C2", "", ""}, {"E2", "", ""}, {"L2", "No data", ""},
		// CY02: monthly, two months present; target 57.5 keeps its place though decimals is 0.
		{"B3", "Café referrals – families’ support within 28 days", ""},
		{"C3", "57%", "57"}, {"G3", "Yes (2 of 3 months)", ""}, {"H3", "57.5%", "57.5"}, {"I3", "50%", "50"},
		// CY03: a stale stand-in from the previous quarter; rate with two places.
		{"C4", "30.00", "30"}, {"D4", "rate", ""}, {"E4", "2023/24 Q2", ""}, {"F4", "Yes", ""}, {"T4", "No data", ""},
	})
	checkCells(t, f, growthSheet, []cellWant{
		{"A2", "GE01", ""}, {"C2", "1,234", "1234"}, {"N2", "Improving", ""},
		{"A3", "GE02", ""}, {"C3", "98%", "98"}, {"P3", "Amber", ""},
	})
}

func TestRatingFills(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	cases := []struct {
		sheet, cell, fill, font string
	}{
		{"CED", "L2", "FFBF47", "0B0C0C"},         // amber
		{"CED", "M2", "00703C", "FFFFFF"},         // green
		{"CED", "L4", "D4351C", "FFFFFF"},         // red
		{"CED", "L6", "B1B4B6", "0B0C0C"},         // not rated
		{"CYPE", "L2", "B1B4B6", "0B0C0C"},        // no data
		{"KPI history", "L2", "FFBF47", "0B0C0C"}, // CS01 2023/24 Q3 rating
		{"Summary", "A11", "00703C", "FFFFFF"},    // the Green row's label
	}
	for _, c := range cases {
		st := cellStyleOf(t, f, c.sheet, c.cell)
		if len(st.Fill.Color) != 1 || st.Fill.Color[0] != c.fill || st.Fill.Pattern != 1 {
			t.Errorf("%s!%s fill = %+v, want solid %s", c.sheet, c.cell, st.Fill, c.fill)
		}
		if st.Font == nil || st.Font.Color != c.font {
			t.Errorf("%s!%s font = %+v, want colour %s", c.sheet, c.cell, st.Font, c.font)
		}
	}
	// An activity status is not a rating and carries no rating colour.
	if st := cellStyleOf(t, f, "CED", "L5"); len(st.Fill.Color) != 0 {
		t.Errorf("CED!L5 (within) fill = %+v, want none", st.Fill)
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
		{"CED", "C2", `0.0"%"`},
		{"CED", "C3", `0.00"%"`},
		{"CED", "C4", `"£"#,##0`},
		{"CED", "C5", `#,##0`},
		{"CED", "C6", `0.0 "days"`},
		{"CYPE", "C4", `#,##0.00`},
		{"KPI history", "C2", `0.0"%"`},
		{"Data", "D2", `0.0"%"`},
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
	rowsWanted := map[string]int{"CED": 6, "CYPE": 4, growthSheet: 3, "KPI history": 11, "Data": 51}
	for sheet, n := range rowsWanted {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n {
			t.Errorf("%s has %d rows, want %d", sheet, len(rows), n)
		}
		// No blank rows: every row starts with an indicator code (or the header).
		for i, row := range rows {
			if len(row) == 0 || row[0] == "" {
				t.Errorf("%s row %d is blank", sheet, i+1)
			}
		}
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(merged) != 0 {
			t.Errorf("%s has merged cells %v", sheet, merged)
		}
	}
	panes := map[string]excelize.Panes{
		"CED":         {Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2"},
		growthSheet:   {Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2"},
		"KPI history": {Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2"},
		"Data":        {Freeze: true, XSplit: 0, YSplit: 1, TopLeftCell: "A2"},
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
	// An autofilter is a sheet-scoped _FilterDatabase name over the header and the rows.
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	wantFilters := map[string]string{
		"CED": "'CED'!$A$1:$V$6", "CYPE": "'CYPE'!$A$1:$V$4",
		growthSheet: "'" + growthSheet + "'!$A$1:$V$3", "KPI history": "'KPI history'!$A$1:$L$11",
	}
	for sheet, ref := range wantFilters {
		if filters[sheet] != ref {
			t.Errorf("%s autofilter = %q, want %q", sheet, filters[sheet], ref)
		}
	}
	tables, err := f.GetTables("Data")
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || tables[0].Name != "QPRData" || tables[0].Range != "A1:M51" {
		t.Fatalf("Data tables = %+v, want one QPRData over A1:M51", tables)
	}
	width, err := f.GetColWidth("CED", "B")
	if err != nil || width != 45 {
		t.Errorf("CED column B width = %v (%v), want 45", width, err)
	}
	if st := cellStyleOf(t, f, "CED", "O2"); st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("CED!O2 (trend sentence) does not wrap")
	}
}

func TestHistorySheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	rows, err := f.GetRows("KPI history")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := "Code|Indicator|2022/23 Q3 value|2022/23 Q3 rating|2022/23 Q4 value|2022/23 Q4 rating|" +
		"2023/24 Q1 value|2023/24 Q1 rating|2023/24 Q2 value|2023/24 Q2 rating|2023/24 Q3 value|2023/24 Q3 rating"
	if got := strings.Join(rows[0], "|"); got != wantHeader {
		t.Fatalf("header = %s\nwant %s", got, wantHeader)
	}
	checkCells(t, f, "KPI history", []cellWant{
		{"A2", "CS01", ""}, {"C2", "86.0%", "86"}, {"D2", "Green", ""}, {"E2", "87.5%", "87.5"}, {"K2", "82.4%", "82.4"}, {"L2", "Amber", ""},
		// CS02's history carries no shown form: 89.96 keeps its places rather than becoming 90.0%.
		{"A3", "CS02", ""}, {"K3", "89.96%", "89.96"}, {"E3", "89.0%", "89"},
		{"A5", "CS04", ""}, {"C5", "140,000", "140000"}, {"D5", "Above", ""},
		// CY03's report quarter has no actual value: history shows none (no stale stand-in).
		{"A9", "CY03", ""}, {"I9", "30.00", "30"}, {"K9", "", ""}, {"L9", "No data", ""},
	})
}

func TestDataSheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "")
	rows, err := f.GetRows("Data")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := "code|directorate|period|value|unit|value_period|rating|target|floor|expected_lower|expected_upper|stale|partial"
	if got := strings.Join(rows[0], "|"); got != wantHeader {
		t.Fatalf("header = %s\nwant %s", got, wantHeader)
	}
	// Rows run indicator by indicator, five quarters each: CS01 is rows 2-6, CY02 rows 32-36.
	raw := func(cell string) string {
		v, _ := f.GetCellValue("Data", cell, excelize.Options{RawCellValue: true})
		return v
	}
	cases := []struct{ row, want string }{
		{"2", "CS01|CED|2022/23 Q3|86|percent|2022/23 Q3|green|80|70|||0|0"},
		{"6", "CS01|CED|2023/24 Q3|82.4|percent|2023/24 Q3|amber|85|75|||0|0"},
		// CS04 2023/24 Q2: an activity quarter takes its expected range from the chart.
		{"20", "CS04|CED|2023/24 Q2|133000|number|2023/24 Q2|above|||100000|130000|0|0"},
		// CY01 has no data in any quarter.
		{"27", "CY01|CYPE|2022/23 Q3||percent||no_data|||||0|0"},
		// CY02 is monthly: 2022/23 Q4 takes January 2023's thresholds; the report quarter is partial.
		{"33", "CY02|CYPE|2022/23 Q4|60|percent|2022/23 Q4|green|55|45|||0|0"},
		{"36", "CY02|CYPE|2023/24 Q3|57|percent|2023/24 Q3|amber|57.5|50|||0|1"},
		// CY03's report quarter is the stale stand-in from 2023/24 Q2, as the report shows it.
		{"41", "CY03|CYPE|2023/24 Q3|30|rate|2023/24 Q2|green|35|40|||1|0"},
		{"42", "GE01|" + longDirectorateCode + "|2022/23 Q3|1000|number|2022/23 Q3|green|||||0|0"},
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
	if shown, _ := f.GetCellValue("Data", "L41"); shown != "TRUE" {
		t.Errorf("Data!L41 stale = %q, want TRUE (a boolean cell)", shown)
	}
}

func TestSummarySheet(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "Performance held up this quarter.")
	checkCells(t, f, "Summary", []cellWant{
		{"A1", "Quarterly Performance Report", ""},
		{"A2", "Example County Council", ""},
		{"B3", "Quarterly Performance Report (qpr)", ""},
		{"B4", "2023/24 Q3", ""},
		{"B5", "2023/24 Q2", ""},
		{"B6", "31 January 2024", "45322"},
		{"A8", "Performance held up this quarter.", ""},
		{"A10", "RAG rating", ""}, {"B10", "This quarter (2023/24 Q3)", ""}, {"C10", "Previous quarter (2023/24 Q2)", ""},
		{"A11", "Green", ""}, {"B11", "3", ""}, {"C11", "4", ""}, {"D11", "-1", "-1"},
		{"A12", "Amber", ""}, {"B12", "3", ""}, {"C12", "2", ""}, {"D12", "+1", "1"},
		// excelize's own formatter shows zero as "+0"; Excel and LibreOffice use the zero section.
		{"A13", "Red", ""}, {"B13", "1", ""}, {"D13", "*", "0"},
		{"A14", "Not rated", ""}, {"B14", "1", ""},
		{"A15", "No data", ""}, {"B15", "1", ""},
		{"A16", "Total", ""}, {"B16", "9", ""}, {"C16", "9", ""},
		{"A18", "Direction of travel", ""},
		{"A19", "Improving", ""}, {"B19", "2", ""}, {"C19", "1", ""}, {"D19", "+1", "1"},
		{"A20", "Stable", ""}, {"B20", "3", ""}, {"C20", "5", ""}, {"D20", "-2", "-2"},
		{"A21", "Worsening", ""}, {"B21", "2", ""},
		{"A22", "Insufficient data", ""}, {"B22", "2", ""},
		{"A25", "Activity indicators", ""},
		{"A26", "Above expected range", ""}, {"B26", "0", ""}, {"C26", "1", ""},
		{"A27", "Within expected range", ""}, {"B27", "1", ""}, {"C27", "0", ""},
		{"A33", "Counts by directorate", ""},
		{"A34", "Directorate", ""}, {"P34", "Below", ""},
		{"A35", "Chief Executive’s Department", ""}, {"B35", "CED", ""}, {"C35", "4", ""},
		{"D35", "0", ""}, {"E35", "2", ""}, {"F35", "1", ""}, {"G35", "1", ""}, {"H35", "0", ""},
		{"J35", "2", ""}, {"K35", "1", ""}, {"L35", "1", ""}, {"M35", "1", ""}, {"O35", "1", ""},
		{"B37", growthSheet, ""}, {"D37", "2", ""},
		{"A38", "All directorates", ""}, {"C38", "9", ""}, {"D38", "3", ""}, {"F38", "1", ""}, {"M38", "1", ""},
	})
	for cell, sheet := range map[string]string{"B35": "CED", "B37": growthSheet} {
		ok, target, err := f.GetCellHyperLink("Summary", cell)
		if err != nil || !ok || target != "'"+sheet+"'!A1" {
			t.Errorf("Summary!%s link = %v %q %v, want '%s'!A1", cell, ok, target, err, sheet)
		}
	}
	merged, _ := f.GetMergeCells("Summary")
	if len(merged) != 1 || merged[0].GetStartAxis() != "A8" || merged[0].GetEndAxis() != "F8" {
		t.Errorf("Summary merges = %v, want the narrative over A8:F8 only", merged)
	}
}

func TestSummaryWritesCountsSentenceWithoutNarrative(t *testing.T) {
	f := renderFixture(t, fixtureReport(), "  \n")
	got, _ := f.GetCellValue("Summary", "A8")
	if !strings.HasPrefix(got, "Of the 9 KPIs for 2023/24 Q3, 3 are rated green, 3 amber and 1 red") {
		t.Errorf("Summary!A8 = %q, want the counts sentence", got)
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
	want := []string{"Summary", "CED", "CYPE", growthSheet, "Data (2)", "KPI history", "Data"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if v, _ := f.GetCellValue("Data (2)", "A2"); v != "GE02" {
		t.Errorf("Data (2)!A2 = %q, want GE02", v)
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

func TestNonFiniteValuesAreBlank(t *testing.T) {
	r := fixtureReport()
	nan := 0.0
	nan = nan / nan
	r.Indicators[0].Value = &nan
	f := renderFixture(t, r, "")
	if v, _ := f.GetCellValue("CED", "C2"); v != "" {
		t.Errorf("NaN value shown as %q, want a blank cell", v)
	}
}

func TestEmptyReportRenders(t *testing.T) {
	r := &report.Report{Organisation: "Example County Council", Title: "Quarterly Performance Report",
		Period: "2023/24 Q3", PreviousPeriod: "2023/24 Q2", AsAt: "2024-01-31"}
	f := renderFixture(t, r, "")
	want := []string{"Summary", "KPI history", "Data"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if v, _ := f.GetCellValue("Summary", "A8"); v != "There are no KPIs in this report for 2023/24 Q3." {
		t.Errorf("Summary!A8 = %q", v)
	}
	if v, _ := f.GetCellValue("Data", "A1"); v != "code" {
		t.Errorf("Data!A1 = %q, want the header", v)
	}
}
