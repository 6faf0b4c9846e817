package trend

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// oracleDir is testdata/oracle at the repository's root, found by walking up to go.mod so the
// tests do not depend on this package's depth. The cases are committed, so a missing folder is
// a broken checkout and fails rather than skips.
func oracleDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above %s: the oracle cases live in testdata/oracle at the repository's root", dir)
		}
		dir = parent
	}
	oracle := filepath.Join(dir, "testdata", "oracle")
	if _, err := os.Stat(oracle); err != nil {
		t.Fatalf("oracle folder missing (it is committed with the repository): %v", err)
	}
	return oracle
}

func loadOracle(t testing.TB, rel string, into any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(oracleDir(t), rel))
	if err != nil {
		t.Fatalf("read oracle: %v", err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatalf("parse oracle %s: %v", rel, err)
	}
}

// closeRel reports whether got is within rel of want, relative to |want|, or within rel
// absolutely when want is 0.
func closeRel(got, want, rel float64) bool {
	if got == want {
		return true
	}
	scale := math.Max(math.Abs(want), 1e-300)
	if want == 0 {
		scale = 1
	}
	return math.Abs(got-want) <= rel*scale
}

func assertRel(t testing.TB, name string, got, want, rel float64) {
	t.Helper()
	if !closeRel(got, want, rel) {
		t.Errorf("%s = %.17g, want %.17g (relative tolerance %g)", name, got, want, rel)
	}
}

func assertAbs(t testing.TB, name string, got, want, abs float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > abs {
		t.Errorf("%s = %.17g, want %.17g (absolute tolerance %g)", name, got, want, abs)
	}
}

// seriesPoints places values at positions 0, 1, 2, ...; a nil entry is a missing period,
// which keeps its position.
func seriesPoints(values []*float64) []Point {
	var pts []Point
	for i, v := range values {
		if v != nil {
			pts = append(pts, Point{Pos: float64(i), Value: *v})
		}
	}
	return pts
}

func consecutive(values ...float64) []Point {
	pts := make([]Point, len(values))
	for i, v := range values {
		pts[i] = Point{Pos: float64(i), Value: v}
	}
	return pts
}

func deref(t testing.TB, name string, f *float64) float64 {
	t.Helper()
	if f == nil {
		t.Fatalf("%s is nil", name)
	}
	return *f
}
