package catalogue

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// FuzzParse checks that no input panics, that every problem names the file, and that a
// catalogue that loads keeps the promises the rest of qpr relies on.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/bad/catalogue/*.yaml")
	seeds = append(seeds, "testdata/good.yaml")
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte(head + "    polarity: higher\n    <<: {unit: percent}\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("indicators: &x\n  - <<: [*x]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cat, err := Parse("f.yaml", src)
		if (cat == nil) == (err == nil) {
			t.Fatalf("catalogue %v and error %v: exactly one must be nil", cat, err)
		}
		if err != nil {
			checkProblems(t, err)
			return
		}
		checkCatalogue(t, cat)
	})
}

func checkProblems(t *testing.T, err error) {
	var errs *diag.Errors
	if !errors.As(err, &errs) || len(errs.Problems) == 0 {
		t.Fatalf("error %T %v is not a non-empty *diag.Errors", err, err)
	}
	for _, p := range errs.Problems {
		if p.Place.File != "f.yaml" || p.Message == "" || p.Severity != diag.Error {
			t.Fatalf("problem %+v lacks its file, message or severity", p)
		}
	}
}

func checkCatalogue(t *testing.T, cat *Catalogue) {
	seen := map[string]bool{}
	for _, ind := range cat.Indicators {
		code := strings.ToUpper(ind.Code)
		if ind.Code == "" || seen[code] {
			t.Fatalf("indicator code %q is empty or repeated", ind.Code)
		}
		seen[code] = true
		if _, ok := cat.Directorate(ind.Directorate); !ok {
			t.Fatalf("indicator %s is in unknown directorate %q", ind.Code, ind.Directorate)
		}
		if ind.Type == KPI && ind.Polarity == "" {
			t.Fatalf("kpi %s has no polarity", ind.Code)
		}
		for y, th := range ind.Thresholds {
			if th.Null {
				continue
			}
			if th.Target == nil {
				t.Fatalf("%s year %d has no target", ind.Code, y)
			}
			if th.Floor != nil && ((ind.Polarity == Higher && *th.Floor > *th.Target) || (ind.Polarity == Lower && *th.Floor < *th.Target)) {
				t.Fatalf("%s year %d floor on the wrong side", ind.Code, y)
			}
		}
		if ind.Trend.Window < 1 || ind.Decimals < 0 || ind.MaxLag < 0 {
			t.Fatalf("%s has window %d decimals %d max_lag %d", ind.Code, ind.Trend.Window, ind.Decimals, ind.MaxLag)
		}
	}
	if len(cat.Packs) == 0 {
		t.Fatal("no packs")
	}
	for _, p := range cat.Packs {
		if !safePackID.MatchString(p.ID) {
			t.Fatalf("pack id %q is not safe in a file name", p.ID)
		}
	}
}
