package app

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestTimingsSummary(t *testing.T) {
	tm := newTimings(true)
	tm.add("xlsx", 300*time.Millisecond) // reached before pdf, listed after it as asked
	tm.add("read", 1500*time.Millisecond)
	tm.add("report", 100*time.Millisecond)
	tm.add("report", 50*time.Millisecond)
	tm.add("pdf", 2*time.Second)
	tm.add("pdf", 250*time.Millisecond)
	tm.add("publish", time.Millisecond)
	var buf bytes.Buffer
	tm.print(&buf, []string{"pdf", "xlsx", "json"}, 2)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{
		"timings:",
		"  read        1.500s  catalogue and data files, matched",
		"  report      0.150s  ratings and trends, 2 packs",
		"  pdf         2.250s  2 files",
		"  xlsx        0.300s  1 file",
		"  publish     0.001s  outputs renamed into place",
	}
	if len(lines) != len(want)+1 {
		t.Fatalf("summary:\n%s\nwant %d lines", buf.String(), len(want)+1)
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i+1, lines[i], w)
		}
	}
	if !strings.HasPrefix(lines[len(want)], "  total ") || !strings.HasSuffix(lines[len(want)], "wall clock; up to 2 outputs rendered at once") {
		t.Errorf("last line %q", lines[len(want)])
	}
}

func TestNoTimingsRecordNothing(t *testing.T) {
	tm := newTimings(false)
	tm.add("read", time.Second) // a nil *timings takes calls and does nothing
	var buf bytes.Buffer
	tm.print(&buf, nil, 2)
	if buf.Len() != 0 {
		t.Errorf("printed %q without --timings", buf.String())
	}
}
