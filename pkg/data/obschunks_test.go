package data

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// obsChunks gives back every record stored, in order, across the growth of the first block
// (from the size expected, or not) and the start of each new one.
func TestObsChunksKeepEveryRecord(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 128, 1<<obsChunkBits - 1, 1 << obsChunkBits, 1<<obsChunkBits + 1, 3<<obsChunkBits + 5} {
		for _, expect := range []int{0, 1, 100, n, n + 1, 3000, 1<<obsChunkBits + 3} {
			checkObsChunks(t, n, expect)
		}
	}
}

// checkObsChunks stores n records in blocks whose first is made for expect of them.
func checkObsChunks(t *testing.T, n, expect int) {
	t.Helper()
	c := obsChunks{expect: expect}
	for i := range n {
		c.add(obsRecord{value: float64(i), at: uint32(i) * 3})
	}
	if c.n != n {
		t.Fatalf("%d records added, %d held", n, c.n)
	}
	for i := range n {
		if r := c.at(i); r.value != float64(i) || r.at != uint32(i)*3 {
			t.Fatalf("%d records, %d expected: record %d reads %+v", n, expect, i, *r)
		}
	}
	if want := (n + 1<<obsChunkBits - 1) >> obsChunkBits; len(c.chunks) != want {
		t.Errorf("%d records, %d expected: %d blocks, want %d", n, expect, len(c.chunks), want)
	}
	// As many as expected fit the first block as it was first made.
	if first := max(expect, 64); n > 0 && n <= first && first <= 1<<obsChunkBits && len(c.chunks[0]) != first {
		t.Errorf("%d records, %d expected: the first block grew to %d", n, expect, len(c.chunks[0]))
	}
}

// A dataset gives back every observation as it was stored, whatever its period, note, sheet
// and column, which are stored once for the many observations that share them, and whatever
// its line, which is stored as a step from the line before when the step is short: the same
// line (a wide table), the next, up to five lines skipped; and kept apart when it is not
// (more lines skipped, a sheet's rows starting again, a line out of order).
func TestDatasetKeepsEachObservation(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 7))
	notes := []string{"", "checked", "late", "", "é"}
	sheets := []string{"Data", "Q2", ""}
	var obs []Observation
	line := 1
	for i := range 5000 {
		switch k := rng.IntN(20); {
		case k < 4:
			// the same line
		case k < 12:
			line++
		case k < 15:
			line += 2 + rng.IntN(5) // the longest short step is 6
		case k < 16:
			line += 7
		case k < 17:
			line += rng.IntN(100_000)
		case k < 18:
			line = rng.IntN(5) + 1
		default:
			line = max(line-rng.IntN(10), 0)
		}
		file := "a.xlsx"
		if i > 3000 {
			file = "b.csv"
		}
		o := Observation{
			Code: fmt.Sprintf("CS%02d", rng.IntN(30)), Period: quarter(2023, rng.IntN(4)+1), Value: float64(rng.IntN(1000)) / 10,
			Missing: rng.IntN(20) == 0, Note: notes[rng.IntN(len(notes))],
			Place: diag.Place{File: file, Sheet: sheets[rng.IntN(len(sheets))], Line: line, Col: rng.IntN(3)},
		}
		if o.Missing {
			o.Value = 0
		}
		if rng.IntN(50) == 0 {
			o.Note = fmt.Sprintf("note %d", i) // a note of its own
		}
		obs = append(obs, o)
	}
	got := NewDataset(obs, nil).Observations()
	if !reflect.DeepEqual(got, obs) {
		for i := range obs {
			if i >= len(got) || !reflect.DeepEqual(got[i], obs[i]) {
				t.Fatalf("observation %d: got %+v, want %+v", i, got[i], obs[i])
			}
		}
		t.Fatalf("%d observations, want %d", len(got), len(obs))
	}
}
