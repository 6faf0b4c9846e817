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
		{Problem{Place: Place{File: "q2.xlsx", Sheet: "KPIs", Cell: "B7"}, Message: "bad"}, "q2.xlsx:KPIs!B7: bad"},
		{Problem{Place: Place{File: "q2.xlsx", Sheet: "Q2 data", Cell: "B7"}, Message: "bad"}, "q2.xlsx:'Q2 data'!B7: bad"},
		{Problem{Place: Place{File: "q2.xlsx", Sheet: "Notes"}, Message: "skipped"}, `q2.xlsx: sheet "Notes": skipped`},
	}
	for _, c := range cases {
		if got := c.p.Error(); got != c.want {
			t.Errorf("%+v = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestSortByPlace(t *testing.T) {
	ps := []Problem{
		{Place: Place{File: "b.csv", Line: 2}},
		{Place: Place{File: "a.xlsx", Sheet: "S", Cell: "B10"}},
		{Place: Place{File: "a.xlsx", Sheet: "S", Cell: "C2"}},
		{Place: Place{File: "a.xlsx", Sheet: "S", Cell: "AA2"}},
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
