package data

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestCSVLongTable(t *testing.T) {
	path := writeFile(t, "q2.csv", []byte("\xEF\xBB\xBFCode,Period,Value,Note\n"+
		"CS01,2023/24 Q2,82.4,\n"+
		"\n"+
		"CS02,Sep-23,\"1,234\",\"two\nlines\"\n"+
		"CS04,2023/24 Q2,,blank value: no observation\n"+
		"CS04,2023/24 Q1,n/a,\n"+
		",,,\n"+
		"CS01,2023/24 Q1,85%,\n"))
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), nil)
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 2), 82.4, false, "", "q2.csv:2"},
		{"CS02", month(2023, 9), 1234, false, "two\nlines", "q2.csv:4"},
		{"CS04", quarter(2023, 1), 0, true, "", "q2.csv:7"},
		{"CS01", quarter(2023, 1), 85, false, "", "q2.csv:9"},
	})
}

// Excel's plain "CSV" is Windows-1252 in the UK: £ is byte A3 and the curly apostrophe ’ is 92.
func TestCSVWindows1252(t *testing.T) {
	path := writeFile(t, "cp1252.csv", []byte("code,period,value,note\r\nCS04,2023/24 Q2,118000,\xA3 spend up; Contact Point\x92s calls\r\n"))
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), nil)
	if len(ds.Observations()) != 1 {
		t.Fatalf("observations = %+v", ds.Observations())
	}
	if got, want := ds.Observations()[0].Note, "£ spend up; Contact Point’s calls"; got != want {
		t.Errorf("note = %q, want %q", got, want)
	}
}

func TestCSVUTF16(t *testing.T) {
	text := "code\tperiod\tvalue\r\nCS01\t2023/24 Q2\t85\r\n"
	b := []byte{0xFF, 0xFE}
	for _, r := range text {
		b = append(b, byte(r), 0)
	}
	path := writeFile(t, "unicode.csv", b)
	ds, probs := Read([]string{path}, april)
	assertMessages(t, messages(probs, filepath.Dir(path)), nil)
	if len(ds.Observations()) != 1 || ds.Observations()[0].Value != 85 {
		t.Errorf("observations = %+v", ds.Observations())
	}
}

// In a ;-separated file a number that reads two ways (35.123, 1,234) is read the way the
// file's other numbers settle, and refused when they settle nothing or disagree.
func TestCSVSemicolons(t *testing.T) {
	const header = "code;period;value\n"
	cases := []struct {
		name  string
		rows  string
		want  []float64 // the values of the rows read, in order
		probs []string
	}{
		{"plain numbers", "CS01;2023/24 Q2;85\nCS04;2023/24 Q2;118000\n", []float64{85, 118000}, nil},
		{"decimal comma alone", "CS01;2023/24 Q2;85,5\n", []float64{85.5}, nil},
		{"decimal comma settles thousands dots", "CS01;2023/24 Q2;85,5\nCS04;2023/24 Q2;35.123\nCS02;2023/24 Q2;1.234.567\n", []float64{85.5, 35123, 1234567}, nil},
		{"both separators, European", "CS04;2023/24 Q2;1.234,5\nCS01;2023/24 Q2;35.123\n", []float64{1234.5, 35123}, nil},
		{"euro sign after", "CS04;2023/24 Q2;35.123 €\nCS01;2023/24 Q2;2,5\n", []float64{35123, 2.5}, nil},
		{"decimal point settles thousands commas", "CS01;2023/24 Q2;85.5\nCS04;2023/24 Q2;1,234\nCS02;2023/24 Q2;35.123\n", []float64{85.5, 1234, 35.123}, nil},
		{"nothing settles a thousands dot", "CS04;2023/24 Q2;35.123\nCS01;2023/24 Q2;85\n", []float64{85}, []string{
			`eu.csv:2: column "value": "35.123" is ambiguous in a ;-separated file: the dot could be a decimal point (35.123) or a thousands separator (35123), and no other number in the file is written in a way that settles which; write it without a thousands separator`,
		}},
		{"nothing settles a comma", "CS04;2023/24 Q2;1,234\n", nil, []string{
			`eu.csv:2: column "value": "1,234" is ambiguous in a ;-separated file: the comma could be a decimal comma (1.234) or a thousands separator (1234), and no other number in the file is written in a way that settles which; write it without a thousands separator`,
		}},
		{"numbers written both ways", "CS01;2023/24 Q2;85,5\nCS02;2023/24 Q2;90.5\nCS04;2023/24 Q2;35.123\n", []float64{85.5, 90.5}, []string{
			`eu.csv:4: column "value": "35.123" is ambiguous in a ;-separated file: the dot could be a decimal point (35.123) or a thousands separator (35123), and the file writes numbers both ways (line 2 has 85,5, line 3 has 90.5); write it without a thousands separator`,
		}},
		{"thousands in wrong places", "CS01;2023/24 Q2;85,5\nCS04;2023/24 Q2;1.23.456\n", []float64{85.5}, []string{
			`eu.csv:3: column "value": "1.23.456" is not a number: thousands must be separated in threes (1.234.567 or 1,234,567); write a number such as 85 or 85%, or n/a for missing`,
		}},
		{"title line above", "", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content := header + c.rows
			if c.rows == "" {
				content = "Returns: Q2;;\n" + header + "CS01;2023/24 Q2;85,5\nCS04;2023/24 Q2;35.123\n"
				c.want = []float64{85.5, 35123}
			}
			path := writeFile(t, "eu.csv", []byte(content))
			ds, probs := Read([]string{path}, april)
			got := messages(probs, filepath.Dir(path))
			if c.rows == "" {
				got = got[1:] // the note on the title
			}
			assertMessages(t, got, c.probs)
			var values []float64
			for _, o := range ds.Observations() {
				values = append(values, o.Value)
			}
			if !slices.Equal(values, c.want) {
				t.Errorf("values %v, want %v", values, c.want)
			}
		})
	}
}

