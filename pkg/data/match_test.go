package data

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

func at(file string, line int) diag.Place { return diag.Place{File: file, Line: line} }

func TestMatchFilesValuesUnderCatalogueCodes(t *testing.T) {
	ds := NewDataset([]Observation{
		{Code: "cs01", Period: quarter(2023, 1), Value: 80, Place: at("a.csv", 2)},
		{Code: "CS01", Period: month(2023, 8), Value: 82, Place: at("a.csv", 3)}, // August is in Q2
		{Code: "CS02", Period: month(2023, 10), Value: 5, Place: at("a.csv", 4)},
		{Code: "CS04", Period: quarter(2023, 4), Missing: true, Place: at("a.csv", 5)},
	}, []Comment{
		{Code: "cs01", Period: month(2023, 9), Actions: "Recruit", Place: at("c.csv", 2)},
	})
	store, probs := Match(ds, testCatalogue())
	assertMessages(t, messages(probs, ""), nil)
	q1, q2 := period.Quarter{Year: 2023, Q: 1}.Index(), period.Quarter{Year: 2023, Q: 2}.Index()
	oct := period.Month{Year: 2023, Month: 10}.Index()
	q4 := period.Quarter{Year: 2023, Q: 4}.Index()
	if v, _ := store.Series("CS01").At(q1); v.V != 80 || v.Missing || v.Place.Line != 2 {
		t.Errorf("CS01 Q1 = %+v", v)
	}
	if v, _ := store.Series("CS01").At(q2); v.V != 82 || v.Place.Line != 3 {
		t.Errorf("CS01 Q2 = %+v", v)
	}
	if v, _ := store.Series("CS02").At(oct); v.V != 5 {
		t.Errorf("CS02 2023-10 = %+v", v)
	}
	if v, ok := store.Series("CS04").At(q4); !ok || !v.Missing {
		t.Errorf("CS04 Q4 = %+v, %v; want a missing value", v, ok)
	}
	if c, _ := store.Comment("CS01", period.FromIndex(q2)); c.Actions != "Recruit" || c.Code != "CS01" {
		t.Errorf("CS01 Q2 comment = %+v", c)
	}
	// CS04's Q4 value is missing, so the latest quarter with a value is Q3 (October for CS02).
	if want := (period.Quarter{Year: 2023, Q: 3}); store.Latest != want {
		t.Errorf("Latest = %+v, want %+v", store.Latest, want)
	}
}

func TestMatchProblems(t *testing.T) {
	ds := NewDataset([]Observation{
		{Code: "CS01", Period: month(2023, 7), Value: 80, Place: at("a.csv", 2)},
		{Code: "CS01", Period: month(2023, 8), Value: 81, Place: at("a.csv", 3)},
		{Code: "CS02", Period: quarter(2023, 2), Value: 5, Place: at("a.csv", 4)},
		{Code: "CS1", Period: quarter(2023, 2), Value: 5, Place: at("a.csv", 5)},
		{Code: "CS1", Period: quarter(2023, 3), Value: 5, Place: at("a.csv", 6)},
		{Code: "ZZ99", Period: quarter(2023, 2), Value: 5, Place: at("a.csv", 7)},
		{Code: "CS04", Period: quarter(2023, 2), Missing: true, Place: at("a.csv", 8)},
		{Code: "cs04", Period: quarter(2023, 2), Value: 118000, Place: diag.Place{File: "b.xlsx", Sheet: "Q2", Line: 9, Col: 3}},
		{Code: "CS02", Period: month(2023, 7), Value: 1, Place: at("a.csv", 9)},
		{Code: "CS02", Period: month(2023, 7), Value: 1, Place: at("a.csv", 10)},
	}, []Comment{
		{Code: "CS01", Period: quarter(2023, 2), Context: "x", Place: at("c.csv", 2)},
		{Code: "CS01", Period: month(2023, 9), Context: "y", Place: at("c.csv", 3)},
		{Code: "XX01", Period: quarter(2023, 2), Context: "z", Place: at("c.csv", 4)},
	})
	store, probs := Match(ds, testCatalogue())
	assertMessages(t, messages(probs, ""), []string{
		"a.csv:3: CS01 2023/24 Q2 is given twice: here (as 2023-08) and at a.csv:2; CS01 is quarterly, so a month stands for its quarter: keep one value per quarter",
		"a.csv:4: CS02 is monthly: give months (2023-07, 2023-08, 2023-09), not a quarter",
		"b.xlsx:Q2!C9: CS04 2023/24 Q2 is given twice: here and at a.csv:8; keep one",
		"a.csv:10: CS02 2023-07 is given twice: here and at a.csv:9; keep one",
		"c.csv:3: commentary for CS01 2023/24 Q2 is given twice: here and at c.csv:2; keep one",
		`a.csv:5: code "CS1" is not in the catalogue (first of 2 uses in this file); did you mean CS01?`,
		`a.csv:7: code "ZZ99" is not in the catalogue; correct the code or add the indicator to the catalogue`,
		`c.csv:4: code "XX01" is not in the catalogue; correct the code or add the indicator to the catalogue`,
	})
	if v, _ := store.Series("CS01").At(period.Quarter{Year: 2023, Q: 2}.Index()); v.V != 80 {
		t.Errorf("the first of two values must stay: %+v", v)
	}
}

