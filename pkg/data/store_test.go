package data

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// seriesText lists a series as "index=value@place" in period order, a missing marker as n/a.
func seriesText(s *Series) string {
	var parts []string
	for idx, v := range s.All() {
		val := fmt.Sprint(v.V)
		if v.Missing {
			val = "n/a"
		}
		if v.Ratio != nil {
			val += fmt.Sprintf("(%g/%g)", v.Ratio.Numerator, v.Ratio.Denominator)
		}
		parts = append(parts, fmt.Sprintf("%d=%s@%s", idx, val, v.Place))
	}
	return strings.Join(parts, " ")
}

func TestStoreSetKeepsPeriodOrderAndPlaces(t *testing.T) {
	st := NewStore()
	xlsx := diag.Place{File: "b.xlsx", Sheet: "Q2", Line: 9, Col: 3}
	st.Set("K1", 8100, Value{V: 3, Place: at("a.csv", 4)})
	st.Set("K1", 8096, Value{V: 1, Place: at("a.csv", 2)})
	st.Set("K1", 8098, Value{Missing: true, Place: xlsx})
	st.Set("K1", 8097, Value{V: 2, Ratio: &Ratio{Numerator: 1, Denominator: 50}, Place: at("a.csv", 3)})
	st.Set("K1", 8100, Value{V: 4, Place: at("c.csv", 7)}) // replaces the value at 8100
	st.Set("K2", 5, Value{V: -1})

	want := "8096=1@a.csv:2 8097=2(1/50)@a.csv:3 8098=n/a@b.xlsx:Q2!C9 8100=4@c.csv:7"
	if got := seriesText(st.Series("K1")); got != want {
		t.Errorf("K1 = %s\nwant %s", got, want)
	}
	if n := st.Series("K1").Len(); n != 4 {
		t.Errorf("K1 has %d values, want 4", n)
	}
	for _, idx := range []int{8095, 8099, 8101, -1} {
		if v, ok := st.Series("K1").At(idx); ok {
			t.Errorf("At(%d) = %+v, want none", idx, v)
		}
	}
	if v, ok := st.Series("K1").At(8098); !ok || !v.Missing || v.Place != xlsx {
		t.Errorf("At(8098) = %+v, %v; want the missing marker at b.xlsx:Q2!C9", v, ok)
	}
	// A value replaced by one without a ratio loses the old ratio.
	st.Set("K1", 8097, Value{V: 5})
	if v, _ := st.Series("K1").At(8097); v.Ratio != nil || v.V != 5 {
		t.Errorf("At(8097) after replacing = %+v, want 5 and no ratio", v)
	}
	if st.Len() != 2 || st.Series("K3") != nil || st.Series("K3").Len() != 0 {
		t.Errorf("store has %d series, K3 %v", st.Len(), st.Series("K3"))
	}
	var codes []string
	for code := range st.All() {
		codes = append(codes, code)
	}
	if !slices.Equal(codes, []string{"K1", "K2"}) {
		t.Errorf("All gives %v, want K1 then K2 (the order first filed)", codes)
	}
}

func TestStoreOfAndNilStore(t *testing.T) {
	st := StoreOf(map[string]map[int]Value{"B": {3: {V: 3}, 1: {V: 1}}, "A": {2: {V: 2}}})
	var codes []string
	for code, s := range st.All() {
		codes = append(codes, code+":"+seriesText(s))
	}
	if got := strings.Join(codes, ", "); got != "A:2=2@, B:1=1@ 3=3@" {
		t.Errorf("StoreOf = %s", got)
	}
	var none *Store
	if none.Len() != 0 || none.Series("A") != nil {
		t.Error("a nil store has values")
	}
	if _, ok := none.Comment("A", period.Quarter{Year: 2023, Q: 1}); ok {
		t.Error("a nil store has a comment")
	}
}

// Rows in any order file the same series, and the value kept for a period given twice is the
// first in row order, as rows in period order would.
func TestMatchRowsOutOfPeriodOrder(t *testing.T) {
	var inOrder, reversed []Observation
	for i := range 12 {
		m := month(2022, 1).Month.Add(i)
		inOrder = append(inOrder, Observation{Code: "CS02", Period: period.Period{Kind: period.KindMonth, Month: m}, Value: float64(i), Place: at("m.csv", 2+i)})
	}
	for i := len(inOrder) - 1; i >= 0; i-- {
		reversed = append(reversed, inOrder[i])
	}
	dup := func(obs []Observation, line int) []Observation {
		o := obs[5]
		o.Value, o.Place = 99, at("m.csv", line)
		return append(slices.Clone(obs), o)
	}
	want := ""
	for i := range 12 {
		want += fmt.Sprintf(" %d=%d@m.csv:%d", month(2022, 1).Month.Index()+i, i, 2+i)
	}
	want = strings.TrimSpace(want)
	for name, obs := range map[string][]Observation{"in order": inOrder, "reversed": reversed} {
		store, probs := Match(NewDataset(dup(obs, 20), nil), testCatalogue())
		if got := seriesText(store.Series("CS02")); got != want {
			t.Errorf("%s: CS02 = %s\nwant %s", name, got, want)
		}
		fifth := obs[5]
		assertMessages(t, messages(probs, ""), []string{
			fmt.Sprintf("m.csv:20: CS02 %s is given twice: here and at %s; keep one", fifth.Period.Month, fifth.Place),
		})
	}
}