func TestCSVWideAndCommentary(t *testing.T) {
	dir := t.TempDir()
	wide := filepath.Join(dir, "a-wide.csv")
	comm := filepath.Join(dir, "b-comments.csv")
	writeAt(t, wide, "code,2023/24 Q1,2023/24 Q2,2023-10\nCS01,80,-,\nCS04,,\"120,000\",\n")
	writeAt(t, comm, "code,period,actions\nCS01,2023/24 Q2,Recruit staff\n")
	ds, probs := Read([]string{dir}, april)
	assertMessages(t, messages(probs, dir), nil)
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 1), 80, false, "", "a-wide.csv:2"},
		{"CS01", quarter(2023, 2), 0, true, "", "a-wide.csv:2"},
		{"CS04", quarter(2023, 2), 120000, false, "", "a-wide.csv:3"},
	})
	if len(ds.Comments) != 1 || ds.Comments[0].Actions != "Recruit staff" || ds.Comments[0].Place.Line != 2 {
		t.Errorf("comments = %+v", ds.Comments)
	}
	if len(ds.Files) != 2 || ds.Files[0] != wide || ds.Files[1] != comm {
		t.Errorf("files = %v, want name order", ds.Files)
	}
}

func TestCSVProblems(t *testing.T) {
	path := writeFile(t, "bad.csv", []byte("code,period,value\n"+
		"CS01,2023/24 Q2\n"+
		"CS01,2023/24 Q3,85,extra\n"+
		"CS01,2023/24 Q4,85,\n"+ // an empty extra field is tolerated
		"CS01,2024/25 Q1,\"85\"x\n"+
		"CS01,,85\n"+
		"CS01,2024/25 Q2,1,23\n"+
		"CS01,2024/25 Q3,#DIV/0!\n"+
		"CS01,2024/25 Q4,0x1p4\n"))
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), []string{
		`bad.csv:2: the line has 2 fields but the header (line 1) has 3; check for a missing or extra comma`,
		`bad.csv:3: the line has 4 fields but the header (line 1) has 3; check for a missing or extra comma`,
		`bad.csv:5: the line is not valid csv (extraneous or missing " in quoted-field); a field that contains a quote or comma must be in quotes, with each quote inside doubled`,
		`bad.csv:6: column "period" is blank; give the quarter (2023/24 Q2) or month (2023-09) this row is for`,
		`bad.csv:7: the line has 4 fields but the header (line 1) has 3; check for a missing or extra comma`,
		`bad.csv:8: column "value": cell holds the error #DIV/0!; correct the formula, or write n/a if the value is missing`,
		`bad.csv:9: column "value": "0x1p4" is not a number; write a number such as 85 or 85%, or n/a for missing`,
	})
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 4), 85, false, "", "bad.csv:4"},
	})
}