// Two files each giving CS01 for 2023/24 Q2, read from a directory: the error names both.
func TestDuplicateAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	writeAt(t, filepath.Join(dir, "a.csv"), "code,period,value\nCS01,2023/24 Q2,85\n")
	writeAt(t, filepath.Join(dir, "b.csv"), "code,period,value\nCS04,2023/24 Q2,1000\ncs01,Q2 2023/24,n/a\n")
	ds, probs := Read([]string{dir}, april)
	assertMessages(t, messages(probs, dir), nil)
	_, probs = Match(ds, testCatalogue())
	assertMessages(t, messages(probs, dir), []string{
		"b.csv:3: CS01 2023/24 Q2 is given twice: here and at a.csv:2; keep one",
	})
}

func TestNearestCode(t *testing.T) {
	codes := []string{"CS01", "CS02", "GL03", "FN05", "ASC-EXT-14"}
	cases := map[string]string{
		"CS1":        "CS01",
		"cs01 ":      "CS01",
		"GL3":        "GL03",
		"ZZ99":       "",
		"ASC-EXT-41": "ASC-EXT-14",
		"FN5":        "FN05",
	}
	for in, want := range cases {
		if got := nearestCode(in, codes); got != want {
			t.Errorf("nearestCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// CS02 is monthly and summed: two months of 1e308 are each a number, but their quarter is not.
func TestMatchQuarterTotalTooLarge(t *testing.T) {
	ds := NewDataset([]Observation{
		{Code: "CS02", Period: month(2024, 1), Value: 1e308, Place: at("m.csv", 2)},
		{Code: "CS02", Period: month(2024, 2), Value: 1e308, Place: at("m.csv", 3)},
		{Code: "CS02", Period: month(2024, 4), Value: 1e308, Place: at("m.csv", 4)},
	}, nil)
	_, probs := Match(ds, testCatalogue())
	assertMessages(t, messages(probs, ""), []string{
		"m.csv:3: the months of 2023/24 Q4 for CS02 add up to more than a number can hold; check the values",
	})
}

// Observations are filed an indicator at a time, but the first value in row order is the one
// kept, whatever case each row writes the code in, and problems come in row order.
func TestMatchKeepsTheFirstInRowOrderAcrossCodeCases(t *testing.T) {
	ds := NewDataset([]Observation{
		{Code: "CS01", Period: quarter(2023, 1), Value: 1, Place: at("a.csv", 2)},
		{Code: "cs01", Period: quarter(2023, 2), Value: 2, Place: at("a.csv", 3)},
		{Code: "CS04", Period: quarter(2023, 2), Value: 9, Place: at("a.csv", 4)},
		{Code: "CS01", Period: quarter(2023, 2), Value: 3, Place: at("a.csv", 5)},
		{Code: "CS04", Period: quarter(2023, 2), Value: 8, Place: at("a.csv", 6)},
	}, nil)
	store, probs := Match(ds, testCatalogue())
	assertMessages(t, messages(probs, ""), []string{
		"a.csv:5: CS01 2023/24 Q2 is given twice: here and at a.csv:3; keep one",
		"a.csv:6: CS04 2023/24 Q2 is given twice: here and at a.csv:4; keep one",
	})
	q2 := period.Quarter{Year: 2023, Q: 2}.Index()
	if v, _ := store.Series("CS01").At(q2); v.V != 2 || v.Place.Line != 3 {
		t.Errorf("CS01 Q2 = %+v, want 2 from line 3", v)
	}
}

// A file of codes meant for another catalogue, a million of them, held half a kilobyte for
// each unknown code. Past the first diag.MaxPerFile unknown codes of a file, which are all its
// list keeps, each is only counted: once, however often it is used, and ignoring case.
func TestMatchCountsUnknownCodesPastTheListed(t *testing.T) {
	var obs []Observation
	for i := 0; i < diag.MaxPerFile+3; i++ {
		obs = append(obs, Observation{Code: fmt.Sprintf("ZZ%05d", i), Period: quarter(2023, 2), Value: 1, Place: at("a.csv", i+2)})
	}
	// Past the listed ones: ZZ01001 again in lower case, and the first one again.
	obs = append(obs,
		Observation{Code: "zz01001", Period: quarter(2023, 3), Value: 1, Place: at("a.csv", 2000)},
		Observation{Code: "ZZ00000", Period: quarter(2023, 3), Value: 1, Place: at("a.csv", 2001)})
	_, probs := Match(NewDataset(obs, nil), testCatalogue())
	ps := probs.Problems()
	if len(ps) != diag.MaxPerFile+1 {
		t.Fatalf("%d problems", len(ps))
	}
	if ps[0].Error() != `a.csv:2: code "ZZ00000" is not in the catalogue (first of 2 uses in this file); correct the code or add the indicator to the catalogue` {
		t.Errorf("first: %s", ps[0].Error())
	}
	// ZZ01000, ZZ01001 and ZZ01002: three codes past the first thousand.
	if last := ps[len(ps)-1]; last.Unlisted != (diag.Unlisted{Errors: 3}) || last.Place.File != "a.csv" {
		t.Errorf("last: %+v", last)
	}
}
