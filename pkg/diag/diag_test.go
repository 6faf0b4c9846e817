package diag

import (
	"reflect"
	"testing"
)

func TestProblemPlaces(t *testing.T) {
	cases := []struct {
		p    Problem
		want string
	}{
		{Problem{Message: "no data"}, "no data"},
		{Problem{Place: Place{File: "c.yaml"}, Message: "empty"}, "c.yaml: empty"},
		{Problem{Place: Place{File: "c.yaml", Line: 7}, Message: "bad"}, "c.yaml:7: bad"},
		{Problem{Place: Place{File: "q2.xlsx", Sheet: "KPIs", Line: 7, Col: 2}, Message: "bad"}, "q2.xlsx:KPIs!B7: bad"},
		{Problem{Place: Place{File: "q2.xlsx", Sheet: "Q2 data", Line: 7, Col: 2}, Message: "bad"}, "q2.xlsx:'Q2 data'!B7: bad"},
		{Problem{Place: Place{File: "q2.xlsx", Sheet: "Notes"}, Message: "skipped"}, `q2.xlsx: sheet "Notes": skipped`},
		{Problem{Place: Place{File: "q2.xlsx", Sheet: "S", Line: 16384, Col: 16384}, Message: "bad"}, "q2.xlsx:S!XFD16384: bad"},
		// Whatever a file holds, a message is one line of printable text.
		{Problem{Place: Place{File: "a\x1b[2Jb.csv", Line: 3}, Message: "\"x\" \x00\x07 \u202eevil\nforged: line"}, `a\x1b[2Jb.csv:3: "x" \x00\x07 \u202eevil\nforged: line`},
		{Problem{Place: Place{File: "q.xlsx", Sheet: "Evil\x1b]0;pwned\x07"}, Message: "skipped \xff"}, `q.xlsx: sheet "Evil\x1b]0;pwned\a": skipped \xff`},
		{Problem{Place: Place{File: "q.xlsx", Sheet: "a\tb", Line: 2, Col: 1}, Message: "Café £5 Ŵ"}, `q.xlsx:a\tb!A2: Café £5 Ŵ`},
	}
	for _, c := range cases {
		if got := c.p.Error(); got != c.want {
			t.Errorf("%+v = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestWarningNamesTheSheet(t *testing.T) {
	p := Problem{Place: Place{File: "q2.xlsx", Sheet: "Notes"}, Message: "skipped: it is empty", Severity: Warning}
	if got, want := p.Warning(), `q2.xlsx: warning: sheet "Notes": skipped: it is empty`; got != want {
		t.Errorf("Warning() = %q, want %q", got, want)
	}
	p = Problem{Place: Place{File: "q2.csv", Line: 4}, Message: "odd", Severity: Warning}
	if got, want := p.Warning(), "q2.csv:4: warning: odd"; got != want {
		t.Errorf("Warning() = %q, want %q", got, want)
	}
	if got, want := (Problem{Message: "m"}).Warning(), "warning: m"; got != want {
		t.Errorf("Warning() = %q, want %q", got, want)
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
}

func TestSortByPlace(t *testing.T) {
	ps := []Problem{
		{Place: Place{File: "b.csv", Line: 2}},
		{Place: Place{File: "a.xlsx", Sheet: "S", Line: 10, Col: 2}},
		{Place: Place{File: "a.xlsx", Sheet: "S", Line: 2, Col: 3}},
		{Place: Place{File: "a.xlsx", Sheet: "S", Line: 2, Col: 27}},
		{Place: Place{File: "b.csv", Line: 1}},
	}
	SortByPlace(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Place.String())
	}
	want := []string{"a.xlsx:S!C2", "a.xlsx:S!AA2", "a.xlsx:S!B10", "b.csv:1", "b.csv:2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}

func TestListKeepsErrorsAndWarningsApart(t *testing.T) {
	var l List
	l.Warnf(Place{File: "a"}, "w")
	if l.Err() != nil || l.HasErrors() {
		t.Fatal("a warning is not an error")
	}
	l.Errorf(Place{File: "a", Line: 1}, "e %d", 1)
	if err := l.Err(); err == nil || err.Error() != "a:1: e 1" {
		t.Errorf("Err() = %v", err)
	}
	if len(l.Warnings()) != 1 || len(l.Errors()) != 1 || len(l.Problems()) != 2 {
		t.Errorf("counts wrong: %+v", l.Problems())
	}
}

// A file with a bad column in a million rows gave a million messages (1.3GB held, and as many
// lines printed). A list keeps a file's first MaxPerFile problems and counts the rest, told
// as one problem of the file; the count survives lists added to lists (a sheet's to its
// file's, a file's to the run's).
func TestListKeepsTheFirstProblemsOfAFile(t *testing.T) {
	sheet := &List{}
	for i := 1; i <= MaxPerFile+5; i++ {
		sheet.Errorf(Place{File: "a.csv", Line: i}, "bad %d", i)
	}
	sheet.Warnf(Place{File: "a.csv", Line: 9999}, "odd")
	sheet.Warnf(Place{File: "b.csv", Line: 1}, "odd")
	run := &List{}
	run.Errorf(Place{File: "a.csv", Line: 0}, "first") // the run's list has one of a.csv already
	run.AddAll(sheet.Problems())
	run.Errorf(Place{}, "no file: never left out")

	got := run.Problems()
	// a.csv: "first" and 999 of the sheet's; left out: 6 errors of the sheet's and its warning.
	if len(got) != MaxPerFile+1+1+1 {
		t.Fatalf("%d problems kept", len(got))
	}
	last := got[len(got)-1]
	want := "a.csv: 6 more errors and 1 warning in this file are not listed (only the first 1,000 problems of a file are); correct those listed and run again"
	if last.Error() != want || last.Severity != Error || last.Unlisted != (Unlisted{Errors: 6, Warnings: 1}) {
		t.Errorf("last problem %q %+v\nwant %q", last.Error(), last, want)
	}
	if got[MaxPerFile-1].Message != "bad 999" || got[MaxPerFile].Place.File != "b.csv" || got[MaxPerFile+1].Place.File != "" {
		t.Errorf("kept %v, %v, %v", got[MaxPerFile-1], got[MaxPerFile], got[MaxPerFile+1])
	}
	// Only warnings left out: told as a warning.
	w := &List{}
	for i := 0; i <= MaxPerFile; i++ {
		w.Warnf(Place{File: "c.csv", Line: i + 1}, "odd")
	}
	ps := w.Problems()
	if last := ps[len(ps)-1]; last.Warning() != "c.csv: warning: 1 more warning in this file is not listed (only the first 1,000 problems of a file are); correct those listed and run again" || w.HasErrors() {
		t.Errorf("%q, has errors %v", last.Warning(), w.HasErrors())
	}
}
