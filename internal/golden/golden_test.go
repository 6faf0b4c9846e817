package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDifference(t *testing.T) {
	cases := []struct{ want, got, says string }{
		{"a\nb\nc\n", "a\nB\nc\n", "line 2:\n  golden: b\n  output: B"},
		{"a\n", "a\nmore\n", "line 2:\n  golden: \n  output: more"},
		{"a\r\n", "a\n", "line 1:\n  golden: a\r\n  output: a"},
		{"a\n", "a\n", "(no line differs; the files differ in their line endings)"},
	}
	for _, c := range cases {
		if s := firstDifference([]byte(c.want), []byte(c.got)); s != c.says {
			t.Errorf("firstDifference(%q, %q) = %q, want %q", c.want, c.got, s, c.says)
		}
	}
}

// recorder keeps what Check reports instead of failing the test that runs it.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, format)
}

func TestCheck(t *testing.T) {
	if *update {
		t.Skip("-update rewrites instead of comparing")
	}
	path := filepath.Join(t.TempDir(), "out.golden")
	if err := os.WriteFile(path, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	same := &recorder{TB: t}
	Check(same, path, []byte("one\ntwo\n"))
	if len(same.errors) != 0 {
		t.Errorf("equal output reported: %v", same.errors)
	}
	differs := &recorder{TB: t}
	Check(differs, path, []byte("one\n2\n"))
	if len(differs.errors) != 1 || !strings.Contains(differs.errors[0], "make golden") {
		t.Errorf("different output: reported %v, want one error naming make golden", differs.errors)
	}
}
