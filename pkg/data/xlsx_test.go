package data

import (
	"path/filepath"
	"testing"
	"time"

	x "github.com/example/qpr/pkg/data/internal/xlsxgen"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestXLSXLongTable(t *testing.T) {
	path := writeWorkbook(t, "q2.xlsx", x.Sheet{Name: "Q2", Rows: [][]x.Cell{
		{},
		{x.S("Code"), x.S("PERIOD"), x.S("value"), x.S("Note")}, // header: first non-empty row, any case
		{x.S("CS01"), x.S("2023/24 Q2"), x.Styled(0.57, x.Percent), x.S("57% shown in Excel")},
		{x.S("CS02"), x.D(date(2023, 9, 30)), x.N(1234)},
		{x.S("cs03"), x.Inline("Q1 23/24"), x.S("85%")},
		{x.S("CS04"), x.S("2023-07"), x.S("1,234")},
		{x.S("CS05"), x.S("2023/24 Q2"), x.S("N/A")},
		{x.S("CS06"), x.S("2023/24 Q2"), x.S("  ")},
		{x.S("CS07"), x.S("2023/24 Q2"), x.F("B9*100", 42.5, x.General)},
		{x.S("CS08"), x.S("2023/24 Q2"), x.Styled(0.123, x.PercentCustom)},
		{x.S("CS09"), x.Styled(x.Serial(date(2023, 8, 15)), x.DateCustom), x.Styled(0.9999, x.Percent2)},
		{x.S("CS10"), x.S("2023/24 Q2"), x.Styled(1.005, x.Fixed2)},
		{x.S("CS11"), x.S("2023/24 Q2")}, // no value cell at all
	}})
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), nil)
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 2), 57, false, "57% shown in Excel", "q2.xlsx:Q2!C3"},
		{"CS02", month(2023, 9), 1234, false, "", "q2.xlsx:Q2!C4"},
		{"cs03", quarter(2023, 1), 85, false, "", "q2.xlsx:Q2!C5"},
		{"CS04", month(2023, 7), 1234, false, "", "q2.xlsx:Q2!C6"},
		{"CS05", quarter(2023, 2), 0, true, "", "q2.xlsx:Q2!C7"},
		{"CS07", quarter(2023, 2), 42.5, false, "", "q2.xlsx:Q2!C9"},
		{"CS08", quarter(2023, 2), 12.3, false, "", "q2.xlsx:Q2!C10"},
		{"CS09", month(2023, 8), 99.99, false, "", "q2.xlsx:Q2!C11"},
		{"CS10", quarter(2023, 2), 1.005, false, "", "q2.xlsx:Q2!C12"},
	})
	if len(ds.Files) != 1 || ds.Files[0] != path {
		t.Errorf("Files = %v, want [%s]", ds.Files, path)
	}
}

// 0.57 × 100 is 56.99999999999999 in binary floating point; the contract wants it equal to a
// target of 57. (A constant expression would be exact, so the premise is checked at run time.)
func TestXLSXPercentCellEqualsWholeNumber(t *testing.T) {
	fraction := 0.57
	if fraction*100 == 57.0 {
		t.Fatal("premise: 0.57 × 100 should not be exactly 57 in float64")
	}
	path := writeWorkbook(t, "p.xlsx", x.Sheet{Name: "Sheet1", Rows: [][]x.Cell{
		{x.S("code"), x.S("period"), x.S("value")},
		{x.S("CS01"), x.S("2023/24 Q2"), x.Styled(0.57, x.Percent)},
	}})
	ds, probs := Read([]string{path}, april)
	if probs.HasErrors() || len(ds.Observations()) != 1 {
		t.Fatalf("problems %v, observations %v", probs.Problems(), ds.Observations())
	}
	if got := ds.Observations()[0].Value; got != 57.0 {
		t.Errorf("value = %.17g, want exactly 57", got)
	}
}

