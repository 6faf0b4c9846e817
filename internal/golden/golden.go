// Package golden compares test output with golden files kept in testdata, and rewrites them
// when a test binary runs with -update (`make golden`), as goreleaser's internal/golden does.
// Every golden-file test uses it, so one flag and one message serve them all.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output; review the diff before committing")

// Check compares got with the golden file at path, failing t with the first line where they
// differ; under -update it rewrites the file instead (making its folder if need be).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("rewriting %s: %v", path, err)
		}
		t.Logf("rewrote %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v (run make golden to write it)", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n%s\nIf the change is deliberate, run make golden and review the diff.", path, firstDifference(want, got))
	}
}

// firstDifference shows the first line where want and got part, with its line number.
func firstDifference(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\n  golden: %s\n  output: %s", i+1, w, g)
		}
	}
	return "(no line differs; the files differ in their line endings)"
}
