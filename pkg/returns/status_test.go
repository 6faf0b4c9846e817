package returns

import (
	"reflect"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/report"
)

// FIN's signed return gives FN01 (91.5, green), FN05 (2,600,000: amber, lower is better,
// between its target 2,500,000 and floor 3,000,000, with actions but no commentary) and HR01
// as n/a. CC sent nothing, and CS01 is due for each month of the quarter.
func TestStatusOf(t *testing.T) {
	is := testIssue(t, "FIN")
	ds, _ := readReturn(t, fill(t, true, map[string]any{"M3": ""}))
	store, probs := data.Match(ds, is.Catalogue)
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	r, err := report.Build(report.Options{Catalogue: is.Catalogue, Store: store, Pack: catalogue.Pack{ID: "all"}, Period: is.Quarter})
	if err != nil {
		t.Fatal(err)
	}
	st := StatusOf(is.Catalogue, store, is.Quarter, r)
	if st.Period != "2023/24 Q3" || len(st.Owners) != 2 {
		t.Fatalf("status %+v", st)
	}
	fin, cc := st.Owners[0], st.Owners[1]
	if !fin.Received || !fin.Signed || *fin.SignedBy != "Jo Bloggs" || *fin.SignedOn != "2024-01-12" || len(fin.Missing) != 0 {
		t.Errorf("FIN %+v", fin)
	}
	if !reflect.DeepEqual(fin.NeedsCommentary, []string{"FN05"}) {
		t.Errorf("FIN needs commentary for %v, want [FN05]", fin.NeedsCommentary)
	}
	if got := fin.Outstanding(); !reflect.DeepEqual(got, []string{FailCommentary}) {
		t.Errorf("FIN outstanding %v", got)
	}
	want := []DueRow{{Code: "CS01", Period: "2023-10"}, {Code: "CS01", Period: "2023-11"}, {Code: "CS01", Period: "2023-12"}}
	if cc.Received || cc.File != nil || !reflect.DeepEqual(cc.Missing, want) {
		t.Errorf("CC %+v", cc)
	}
	if got := cc.Outstanding(); !reflect.DeepEqual(got, []string{FailMissing, FailIncomplete}) {
		t.Errorf("CC outstanding %v", got)
	}
	if r.Status != report.Draft || len(r.Outstanding) != 1 || r.Outstanding[0].Owner != "CC" || r.Outstanding[0].Reason != "missing" {
		t.Errorf("report status %s, outstanding %+v", r.Status, r.Outstanding)
	}
	if ref := r.Indicators[0].Return; ref == nil || ref.Owner != "FIN" || *ref.SignedBy != "Jo Bloggs" {
		t.Errorf("FN01 return %+v", ref)
	}
}
