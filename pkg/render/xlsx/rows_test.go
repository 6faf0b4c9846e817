package xlsx

import (
	"strings"
	"testing"
)

func TestWrappedLines(t *testing.T) {
	// A width of 10 holds 12 characters a line.
	cases := []struct {
		text  string
		width float64
		want  int
	}{
		{"short", 10, 1},
		{strings.Repeat("x", 12), 10, 1},
		{strings.Repeat("x", 13), 10, 2},
		{strings.Repeat("x", 30), 10, 3},
		{"one\ntwo\n\nfour", 10, 4},
		{strings.Repeat("é", 13), 10, 2}, // runes, not bytes
		{"", 10, 1},
	}
	for _, c := range cases {
		if got := wrappedLines(c.text, c.width); got != c.want {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
}