func TestXLSXWideTable(t *testing.T) {
	path := writeWorkbook(t, "wide.xlsx", x.Sheet{Name: "Data", Rows: [][]x.Cell{
		{x.S("CODE"), x.S("2023/24 Q1"), x.D(date(2023, 7, 1)), x.Styled(x.Serial(date(2023, 8, 31)), x.DateCustom), x.S("Q3 2023/24")},
		{x.S("CS01"), x.N(80), x.Styled(0.81, x.Percent), {}, x.S("n/a")},
		{x.S("CS04"), {}, {}, x.S("12,500"), {}},
	}})
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), nil)
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 1), 80, false, "", "wide.xlsx:Data!B2"},
		{"CS01", month(2023, 7), 81, false, "", "wide.xlsx:Data!C2"},
		{"CS01", quarter(2023, 3), 0, true, "", "wide.xlsx:Data!E2"},
		{"CS04", month(2023, 8), 12500, false, "", "wide.xlsx:Data!D3"},
	})
}

func TestXLSXCommentaryTable(t *testing.T) {
	path := writeWorkbook(t, "c.xlsx", x.Sheet{Name: "Commentary", Rows: [][]x.Cell{
		{x.S("code"), x.S("period"), x.S("Context"), x.S("Actions")},
		{x.S("CS01"), x.S("2023-08"), x.S("Staff sickness was high."), x.S("Recruiting six handlers.")},
		{x.S("CS04"), x.S("2023/24 Q2"), {}, x.S("None needed.")},
		{x.S("CS02"), x.S("2023/24 Q2")}, // nothing to say: not a comment
	}})
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), nil)
	if len(ds.Observations()) != 0 || len(ds.Comments) != 2 {
		t.Fatalf("got %d observations and %d comments, want 0 and 2", len(ds.Observations()), len(ds.Comments))
	}
	c := ds.Comments[0]
	if c.Code != "CS01" || c.Period != month(2023, 8) || c.Context != "Staff sickness was high." || c.Actions != "Recruiting six handlers." || c.Place.Cell() != "A2" {
		t.Errorf("first comment = %+v", c)
	}
	if c := ds.Comments[1]; c.Context != "" || c.Actions != "None needed." || c.Period != quarter(2023, 2) {
		t.Errorf("second comment = %+v", c)
	}
}

func TestXLSXCellProblems(t *testing.T) {
	path := writeWorkbook(t, "bad.xlsx", x.Sheet{Name: "Q2 data", Rows: [][]x.Cell{
		{x.S("code"), x.S("period"), x.S("value")},
		{x.S("CS01"), x.S("2023/24 Q1"), x.Err("B2/0", "#DIV/0!")},
		{x.S("CS01"), x.S("2023/24 Q2"), x.S("NaN")},
		{x.S("CS01"), x.S("2023/24 Q3"), x.S("Inf")},
		{x.S("CS01"), x.S("2023/24 Q4"), x.D(date(2023, 9, 30))},
		{x.S("CS02"), x.S("2023-04"), x.B(true)},
		{x.S("CS02"), x.S("2023-05"), x.Uncalculated("SUM(A1:A2)")},
		{x.S("CS02"), x.S("2023-06"), x.S("abc")},
		{x.S("CS02"), x.S("2023/25 Q1"), x.N(1)},
		{{}, x.S("2023-07"), x.N(2)},
		{x.S("CS02"), x.Err("A1", "#N/A"), x.N(3)},
		{x.S("CS02"), x.N(2023), x.N(4)},
		{x.S("CS04"), x.S("2023/24 Q1"), x.Styled(0.5, x.Elapsed)},
	}})
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`bad.xlsx:'Q2 data'!C2: column "value": cell holds the error #DIV/0!; correct the formula, or write n/a if the value is missing`,
		`bad.xlsx:'Q2 data'!C3: column "value": "NaN" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		`bad.xlsx:'Q2 data'!C4: column "value": "Inf" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		`bad.xlsx:'Q2 data'!C5: column "value": cell holds a date (30 September 2023), not a number; write a number such as 85 or 85%, or n/a for missing`,
		`bad.xlsx:'Q2 data'!C6: column "value": cell holds TRUE, not a number; write a number such as 85 or 85%, or n/a for missing`,
		`bad.xlsx:'Q2 data'!C7: column "value": cell holds a formula with no saved result; open the workbook in Excel and save it, or type the value`,
		`bad.xlsx:'Q2 data'!C8: column "value": "abc" is not a number; write a number such as 85 or 85%, or n/a for missing`,
		`bad.xlsx:'Q2 data'!B9: column "period": "2023/25 Q1" is not a period: a financial year names two consecutive years, e.g. 2023/24`,
		`bad.xlsx:'Q2 data'!A10: column "code" is blank; give the indicator code this row is for`,
		`bad.xlsx:'Q2 data'!B11: column "period": cell holds the error #N/A, not a period; correct the formula or type the period, e.g. 2023/24 Q2`,
		`bad.xlsx:'Q2 data'!B12: column "period": "2023" is not a period: write a quarter as 2023/24 Q2 (also 2023-24 Q2, Q2 2023/24 or Q2 23/24), or a month as 2023-09, Sep-23, Sep 2023, September 2023 or a date such as 2023-09-30 or 30/09/2023`,
		`bad.xlsx:'Q2 data'!C13: column "value": cell holds a time (12:00), not a number; write a number such as 85 or 85%, or n/a for missing`,
	})
	if len(ds.Observations()) != 0 {
		t.Errorf("observations from bad cells: %+v", ds.Observations())
	}
}

