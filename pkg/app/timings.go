package app

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"
)

// timings adds up where a build's time went, for --timings. A nil *timings records nothing.
type timings struct {
	mu    sync.Mutex
	start time.Time
	order []string
	spent map[string]time.Duration
	count map[string]int
}

func newTimings(on bool) *timings {
	if !on {
		return nil
	}
	return &timings{start: time.Now(), spent: map[string]time.Duration{}, count: map[string]int{}}
}

// add counts d against a stage; stages are listed in the order first seen.
func (t *timings) add(stage string, d time.Duration) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.spent[stage]; !ok {
		t.order = append(t.order, stage)
	}
	t.spent[stage] += d
	t.count[stage]++
}

// since counts the time from start against a stage.
func (t *timings) since(stage string, start time.Time) {
	t.add(stage, time.Since(start))
}

// stageNotes say what a stage's time covers.
var stageNotes = map[string]string{
	"read":    "catalogue and data files, matched",
	"check":   "warnings about the report quarter",
	"report":  "ratings and trends",
	"publish": "outputs renamed into place",
}

// print writes the summary: the time of each stage reached, read, check and report first,
// then the formats in the order given, then the rest; then the wall-clock total. Outputs are
// rendered side by side, so their times add up to more than the wall-clock time they took.
func (t *timings) print(w io.Writer, formats []string, workers int) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	order := append([]string{"read", "check", "report"}, formats...)
	for _, stage := range t.order {
		if !slices.Contains(order, stage) {
			order = append(order, stage)
		}
	}
	fmt.Fprintln(w, "timings:")
	for _, stage := range order {
		if _, ok := t.spent[stage]; !ok {
			continue
		}
		note := stageNotes[stage]
		switch {
		case stage == "report":
			note = note + ", " + plural(t.count[stage], "pack")
		case note == "":
			note = plural(t.count[stage], "file")
		}
		fmt.Fprintf(w, "  %-8s %8.3fs  %s\n", stage, t.spent[stage].Seconds(), note)
	}
	fmt.Fprintf(w, "  %-8s %8.3fs  wall clock; up to %s rendered at once\n", "total", time.Since(t.start).Seconds(),
		plural(workers, "output"))
}