// A period given in a later file for a series whose values so far are all later still (files
// named so that they are read out of period order) is filed in its place.
func TestMatchAcrossFilesOutOfPeriodOrder(t *testing.T) {
	ds := NewDataset([]Observation{
		{Code: "CS01", Period: quarter(2023, 3), Value: 3, Place: at("a.csv", 2)},
		{Code: "CS01", Period: quarter(2023, 4), Value: 4, Place: at("a.csv", 3)},
		{Code: "CS01", Period: quarter(2023, 1), Value: 1, Place: at("b.csv", 2)},
		{Code: "CS01", Period: quarter(2023, 2), Value: 2, Place: at("b.csv", 3)},
		{Code: "CS01", Period: quarter(2023, 4), Value: 9, Place: at("b.csv", 4)},
	}, nil)
	store, probs := Match(ds, testCatalogue())
	assertMessages(t, messages(probs, ""), []string{
		"b.csv:4: CS01 2023/24 Q4 is given twice: here and at a.csv:3; keep one",
	})
	q := period.Quarter{Year: 2023, Q: 1}.Index()
	want := fmt.Sprintf("%d=1@b.csv:2 %d=2@b.csv:3 %d=3@a.csv:2 %d=4@a.csv:3", q, q+1, q+2, q+3)
	if got := seriesText(store.Series("CS01")); got != want {
		t.Errorf("CS01 = %s\nwant %s", got, want)
	}
}

// Filing values in a shuffled order, with some periods given twice and one mistyped decades
// away (which turns the series' index sparse), keeps the first of each period in row order
// and ends sorted: the same as sorting the rows by period and dropping repeats.
func TestSeriesFiledInAnyOrder(t *testing.T) {
	for _, far := range []bool{false, true} {
		var idxs []int
		for i := range 60 {
			idxs = append(idxs, 8000+i, 8000+(i*7)%60) // each period, and a repeat
		}
		if far {
			idxs = append(idxs[:50], append([]int{8000 + 4*400}, idxs[50:]...)...)
		}
		// A fixed shuffle: a multiplicative step through the positions.
		shuffled := make([]int, len(idxs))
		for i := range idxs {
			shuffled[i] = idxs[(i*37)%len(idxs)]
		}
		if len(idxs)%37 == 0 {
			t.Fatal("the step must be coprime with the length")
		}
		st := NewStore()
		s := st.seriesFor("K", 0)
		first := map[int]int{} // period -> row of its first value
		var dups []string
		for row, idx := range shuffled {
			v := Value{V: float64(row), Place: at("x.csv", row+1)}
			prev, dup := s.file(idx, v, st.table(v.Place))
			if _, seen := first[idx]; seen {
				if !dup || prev.Place.Line != first[idx]+1 {
					t.Fatalf("row %d: period %d given at row %d: dup %v at %v", row, idx, first[idx], dup, prev.Place)
				}
				dups = append(dups, fmt.Sprint(idx))
				continue
			}
			if dup {
				t.Fatalf("row %d: period %d taken as a repeat of %v", row, idx, prev.Place)
			}
			first[idx] = row
		}
		if far != (s.pos != nil && s.pos.sparse != nil) {
			t.Errorf("far %v: index sparse = %v", far, s.pos != nil && s.pos.sparse != nil)
		}
		st.settle()
		var want []string
		for _, idx := range slices.Sorted(maps.Keys(first)) {
			want = append(want, fmt.Sprintf("%d=%d@x.csv:%d", idx, first[idx], first[idx]+1))
		}
		if got := seriesText(s); got != strings.Join(want, " ") {
			t.Errorf("far %v: series = %s\nwant %s", far, got, strings.Join(want, " "))
		}
		if len(dups) != len(idxs)-len(first) {
			t.Errorf("far %v: %d repeats found, want %d", far, len(dups), len(idxs)-len(first))
		}
	}
}