func TestXLSXSkippedAndEmptySheets(t *testing.T) {
	path := writeWorkbook(t, "book.xlsx",
		x.Sheet{Name: "Notes", Rows: [][]x.Cell{{x.S("Name"), x.S("Total")}, {x.S("a"), x.N(1)}}},
		x.Sheet{Name: "Blank"},
		x.Sheet{Name: "Data", Rows: [][]x.Cell{{x.S("code"), x.S("period"), x.S("value")}, {x.S("CS01"), x.S("2023/24 Q2"), x.N(85)}}},
	)
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`warning: book.xlsx: sheet "Notes": skipped: no table with code, period and value headers; row 1 has Name, Total`,
		`warning: book.xlsx: sheet "Blank": skipped: it is empty`,
	})
	if len(ds.Observations()) != 1 || ds.Observations()[0].Value != 85 {
		t.Errorf("observations = %+v", ds.Observations())
	}
}

// A workbook none of whose sheets has a table gives no data at all: each sheet's reason is an
// error. Beside a sheet with a table, even one with no values yet, it is a warning.
func TestXLSXWorkbookWithoutATable(t *testing.T) {
	notes := x.Sheet{Name: "Notes", Rows: [][]x.Cell{{x.S("Name"), x.S("Total")}, {x.S("a"), x.N(1)}}}
	path := writeWorkbook(t, "none.xlsx", notes,
		x.Sheet{Name: "Q2", Rows: [][]x.Cell{{x.S("Code"), x.S("Month"), x.S("Value")}, {x.S("CS01"), x.S("2023-09"), x.N(85)}}})
	_, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`none.xlsx: sheet "Notes": no table with code, period and value headers; row 1 has Name, Total`,
		`none.xlsx: sheet "Q2": no table with code, period and value headers; row 1 has Code, Month, Value; did you mean "period" for "Month"?`,
	})
	path = writeWorkbook(t, "unfilled.xlsx", notes,
		x.Sheet{Name: "Return", Rows: [][]x.Cell{{x.S("code"), x.S("period"), x.S("value")}, {x.S("CS01"), x.S("2023/24 Q2")}}})
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`warning: unfilled.xlsx: sheet "Notes": skipped: no table with code, period and value headers; row 1 has Name, Total`,
	})
	if ds.Len() != 0 {
		t.Errorf("%d values from a return with none", ds.Len())
	}
}

