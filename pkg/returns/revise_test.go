package returns

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/returns/form"
)

// readAll reads the files in the order given and matches them, as a build does.
func readAll(t *testing.T, paths ...string) (*data.Store, string) {
	t.Helper()
	is := testIssue(t, "FIN")
	ds, probs := data.Read(paths, is.Catalogue.Calendar)
	store, mp := data.Match(ds, is.Catalogue)
	probs.AddAll(mp.Problems())
	var errs []string
	for _, p := range probs.Errors() {
		errs = append(errs, p.Error())
	}
	return store, strings.Join(errs, "\n")
}

func fn01(t *testing.T, store *data.Store) (float64, []report.Revision) {
	t.Helper()
	is := testIssue(t, "FIN")
	r, err := report.Build(report.Options{Catalogue: is.Catalogue, Store: store, Pack: catalogue.Pack{ID: "all"}, Period: is.Quarter})
	if err != nil {
		t.Fatal(err)
	}
	return *r.Indicators[0].Value, r.Indicators[0].Revisions
}

// The later signature stands, whichever order the files are given in; the value it replaced
// is kept as a revision.
func TestLaterSignedReturnRevises(t *testing.T) {
	first := fill(t, true, nil) // FN01 91.5, signed 12 January 2024
	second := fill(t, true, map[string]any{"L2": 89, form.SignedOn: time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)})
	for _, order := range [][]string{{first, second}, {second, first}} {
		store, errs := readAll(t, order...)
		if errs != "" {
			t.Fatalf("errors: %s", errs)
		}
		v, revs := fn01(t, store)
		if v != 89 || len(revs) != 1 || *revs[0].From != 91.5 || *revs[0].To != 89 || revs[0].Source != second || revs[0].Period != "2023/24 Q3" {
			t.Errorf("order %v: FN01 %v, revisions %+v", order, v, revs)
		}
	}
}

// A signed return over an ordinary data file's value revises it; an unsigned one cannot, and
// two ordinary files that disagree stay an error.
func TestReturnOverDataFile(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "fn01.csv")
	if err := os.WriteFile(csv, []byte("code,period,value\nFN01,2023/24 Q3,90\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	store, errs := readAll(t, fill(t, true, nil), csv)
	if errs != "" {
		t.Fatalf("errors: %s", errs)
	}
	if v, revs := fn01(t, store); v != 91.5 || len(revs) != 1 || *revs[0].From != 90 {
		t.Errorf("FN01 %v, revisions %+v", v, revs)
	}
	unsigned := fill(t, false, nil)
	if _, errs := readAll(t, csv, unsigned); !strings.Contains(errs, "FN01 2023/24 Q3 is given twice: here and at "+csv+":2; a return changes a value already held only once it is signed off: sign it off, or keep one") {
		t.Errorf("unsigned return over a data file: %q", errs)
	}
	other := filepath.Join(dir, "fn01b.csv")
	if err := os.WriteFile(other, []byte("code,period,value\nFN01,2023/24 Q3,91\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs := readAll(t, csv, other); !strings.HasSuffix(errs, "FN01 2023/24 Q3 is given twice: here and at "+csv+":2; keep one") {
		t.Errorf("two data files: %q", errs)
	}
}