func TestCSVEmptyAndMissingPaths(t *testing.T) {
	dir := t.TempDir()
	writeAt(t, filepath.Join(dir, "blank.csv"), "\n\n , ,\n")
	writeAt(t, filepath.Join(dir, "notes.txt"), "not data, and not read from a directory")
	writeAt(t, filepath.Join(dir, "~$book.xlsx"), "Excel's lock file")
	_, probs := Read([]string{dir, filepath.Join(dir, "notes.txt"), filepath.Join(dir, "nope.csv"), filepath.Join(dir, "old.xls")}, april)
	assertMessages(t, messages(probs, dir), []string{
		`warning: notes.txt: skipped: not a data file (data files are .xlsx workbooks or .csv files)`,
		`blank.csv: the file is empty; a data file starts with a header row such as code,period,value`,
		`notes.txt: unsupported file type ".txt"; data files are .xlsx workbooks or .csv files`,
		`nope.csv: cannot read the data: no such file or directory`,
		`old.xls: cannot read the data: no such file or directory`,
	})
	empty := t.TempDir()
	_, probs = Read([]string{empty}, april)
	assertMessages(t, messages(probs, ""), []string{empty + ": the directory holds no .xlsx or .csv files"})
}

func TestReadEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "q2.csv")
	writeAt(t, file, "code,period,value\nCS01,2023/24 Q2,85\n")
	ds, probs := Read([]string{dir, file}, april)
	if probs.HasErrors() || len(ds.Files) != 1 || len(ds.Observations()) != 1 {
		t.Errorf("files %v, observations %d, problems %v", ds.Files, len(ds.Observations()), probs.Problems())
	}
}

// A header written with a trailing separator, and rows that leave off a trailing note
// column, still line up: only the columns the layout needs must be there.
func TestCSVShortRowsAndTrailingSeparators(t *testing.T) {
	path := writeFile(t, "short.csv", []byte("code,period,value,note,\n"+
		"CS01,2023/24 Q1,85\n"+
		"CS01,2023/24 Q2,86,late return\n"+
		"CS01,2023/24 Q3\n"))
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), []string{
		`short.csv:4: the line has 2 fields but the header (line 1) has 5; check for a missing or extra comma`,
	})
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 1), 85, false, "", "short.csv:2"},
		{"CS01", quarter(2023, 2), 86, false, "late return", "short.csv:3"},
	})
}

func TestDirectoryReadsXLSMAndReportsOldXLS(t *testing.T) {
	dir := t.TempDir()
	writeAt(t, filepath.Join(dir, "a.csv"), "code,period,value\nCS01,2023/24 Q1,85\n")
	writeAt(t, filepath.Join(dir, "late.xls"), "old binary workbook")
	_, probs := Read([]string{dir}, april)
	assertMessages(t, messages(probs, dir), []string{
		`late.xls: this is an old-style .xls workbook, which qpr cannot read; open it in Excel and save it as .xlsx (Excel Workbook) or .csv`,
	})
}

// Excel for Mac's "CSV (Macintosh)" ends each line with a carriage return alone. Such a file
// was read as one line (its header "code, period, value\rCS01, ...") and skipped; its lines
// are numbered as a reader counts them.
func TestCSVMacLineEnds(t *testing.T) {
	path := writeFile(t, "mac.csv", []byte("code,period,value,note\rCS01,2023/24 Q2,85,\"two\rlines\"\rCS02,2023/24 Q2,many\r"))
	ds, probs := Read([]string{path}, april)
	dir := filepath.Dir(path)
	assertMessages(t, messages(probs, dir), []string{
		`mac.csv:4: column "value": "many" is not a number; write a number such as 85 or 85%, or n/a for missing`,
	})
	assertObservations(t, lines(ds, dir), []obsLine{
		{"CS01", quarter(2023, 2), 85, false, "two\nlines", "mac.csv:2"},
	})
}