// A sheet whose header is below a title row is read, with a note naming both; one with a slip
// in a column name is skipped, and the warning says what to put right.
func TestXLSXSkippedSheetSaysWhatToPutRight(t *testing.T) {
	path := writeWorkbook(t, "book.xlsx",
		x.Sheet{Name: "Returns", Rows: [][]x.Cell{{x.S("Quarterly returns")}, {}, {x.S("Code"), x.S("Period"), x.S("Value")}, {x.S("CS01"), x.S("2023/24 Q2"), x.N(85)}}},
		x.Sheet{Name: "Typo", Rows: [][]x.Cell{{x.S("code"), x.S("period"), x.S("vaule")}, {x.S("CS01"), x.S("2023/24 Q2"), x.N(85)}}},
	)
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), []string{
		`warning: book.xlsx: sheet "Returns": read the table whose header is row 3 (Code, Period, Value), below the title "Quarterly returns" (row 1)`,
		`warning: book.xlsx: sheet "Typo": skipped: no table with code, period and value headers; row 1 has code, period, vaule; did you mean "value" for "vaule"?`,
	})
	obs := ds.Observations()
	if len(obs) != 1 || obs[0].Code != "CS01" || obs[0].Value != 85 || obs[0].Place.Sheet != "Returns" {
		t.Errorf("observations %+v, want only the Returns sheet's CS01 85", obs)
	}
}

func TestXLSXUnreadableWorkbooks(t *testing.T) {
	good := writeWorkbook(t, "good.xlsx", x.Sheet{Name: "S", Rows: [][]x.Cell{{x.S("code"), x.S("period"), x.S("value")}, {x.S("CS01"), x.S("2023/24 Q2"), x.N(85)}}})
	whole := readBytes(t, good)
	cases := []struct {
		name    string
		content []byte
		want    string
	}{
		{"text.xlsx", []byte("code,period,value\nCS01,2023/24 Q2,85\n"), "text.xlsx: the file is not an xlsx workbook (an xlsx file is a zip archive); save it from Excel as .xlsx, or as .csv with a .csv name"},
		{"empty.xlsx", nil, "empty.xlsx: the file is empty (0 bytes), not an xlsx workbook"},
		{"old.xlsx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "old.xlsx: the workbook is password-protected or is an old-style .xls file; remove the password, or save it from Excel as .xlsx"},
		{"cut.xlsx", whole[:len(whole)/2], "cut.xlsx: the workbook is damaged or incomplete (zip: not a valid zip file); open it in Excel and save it again, or copy it again if it was cut short"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.name, c.content)
			_, probs := Read([]string{path}, april)
			assertMessages(t, messages(probs, filepath.Dir(path)), []string{c.want})
		})
	}
	t.Run("no cells", func(t *testing.T) {
		path := writeWorkbook(t, "nothing.xlsx", x.Sheet{Name: "Sheet1"}, x.Sheet{Name: "Sheet2", Rows: [][]x.Cell{{}, {}}})
		_, probs := Read([]string{path}, april)
		assertMessages(t, messages(probs, filepath.Dir(path)), []string{
			"nothing.xlsx: the workbook is empty: no sheet has any data; a data sheet starts with a header row such as code, period, value",
		})
	})
}

// A workbook whose worksheet XML is broken must give an error naming the file, not a panic or
// silence.
func TestXLSXMalformedSheetXML(t *testing.T) {
	good := readBytes(t, writeWorkbook(t, "good.xlsx", x.Sheet{Name: "S", Rows: [][]x.Cell{{x.S("code"), x.S("period"), x.S("value")}, {x.S("CS01"), x.S("2023/24 Q2"), x.N(85)}}}))
	for name, sheetXML := range map[string]string{
		"bad-row.xlsx":    `<worksheet><sheetData><row r="x"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
		"bad-ref.xlsx":    `<worksheet><sheetData><row r="1"><c r="11" t="s"><v>0</v></c></row></sheetData></worksheet>`,
		"unclosed.xlsx":   `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0`,
		"bad-string.xlsx": `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>`,
	} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, name, replaceZipEntry(t, good, "xl/worksheets/sheet1.xml", sheetXML))
			_, probs := Read([]string{path}, april)
			errs := probs.Errors()
			if len(errs) == 0 {
				t.Fatalf("no error; problems %v", probs.Problems())
			}
			for _, p := range errs {
				if p.Place.File != path {
					t.Errorf("error does not name the file: %v", p)
				}
			}
		})
	}
}
